import SimKernel
import SimMetrics
import SimReports

/// Shows how far a run has got on standard error, one line rewritten in place: the share done,
/// by the nearer of the simulated time and the event budget, and events per second of wall
/// time. Used only when standard error is a terminal, and it never touches the simulation: it
/// only reads the clock and the event count the run reports (at least every 1 % of the run
/// and every `Scheduler.progressEventStride` events), and keeps the wall clock to itself.
final class ProgressMeter {
    /// The shortest wall time between two redrawn lines, so a fast run does not flood the terminal.
    static let redrawInterval = Duration.milliseconds(100)

    let console: Console
    let length: TimeSpan
    let eventBudget: Int
    let clock = ContinuousClock()
    /// When the current architecture started: when the previous one last reported.
    var started: ContinuousClock.Instant
    var lastReport: ContinuousClock.Instant
    var lastDrawn: ContinuousClock.Instant?
    var architecture = ""

    /// A meter for runs of `length` of simulated time and at most `eventBudget` events each.
    init(console: Console, length: TimeSpan, eventBudget: Int) {
        self.console = console
        self.length = length
        self.eventBudget = eventBudget
        started = clock.now
        lastReport = started
    }

    /// The share of a run done at `now` after `events` events: the nearer of its end in
    /// simulated time and its event budget.
    func done(at now: Instant, events: Int) -> Double {
        let time = length.nanoseconds > 0 ? Double(now.nanoseconds) / Double(length.nanoseconds) : 1
        return Swift.min(1, Swift.max(time, Double(events) / Double(Swift.max(1, eventBudget))))
    }

    /// Reports that `architecture` has simulated up to `now`, handling `events` events; the line
    /// is redrawn for a new architecture and otherwise at most every `redrawInterval`.
    func report(_ architecture: String, _ now: Instant, _ events: Int) {
        let isNew = architecture != self.architecture
        if isNew {
            self.architecture = architecture
            started = lastReport
        }
        lastReport = clock.now
        if !isNew, let lastDrawn, lastReport - lastDrawn < Self.redrawInterval { return }
        lastDrawn = lastReport
        let elapsed = lastReport - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? "  " + Format.compact(Double(events) / seconds / 1e6, significant: 3) + "M events/s" : ""
        let at = Format.duration(nanoseconds: Double(now.nanoseconds))
        console.writeError("\r\u{1B}[K\(architecture.printable): \(Format.percent(done(at: now, events: events), decimals: 0)) "
                           + "(t = \(at) of \(length), \(Format.compact(Double(events), significant: 3)) of \(eventBudget) events)\(rate)")
    }

    /// Clears the progress line.
    func finish() {
        console.writeError("\r\u{1B}[K")
    }
}
