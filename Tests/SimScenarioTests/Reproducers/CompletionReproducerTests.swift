import Testing
@testable import SimScenario

/// The event-driven design's completions (in `Fixtures`): a request completes only when every
/// effect is applied and its user was answered with success, whichever came first, and its
/// end-to-end time ends at its last application.
struct CompletionReproducerTests {
    /// Dual writes whose acknowledgements are dropped for the first second: the 9 users then
    /// fail with a timeout although every event was applied, and only the 10 requests answered
    /// with success complete (all 19 once did).
    @Test func aDualWriteWhoseUserFailedCompletesNothing() throws {
        let run = try Reproducer("failed-completed-dual-write")
        #expect(run.failures.isEmpty, "\(run.failures)")
        #expect(run.value("events", "requests.failed") == 9)
        #expect(run.value("events", "consistency.c.applied") == 19)
        #expect(run.value("events", "requests.completed") == run.value("events", "requests.succeeded"))
        #expect(run.value("events", "endToEnd.count") == 10)
    }

    /// Every user gives up after 10 ms of the entry's 20 ms of work: the user fails before the
    /// event is even published, and no request completes (all 19 once did).
    @Test func aRequestWhoseUserGaveUpCompletesNothing() throws {
        let run = try Reproducer("failed-completed-client-timeout")
        #expect(run.failures.isEmpty, "\(run.failures)")
        #expect(run.value("events", "requests.failed") == run.value("events", "requests.arrived"))
        #expect(run.value("events", "consistency.c.applied") == run.value("events", "requests.arrived"))
        #expect(run.value("events", "endToEnd.count") == 0)
    }

    /// Every acknowledgement is lost, so each user's timeout comes at the 60 ms delivery
    /// timeout or later, after its effect was applied (within 60 ms of the commit, the
    /// staleness says): the failure coming last still leaves the request incomplete.
    @Test func aFailureAfterEveryEffectAppliedCompletesNothing() throws {
        let run = try Reproducer("failed-after-applied")
        #expect(run.failures.isEmpty, "\(run.failures)")
        let arrived = try #require(run.value("events", "requests.arrived"))
        #expect(arrived > 0 && run.value("events", "requests.failed") == arrived)
        #expect(run.value("events", "consistency.c.applied") == arrived)
        #expect(try #require(run.value("events", "consistency.c.staleness.maxMs")) < 60)
        #expect(run.value("events", "endToEnd.count") == 0)
    }

    /// Acknowledgements that take 30 ms: each success is answered after the effect was
    /// applied. The request completes then, and its end-to-end time (9 ms) ends at the
    /// application, not at the answer (37 ms).
    @Test func aSuccessAfterEveryEffectAppliedCompletesWithTheApplicationsTime() throws {
        let run = try Reproducer("answered-after-applied")
        #expect(run.failures.isEmpty, "\(run.failures)")
        #expect(run.value("events", "latency.success.p50Ms") == 37)
        #expect(run.value("events", "endToEnd.maxMs") == 9)
    }

    /// Users who give up on slow attempts and try again: every attempt's event is applied,
    /// but a user request completes at most once, with the attempt that answered it with
    /// success (each applied attempt once completed, more than the requests answered).
    @Test func aUserRequestCompletesOnceWhateverItsAttempts() throws {
        let run = try Reproducer("client-retry-completes-once")
        let succeeded = try #require(run.value("events", "requests.succeeded"))
        #expect(try #require(run.value("events", "requests.abandonedAttempts")) > 0)
        #expect(try #require(run.value("events", "consistency.c.applied")) > succeeded)
        #expect(run.value("events", "consistency.c.lost") == 0)
        #expect(run.value("events", "requests.completed") == succeeded)
        #expect(run.value("events", "endToEnd.count") == succeeded)
    }

    /// A 10 ms visibility timeout under 50 ms of work and a redrive policy of one receive:
    /// the broker dead-letters every message while its only receive is still processing, and
    /// that receive then applies the effect. Every request completes, with its end-to-end time
    /// (none did: the redrive had settled the effect unapplied).
    @Test func aMessageRedrivenWhileItsReceiveProcessesCompletesWhenApplied() throws {
        let run = try Reproducer("redriven-while-processing")
        #expect(run.failures.isEmpty, "\(run.failures)")
        #expect(run.value("events-q1", "consistency.a.deadLettered") == 199)
        #expect(run.value("events-q1", "consistency.a.applied") == 199)
        #expect(run.value("events-q1", "consistency.a.missingAtEnd") == 0)
        #expect(run.value("events-q1", "requests.completed") == 199)
        #expect(run.value("events-q1", "endToEnd.count") == 199)
    }
}
