import Testing
@testable import SimScenario

/// A log consumer's onward publish that fails (in `Fixtures`): the processing attempt has
/// failed and counts toward `maxAttempts` as any failed attempt does, so the event is
/// dead-lettered and committed past, and the partition moves on.
struct OnwardReproducerTests {
    /// Every onward publish times out (1 ms against a 16 ms link), yet each is appended.
    /// With `maxAttempts` 2, each of the 9 events gets exactly 2 attempts (one retry) and is
    /// dead-lettered; the next topic gets both appends of each; the partition drains and the
    /// run goes quiet (the first event was once retried for the whole run, 5 895 times).
    @Test func aTimedOutOnwardPublishFailsTheAttemptUntilTheEventIsDeadLettered() throws {
        let run = try Reproducer("onward-publish-timeout")
        #expect(run.failures.isEmpty, "\(run.failures)")
        #expect(run.value("events", "requests.arrived") == 9)
        #expect(run.value("events", "consistency.c.deadLettered") == 9)
        #expect(run.value("events", "delivery.redeliveries") == 9)
        #expect(run.value("events", "consistency.c.applied") == 9 && run.value("events", "consistency.c.duplicated") == 9)
        #expect(run.value("events", "consistency.b.applied") == 9 && run.value("events", "consistency.b.duplicated") == 9)
        #expect(run.value("events", "gauges.c lag.atEnd") == 0)
        #expect(run.measurements.value(at: "run.stop", in: "events")?.textValue == "quiescent")
    }

    /// Every onward publish is dropped for the first 5 s: with `maxAttempts` 3, each of the
    /// 9 events is retried twice and dead-lettered during the blip, and none reaches the next
    /// topic (one event was once retried every 50 ms for the whole blip, 93 times).
    @Test func aDroppedOnwardPublishFailsTheAttemptUntilTheEventIsDeadLettered() throws {
        let run = try Reproducer("onward-publish-drop")
        #expect(run.failures.isEmpty, "\(run.failures)")
        #expect(run.value("events", "consistency.c.deadLettered") == 9)
        #expect(run.value("events", "delivery.redeliveries") == 18)
        #expect(run.value("events", "consistency.b.applied") == 0 && run.value("events", "consistency.b.missingAtEnd") == 9)
        #expect(run.measurements.value(at: "run.stop", in: "events")?.textValue == "quiescent")
    }
}
