import SimScenario

/// The limits Linux puts on how many processors a process can keep busy, beyond the number
/// online: the CPU affinity mask (`taskset`, a container's cpuset) and a cgroup's CPU quota
/// (`docker --cpus 2`, a CI runner's limit). A default thread count above them buys nothing
/// but memory, one run's worth per extra thread.
enum ProcessorLimits {
    /// The processors this process may use, as far as Linux says: the smaller of the affinity
    /// mask's count and the cgroup quota (rounded up); `nil` where neither can be read.
    static var current: Int? {
        let affinity = text("/proc/self/status").flatMap(allowedProcessors(status:))
        return [affinity, cgroupQuota].compactMap { $0 }.min()
    }

    /// The processors the cgroup quota allows (v2 `cpu.max`, else v1's quota and period), or
    /// `nil` for none.
    static var cgroupQuota: Int? {
        if let cpuMax = text("/sys/fs/cgroup/cpu.max") { return quotaProcessors(cpuMax: cpuMax) }
        guard let quota = text("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"),
              let period = text("/sys/fs/cgroup/cpu/cpu.cfs_period_us") else { return nil }
        return quotaProcessors(quotaMicroseconds: quota, periodMicroseconds: period)
    }

    /// The processors in the `Cpus_allowed:` mask of a `/proc/<pid>/status` text (hexadecimal
    /// words separated by commas), or `nil` when it has none or it is malformed.
    static func allowedProcessors(status: String) -> Int? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else { return nil }
        let mask = line.dropFirst("Cpus_allowed:".count).filter { $0 != " " && $0 != "\t" && $0 != "," }
        guard !mask.isEmpty else { return nil }
        var count = 0
        for digit in mask {
            guard let value = digit.hexDigitValue else { return nil }
            count += value.nonzeroBitCount
        }
        return count > 0 ? count : nil
    }

    /// The processors a cgroup v2 `cpu.max` text allows (`"QUOTA PERIOD"`, rounded up), or `nil`
    /// for no limit (`"max …"`) or a malformed text.
    static func quotaProcessors(cpuMax: String) -> Int? {
        let fields = cpuMax.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count == 2 else { return nil }
        return quotaProcessors(quotaMicroseconds: String(fields[0]), periodMicroseconds: String(fields[1]))
    }

    /// The processors a cgroup quota of `quota` µs of CPU time per `period` µs allows, rounded
    /// up; `nil` for no limit (a quota of -1 or `max`) or a malformed text.
    static func quotaProcessors(quotaMicroseconds quota: String, periodMicroseconds period: String) -> Int? {
        func number(_ text: String) -> Int? { Int(text.filter { $0 != "\n" && $0 != " " }) }
        guard let quota = number(quota), let period = number(period), quota > 0, period > 0 else { return nil }
        return (quota + period - 1) / period
    }

    /// The text of a small system file, or `nil` when it cannot be read (another OS, no cgroup).
    static func text(_ path: String) -> String? {
        FileBytes.contents(of: path, upTo: 1 << 16).map { String(decoding: $0, as: UTF8.self) }
    }
}
