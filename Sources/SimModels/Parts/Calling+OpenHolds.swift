import SimKernel
import SimMetrics

/// The workers still held when a run ends: a call tree's jobs at work or waiting for their
/// calls count up to the end, so a service whose workers never come back (a hung callee
/// behind a long timeout) shows the utilisation its busy gauge does.
extension Calling {
    /// Adds, for each job still holding a worker of its service at `end`, the time since it
    /// took the worker. A steps-only job's worker belongs to the design that started it,
    /// which counts it; a job arriving or in line holds none.
    /// - Complexity: O(jobs alive), once per run.
    mutating func recordOpenCallHolds(at end: Instant) {
        for job in calling.jobs.liveSlots where !calling.jobs[job].isStepsOnly {
            let phase = calling.jobs[job].phase
            guard phase == .working || phase == .waiting else { continue }
            metrics.recordHeldAtEnd(since: calling.jobs[job].tookWorkerAt, end: end, service: calling.service(of: job))
        }
    }
}
