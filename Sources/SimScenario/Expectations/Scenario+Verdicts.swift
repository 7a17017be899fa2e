import SimChecks
import SimKernel
import SimMetrics

extension Scenario {
    /// The architectures the expectations read, in the scenario's order.
    public var architecturesReadByExpectations: [String] {
        let read = expectations.flatMap(\.architecturesRead)
        return architectures.map(\.name).filter { read.contains($0) }
    }

    /// Checks every expectation against a run's `measurements`, in file order, then fails each
    /// architecture a limit (the event budget, or a waiting line's limit) stopped early: figures
    /// of part of a run prove nothing about the whole, whatever they are.
    public func verdicts(for measurements: Measurements) -> [Verdict] {
        expectations.map { $0.evaluate(in: measurements) } + stoppedEarlyVerdicts(for: measurements)
    }

    /// A failed verdict for each architecture in `measurements` whose run a limit stopped:
    /// `✗ sync stopped at the event budget at t = 3.2s of 24h: 3200ms`, or
    /// `✗ sync stopped: the line at payment passed 10000000 waiting requests at t = 3.2min of 24h`, or
    /// `✗ events stopped: the backlog of the topic of orders passed 10000000 events at t = 33min of 1h`.
    /// Its limit is the run's planned end, so it reads `measured 3.2 min, limit 24 h`.
    func stoppedEarlyVerdicts(for measurements: Measurements) -> [Verdict] {
        let plannedEnd = Double((world.duration + world.drain).nanoseconds)
        let length = Format.duration(nanoseconds: plannedEnd)
        return architectures.compactMap { architecture in
            guard let run = measurements.value(at: "run", in: architecture.name),
                  let stoppedMs = run.member("stoppedAtMs")?.numberValue else { return nil }
            let at = Format.duration(nanoseconds: stoppedMs * 1e6)
            var text = "\(architecture.name) stopped at the event budget at t = \(at) of \(length)"
            var why = "the run ended after \(world.eventBudget) events; shorten it or lower the arrival rate"
            if let line = run.member("overflowedLine")?.textValue {
                let overflow = LineOverflow(line: line, limit: world.lineLimit)
                text = "\(architecture.name) stopped: \(overflow.passed) at t = \(at) of \(length)"
                why = overflow.cause
            }
            return Verdict(text: text, architecture: architecture.name, metric: "run.stoppedAtMs", why: why,
                           measured: stoppedMs, unit: "ms", references: [], holds: false, limits: [plannedEnd / 1e6])
        }
    }
}
