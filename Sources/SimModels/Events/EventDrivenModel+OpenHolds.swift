import SimKernel
import SimMetrics

/// The workers still held when an event-driven run ends: the entry's requests, each log
/// consumer's processing and each queue consumer's receives at work count up to the end,
/// as do the jobs of the services they call (see `Calling+OpenHolds.swift`).
extension EventDrivenModel {
    /// Adds, for each worker still held at `end`, the time since it was taken, to the worker
    /// time of the service holding it. Each counts as its hold would have had it ended: an
    /// entry request from taking its worker, a log consumer's event from the start of its
    /// processing (an onward publish after it is not counted), a queue receive from taking
    /// its worker. Work a crash abandoned is gone, so it does not count.
    /// - Complexity: O(jobs and partitions), once per run.
    mutating func recordOpenHolds(at end: Instant) {
        for job in entryJobs.liveSlots where entryJobs[job].isHoldingWorker {
            metrics.recordHeldAtEnd(since: entryJobs[job].tookWorkerAt, end: end, service: entry)
        }
        for g in logConsumers {
            let service = groups[g].config.service
            for cursor in groups[g].cursors where cursor.isProcessing {
                metrics.recordHeldAtEnd(since: cursor.processingSince, end: end, service: service)
            }
        }
        for g in queueConsumers {
            let service = queueGroups[g].config.service
            for job in queueGroups[g].jobs.liveSlots where queueGroups[g].jobs[job].isStarted {
                metrics.recordHeldAtEnd(since: queueGroups[g].jobs[job].startedAt, end: end, service: service)
            }
        }
        recordOpenCallHolds(at: end)
    }
}
