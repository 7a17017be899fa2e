import Testing
@testable import SimMetrics

/// A measurement tree can be read by dotted path, at the precision `metrics.json` publishes,
/// and lists its figures' paths.
struct FigureLookupTests {
    let figures = Figure.group([
        ("latency", .group([("p99Ms", .decimal(4.5, places: 3)), ("kind", .text("x")), ("p50Ms", .absent),
                            ("p90Ms", .decimal(.nan, places: 3))])),
        ("gauges", .group([("email lag", .group([("peak", .integer(7))]))])),
        ("services", .group([("mail.v2", .group([("started", .integer(3))])), ("mail", .group([("started", .integer(1))]))])),
        ("recovery", .group([("metastable", .truth(true))])),
    ])

    @Test func findsValuesByDottedPathEvenWhenKeysHoldDots() {
        #expect(figures.value(at: "latency.p99Ms")?.numberValue == 4.5)
        #expect(figures.value(at: "gauges.email lag.peak")?.numberValue == 7)
        #expect(figures.value(at: "services.mail.v2.started")?.numberValue == 3)
        #expect(figures.value(at: "services.mail.started")?.numberValue == 1)
        #expect(figures.value(at: "latency.kind")?.numberValue == nil && figures.value(at: "latency.kind")?.textValue == "x")
        #expect(figures.value(at: "latency.p50Ms")?.numberValue == nil)
        #expect(figures.value(at: "latency.p90Ms")?.numberValue == nil, "not finite: no data")
        #expect(figures.value(at: "latency.p999Ms") == nil)
        #expect(figures.value(at: "latency.p99Ms.more") == nil)
    }

    /// Readers see a decimal as `metrics.json` writes it, rounded to its places.
    @Test func readsDecimalsAtThePublishedPrecision() {
        #expect(Figure.decimal(2.34567, places: 3).numberValue == 2.346)
        #expect(Figure.decimal(0.12345678, places: 6).numberValue == 0.123457)
        #expect(Figure.milliseconds(1_234_567).numberValue == 1.235)
        #expect(Figure.decimal(-0.0001, places: 3).numberValue == 0)
    }

    /// A truth value is measured as 1 or 0, and is not a number.
    @Test func measuresTruthAsOneOrZero() {
        #expect(figures.value(at: "recovery.metastable")?.measuredValue == 1)
        #expect(figures.value(at: "recovery.metastable")?.numberValue == nil)
        #expect(Figure.truth(false).measuredValue == 0)
    }

    @Test func listsTheFiguresInWrittenOrder() {
        #expect(figures.numberPaths == ["gauges.email lag.peak", "latency.p50Ms", "latency.p90Ms", "latency.p99Ms",
                                        "services.mail.started", "services.mail.v2.started"])
        #expect(figures.truthPaths == ["recovery.metastable"])
    }
}
