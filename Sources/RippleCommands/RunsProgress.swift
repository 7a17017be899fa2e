import SimMetrics

/// Shows how many of a command's runs (`check`'s seeds, `sweep`'s combinations) are done, on
/// standard error, one line rewritten in place, with the time left at the pace so far. Shown
/// only when standard error is a terminal; it reads the wall clock, never a run's.
///
/// `ParallelRuns` calls `report` and the in-order handler one at a time, so the line needs no
/// lock; a handler that prints a result clears the line first (`clear`), and the next report
/// draws it again below the result.
final class RunsProgress: @unchecked Sendable {
    /// The command's name, the line's first word.
    let command: String
    /// How many runs the command makes.
    let total: Int
    private let writeError: (String) -> Void
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    /// A meter for `total` runs of `command`, or `nil` when `console` is not a terminal.
    init?(_ command: String, total: Int, console: Console) {
        guard console.isInteractive else { return nil }
        self.command = command
        self.total = total
        writeError = console.writeError
        start = clock.now
    }

    /// `done` runs have finished: the line shows how many, and the time left once a run is
    /// done; it is cleared when all are.
    func report(done: Int) {
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        writeError("\r\u{1B}[K" + Self.line(command, done: done, of: total, afterSeconds: seconds))
    }

    /// Clears the line, before a result is printed.
    func clear() {
        writeError("\r\u{1B}[K")
    }

    /// The line for `done` runs of `total` finished `seconds` after the first began: empty once
    /// all are done, such as `check: 1 234 of 4 000 runs done, about 2.5 min left`.
    static func line(_ command: String, done: Int, of total: Int, afterSeconds seconds: Double) -> String {
        guard done < total else { return "" }
        let counted = "\(command): \(Format.grouped(done)) of \(Format.grouped(total)) runs done"
        guard done > 0, seconds > 0 else { return counted }
        let left = seconds / Double(done) * Double(total - done)
        return counted + ", about " + Format.duration(nanoseconds: (left * 1e9).rounded(), significant: 2) + " left"
    }
}
