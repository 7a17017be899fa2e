import SimKernel
import SimMetrics

/// The workers still held when a run ends: a call tree's jobs at work or waiting for their
/// calls count up to the end, so a service whose workers never come back (a hung callee
/// behind a long timeout) shows the utilisation its busy gauge does.
extension Calling where Self: ~Copyable {
    /// The jobs holding a worker of their service now: at work or waiting for their calls, each
    /// with its service and when it took the worker. A steps-only job's worker belongs to the
    /// design that started it, which counts it; a job arriving or in line holds none.
    /// - Complexity: O(jobs alive); asked at the warm-up's end and at the run's.
    var openCallHolds: [OpenHold] {
        calling.jobs.liveSlots.compactMap { job in
            let phase = calling.jobs[job].phase
            guard !calling.jobs[job].isStepsOnly, phase == .working || phase == .waiting else { return nil }
            return OpenHold(service: calling.service(of: job), since: calling.jobs[job].tookWorkerAt)
        }
    }
}

/// A worker held now: whose, and since when.
struct OpenHold {
    var service: Int
    var since: Instant
}

extension Calling where Self: ~Copyable {
    /// The warm-up ended: each worker held across its end has its time before it taken off.
    mutating func discountOpenHoldsBeforeWarmup(_ holds: [OpenHold]) {
        for hold in holds { metrics.discountBeforeWarmup(holdSince: hold.since, service: hold.service) }
    }

    /// The run ended at `end`: each worker still held adds its time up to the end.
    mutating func recordOpenHolds(_ holds: [OpenHold], at end: Instant) {
        for hold in holds { metrics.recordHeldAtEnd(since: hold.since, end: end, service: hold.service) }
    }
}
