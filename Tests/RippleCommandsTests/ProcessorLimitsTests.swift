import Testing
@testable import RippleCommands

/// The affinity mask and cgroup quotas are read as Linux writes them.
struct ProcessorLimitsTests {
    @Test func affinityMaskCountsItsBits() {
        #expect(ProcessorLimits.allowedProcessors(status: "Name:\tripple\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\n") == 2)
        #expect(ProcessorLimits.allowedProcessors(status: "Cpus_allowed:\t1\n") == 1)
        #expect(ProcessorLimits.allowedProcessors(status: "Cpus_allowed:\tffffffff,ffffffff,0000000f\n") == 68)
        #expect(ProcessorLimits.allowedProcessors(status: "Cpus_allowed_list:\t0-1\n") == nil)
        #expect(ProcessorLimits.allowedProcessors(status: "Cpus_allowed:\tzz\n") == nil)
        #expect(ProcessorLimits.allowedProcessors(status: "Cpus_allowed:\t0\n") == nil)
    }

    @Test func cgroupVersionTwoQuotaRoundsUp() {
        #expect(ProcessorLimits.quotaProcessors(cpuMax: "max 100000\n") == nil)
        #expect(ProcessorLimits.quotaProcessors(cpuMax: "200000 100000\n") == 2)
        #expect(ProcessorLimits.quotaProcessors(cpuMax: "150000 100000\n") == 2)
        #expect(ProcessorLimits.quotaProcessors(cpuMax: "50000 100000\n") == 1)
        #expect(ProcessorLimits.quotaProcessors(cpuMax: "") == nil)
    }

    @Test func cgroupVersionOneQuotaRoundsUp() {
        #expect(ProcessorLimits.quotaProcessors(quotaMicroseconds: "-1\n", periodMicroseconds: "100000\n") == nil)
        #expect(ProcessorLimits.quotaProcessors(quotaMicroseconds: "300000\n", periodMicroseconds: "100000\n") == 3)
        #expect(ProcessorLimits.quotaProcessors(quotaMicroseconds: "100001\n", periodMicroseconds: "100000\n") == 2)
        #expect(ProcessorLimits.quotaProcessors(quotaMicroseconds: "100000\n", periodMicroseconds: "0\n") == nil)
    }

    @Test func theDefaultNeverExceedsWhatThisProcessMayUse() throws {
        #expect(ProcessEnvironment.processorCount >= 1)
        guard let status = ProcessorLimits.text("/proc/self/status") else { return }  // not Linux
        let allowed = try #require(ProcessorLimits.allowedProcessors(status: status))
        #expect(ProcessEnvironment.processorCount <= allowed)
        #expect(ProcessorLimits.current.map { $0 <= allowed } ?? false)
    }
}
