import SimKernel
import SimReports

/// Shows how far a run has got on standard error, one line rewritten in place: simulated
/// time done and events per second of wall time. Used only when standard error is a terminal,
/// and it never touches the simulation: it only reads the clock the run reports.
final class ProgressMeter {
    let console: Console
    let length: TimeSpan
    let clock = ContinuousClock()
    /// When the current architecture started: when the previous one last reported.
    var started: ContinuousClock.Instant
    var lastReport: ContinuousClock.Instant
    var architecture = ""

    init(console: Console, length: TimeSpan) {
        self.console = console
        self.length = length
        started = clock.now
        lastReport = started
    }

    /// Reports that `architecture` has simulated up to `now`, handling `events` events.
    func report(_ architecture: String, _ now: Instant, _ events: Int) {
        if architecture != self.architecture {
            self.architecture = architecture
            started = lastReport
        }
        lastReport = clock.now
        let elapsed = lastReport - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let done = length.nanoseconds > 0 ? Double(now.nanoseconds) / Double(length.nanoseconds) : 1
        let rate = seconds > 0 ? Format.compact(Double(events) / seconds / 1e6, significant: 3) + "M events/s" : ""
        console.writeError("\r\u{1B}[K\(architecture): \(Format.percent(done, decimals: 0)) of \(length) simulated  \(rate)")
    }

    /// Clears the progress line.
    func finish() {
        console.writeError("\r\u{1B}[K")
    }
}
