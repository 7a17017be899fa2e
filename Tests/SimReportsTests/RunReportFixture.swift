import SimKernel
import SimMetrics
@testable import SimReports

/// A run report shaped like `payment-email-slowdown`, built without simulating: five minutes
/// at one-second intervals, email slowed from 60 s to 120 s and notification down from
/// 250 s to the end. The sync chain's latency and busy workers follow email's; the event-driven
/// design answers as fast as ever while its email consumer's lag builds and drains.
enum RunReportFixture {
    static func report(name: String = "payment-email-slowdown",
                       description: String = "The email provider slows for a minute.") -> RunReport {
        RunReport(name: name, description: description, seed: 42, duration: .minutes(3), drain: .minutes(2), version: "0.0.0-test",
                  faults: ["slow email (work replaced) from 1 min to 2 min", "crash notification from 250 s to the end"],
                  windows: [FaultWindow(start: .seconds(60), end: .seconds(120), label: "slow email"),
                            FaultWindow(start: .seconds(250), end: nil, label: "crash notification")],
                  architectures: [ArchitectureReport(name: "sync", kind: "sync", metrics: sync(), stopReason: "drained", events: 1000),
                                  ArchitectureReport(name: "events", kind: "events", metrics: events(), stopReason: "drained", events: 2000)])
    }

    /// Whether second `t` lies in the email slowdown.
    static func isSlow(_ t: Int) -> Bool { t > 60 && t <= 120 }

    static func sync() -> ArchitectureMetrics {
        var metrics = ArchitectureMetrics(serviceNames: ["payment", "email", "notification"], targets: ["email"], keyCount: 10,
                                          gaugeNames: ["payment queue", "email queue", "payment busy", "email busy"])
        (metrics.services[0].workers, metrics.services[1].workers, metrics.services[2].workers) = (50, 40, 20)
        for t in 1...300 {
            let requests = t <= 180 ? 20 : 0
            for k in 0..<requests {
                metrics.recordArrival()
                let milliseconds: Int64 = isSlow(t) ? 2_000 + Int64(k) * 100 : 120 + Int64(k)
                metrics.recordResponse(latency: .milliseconds(milliseconds), failure: isSlow(t) && k == 19 ? .timeout : nil)
            }
            let busy: Double = isSlow(t) ? 50 : (t <= 180 ? 25 : 0)
            metrics.closeInterval(at: Instant(nanoseconds: Int64(t) * 1_000_000_000),
                                 gauges: [isSlow(t) ? Double(t - 60) * 10 : 0, 0, busy, busy * 0.8])
        }
        return metrics
    }

    static func events() -> ArchitectureMetrics {
        var metrics = ArchitectureMetrics(serviceNames: ["payment", "email", "notification"], targets: ["email", "notification"],
                                          keyCount: 10, gaugeNames: ["payment queue", "payment busy", "outbox", "email lag", "notification lag"])
        metrics.services[0].workers = 8
        var lag = 0.0
        for t in 1...300 {
            let requests = t <= 180 ? 20 : 0
            for k in 0..<requests {
                metrics.recordArrival()
                metrics.recordResponse(latency: .milliseconds(20 + Int64(k)), failure: nil)
            }
            lag = isSlow(t) ? lag + 180 : Swift.max(0, lag - 120)
            metrics.closeInterval(at: Instant(nanoseconds: Int64(t) * 1_000_000_000),
                                 gauges: [0, t <= 180 ? 4 : 0, 0, lag, t > 250 ? Double(t - 250) : 0])
        }
        return metrics
    }

    /// `report()`'s events design alone over 100 000 rows of 10 ms, its email lag and payment's
    /// busy workers noisy with one spike each, answering a request in most intervals.
    static func longReport() -> RunReport {
        var long = report()
        var metrics = ArchitectureMetrics(serviceNames: ["payment"], targets: [], keyCount: 1, gaugeNames: ["email lag", "payment busy"])
        metrics.services[0].workers = 8
        for row in 1...100_000 {
            if row % 7 != 0 { metrics.recordResponse(latency: .milliseconds(Int64(5 + row % 13)), failure: nil) }
            let lag = row == 61_803 ? 50_000 : Double(row * 7_919 % 1_000)
            metrics.closeInterval(at: Instant(nanoseconds: Int64(row) * 10_000_000), gauges: [lag, row == 31_415 ? 8 : Double(row % 5)])
        }
        long.architectures = [long.architectures[1]]
        long.architectures[0].metrics = metrics
        long.duration = .seconds(1_000)
        long.drain = .zero
        return long
    }
}
