import Testing
@testable import SimScenario

/// Workers still held when the run ends count up to its end (15 s here), in every place that
/// holds one: a synchronous job waiting on a hung callee, the event-driven entry, a log
/// consumer's processing and a queue consumer's receives.
struct OpenHoldsReproducerTests {
    /// Requests arrive at 0.1 s, 0.2 s, … and the first five take api's 5 workers for good
    /// (db never answers, and the timeout is 1 h): (5 × 15 − (0.1 + 0.2 + 0.3 + 0.4 + 0.5)) /
    /// (5 × 15) = 73.5 / 75 = 0.98, in the synchronous design and at the hybrid's entry. None
    /// of those holds ended, so `holding` has none.
    @Test func aCallerWaitingOnAHungCalleeIsBusyToTheEnd() throws {
        let run = try Reproducer("open-holds")
        for architecture in ["sync", "hybrid"] {
            #expect(run.value(architecture, "services.api.busyWorkerSeconds") == 73.5, "\(architecture)")
            #expect(run.value(architecture, "services.api.utilisation") == 0.98, "\(architecture)")
            #expect(run.value(architecture, "services.api.holding.count") == 0, "\(architecture)")
        }
    }

    /// The consumers' first events (published after the request at 0.1 s, before the next at
    /// 0.2 s) hang until their 1 h fetch timeout or 12 h visibility timeout: logged's one
    /// worker is held from before 0.2 s to 15 s, as are queued's two for its first two
    /// messages (the second from before 0.3 s).
    @Test func aConsumerStuckOnAHangingEventIsBusyToTheEnd() throws {
        let run = try Reproducer("open-holds")
        let logged = try #require(run.value("events-log", "services.logged.busyWorkerSeconds"))
        #expect(logged > 14.8 && logged < 14.9)
        let queued = try #require(run.value("events-queue", "services.queued.busyWorkerSeconds"))
        #expect(queued > 14.8 + 14.7 && queued < 14.9 + 14.8)
        #expect(run.value("events-log", "services.logged.holding.count") == 0)
        #expect(run.value("events-queue", "services.queued.holding.count") == 0)
    }

    /// logged's one worker is held from 0.1 s to the end at 10 s, across the 2 s warm-up, by
    /// three holds of about 3 s and one still open, but for the 1 ms it waits for each of the
    /// next three events: its worker time is the 8 s after the warm-up less those 3 ms, and its
    /// utilisation 7.997 / 8 = 0.9996. The hold that began before the warm-up's end adds only
    /// its part after it; counted whole, it put the utilisation at 1.2356.
    @Test func aWorkerHeldAcrossTheWarmupAndToTheEndIsBusyAtMostAllTheTime() throws {
        let run = try Reproducer("warmup-holds")
        #expect(run.value("events", "services.logged.utilisation") == 0.9996)
        #expect(run.value("events", "services.logged.busyWorkerSeconds") == 7.997)
        #expect(run.value("events", "services.logged.holding.count") == 3)
    }
}
