import SimKernel
import SimMetrics
import SimReports
import SimRuns

/// Shows how far a run has got on standard error, one line rewritten in place: the share done,
/// by the nearer of the simulated time and the event budget, and events per second of wall
/// time. Used only when standard error is a terminal, and it never touches the simulation: it
/// only reads the clock and the event count the run reports (at least every 1 % of the run
/// and every `Scheduler.progressEventStride` events), and keeps the wall clock to itself.
/// Architectures running on several threads report to one meter; the line shows whichever
/// reported last, and a lock keeps their reports from overlapping.
final class ProgressMeter: @unchecked Sendable {
    /// The shortest wall time between two redrawn lines, so a fast run does not flood the terminal.
    static let redrawInterval = Duration.milliseconds(100)

    let console: Console
    let length: TimeSpan
    let eventBudget: Int
    let clock = ContinuousClock()
    let lock = Lock()
    /// When each architecture reported first (its start, when it reports clock zero as it starts), in order of first report.
    var starts: [(architecture: String, at: ContinuousClock.Instant)] = []
    var lastDrawn: ContinuousClock.Instant?

    /// A meter for runs of `length` of simulated time and at most `eventBudget` events each.
    init(console: Console, length: TimeSpan, eventBudget: Int) {
        self.console = console
        self.length = length
        self.eventBudget = eventBudget
    }

    /// The share of a run done at `now` after `events` events: the nearer of its end in
    /// simulated time and its event budget.
    func done(at now: Instant, events: Int) -> Double {
        let time = length.nanoseconds > 0 ? Double(now.nanoseconds) / Double(length.nanoseconds) : 1
        return Swift.min(1, Swift.max(time, Double(events) / Double(Swift.max(1, eventBudget))))
    }

    /// Reports that `architecture` has simulated up to `now`, handling `events` events; the line
    /// is redrawn when an architecture reports first and otherwise at most every `redrawInterval`.
    func report(_ architecture: String, _ now: Instant, _ events: Int) {
        lock.lock()
        defer { lock.unlock() }
        let time = clock.now
        let started: ContinuousClock.Instant
        if let known = starts.first(where: { $0.architecture == architecture }) {
            started = known.at
            if let lastDrawn, time - lastDrawn < Self.redrawInterval { return }
        } else {
            starts.append((architecture, time))
            started = time
        }
        lastDrawn = time
        let elapsed = time - started
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
