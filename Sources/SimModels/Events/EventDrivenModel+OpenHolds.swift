import SimKernel
import SimMetrics

/// The workers still held when an event-driven run ends: the entry's requests, each log
/// consumer's processing and each queue consumer's receives at work count up to the end,
/// as do the jobs of the services they call (see `Calling+OpenHolds.swift`).
extension EventDrivenModel {
    /// Every worker held now, each as its hold would count had it ended: an entry request from
    /// taking its worker, a log consumer's event from the start of its processing (an onward
    /// publish after it is not counted), a queue receive from taking its worker, and the jobs
    /// of the services they call. Work a crash abandoned is gone, so it is not held.
    /// - Complexity: O(jobs and partitions); asked at the warm-up's end and at the run's.
    var openHolds: [OpenHold] {
        var holds = entryJobs.liveSlots.filter { entryJobs[$0].isHoldingWorker }.map { OpenHold(service: entry, since: entryJobs[$0].tookWorkerAt) }
        for g in logConsumers {
            let service = groups[g].config.service
            holds += groups[g].cursors.filter(\.isProcessing).map { OpenHold(service: service, since: $0.processingSince) }
        }
        for g in queueConsumers {
            let service = queueGroups[g].config.service
            holds += queueGroups[g].workStarts.map { OpenHold(service: service, since: $0) }
        }
        return holds + openCallHolds
    }
}
