import Testing
import SimMetrics
@testable import SimReports

/// A built document can be read back by dotted path, and lists its numbers' paths.
struct JSONOutputLookupTests {
    let document = JSONOutput.object([
        ("latency", .object([("p99Ms", .number("4.5")), ("kind", .string("x")), ("p50Ms", .null)])),
        ("gauges", .object([("email lag", .object([("peak", .int(7))]))])),
        ("services", .object([("mail.v2", .object([("started", .int(3))])), ("mail", .object([("started", .int(1))]))])),
    ])

    @Test func findsValuesByDottedPathEvenWhenKeysHoldDots() {
        #expect(document.value(at: "latency.p99Ms")?.numberValue == 4.5)
        #expect(document.value(at: "gauges.email lag.peak")?.numberValue == 7)
        #expect(document.value(at: "services.mail.v2.started")?.numberValue == 3)
        #expect(document.value(at: "services.mail.started")?.numberValue == 1)
        #expect(document.value(at: "latency.kind")?.numberValue == nil)
        #expect(document.value(at: "latency.p50Ms")?.numberValue == nil)
        #expect(document.value(at: "latency.p90Ms") == nil)
        #expect(document.value(at: "latency.p99Ms.more") == nil)
    }

    @Test func listsTheNumbersInWrittenOrder() {
        #expect(document.numberPaths == ["gauges.email lag.peak", "latency.p99Ms", "services.mail.started", "services.mail.v2.started"])
        #expect(document.numberPaths(includingNulls: true)
                == ["gauges.email lag.peak", "latency.p50Ms", "latency.p99Ms", "services.mail.started", "services.mail.v2.started"])
    }
}
