import SimKernel
import SimMetrics
import SimReports

extension Expectation {
    /// Checks the expectation against a run's `metrics.json` document (as `MetricsDocument`
    /// builds it). A value the run does not have, here or in a ratio's reference, fails. A
    /// truth value is measured as 1 for `true` and 0 for `false`.
    public func evaluate(in document: JSONOutput) -> Verdict {
        let runs = document.member("architectures")
        func value(in name: String) -> Double? { runs?.member(name)?.value(at: metric)?.measuredValue }
        var verdict = Verdict(text: text, architecture: architecture, metric: metric, why: why, measured: value(in: architecture),
                              unit: unit, references: [], holds: false)
        var limits: [Double] = []
        for bound in comparison.bounds {
            switch bound {
            case .value(let limit, _):
                limits.append(limit)
            case .ratio(let other, let times, _):
                let reference = value(in: other)
                let line = other + " " + verdict.reading(reference)
                if !verdict.references.contains(line) { verdict.references.append(line) }
                if let reference { limits.append(times * reference) }
            }
        }
        guard limits.count == comparison.bounds.count else { return verdict }
        verdict.limits = limits
        if let measured = verdict.measured { verdict.holds = comparison.holds(measured, limits: limits) }
        failOnModelError(&verdict, in: document)
        return verdict
    }

    /// A run with a model error (`run.modelError` in `metrics.json`, such as the consistency
    /// ledger refusing a version never committed) has figures that cannot be trusted: every
    /// expectation reading it fails, naming the error and the seed.
    func failOnModelError(_ verdict: inout Verdict, in document: JSONOutput) {
        for name in architecturesRead {
            guard case .string(let error)? = document.member("architectures")?.member(name)?.value(at: "run.modelError") else { continue }
            var seed = "?"
            if case .number(let text)? = document.member("scenario")?.member("seed") { seed = text }
            verdict.holds = false
            verdict.why = "model error in \(name) with seed \(seed): \(error)"
            return
        }
    }
}

extension Scenario {
    /// The architectures the expectations read, in the scenario's order.
    public var architecturesReadByExpectations: [String] {
        let read = expectations.flatMap(\.architecturesRead)
        return architectures.map(\.name).filter { read.contains($0) }
    }

    /// Checks every expectation against a run's `metrics.json` document, in file order, then
    /// fails each architecture a limit (the event budget, or a waiting line's limit) stopped
    /// early: figures of part of a run prove nothing about the whole, whatever they are.
    public func verdicts(for document: JSONOutput) -> [Verdict] {
        expectations.map { $0.evaluate(in: document) } + stoppedEarlyVerdicts(for: document)
    }

    /// A failed verdict for each architecture in `document` whose run a limit stopped:
    /// `✗ sync stopped at the event budget at t = 3.2s of 24h: 3200ms`, or
    /// `✗ sync stopped: the line at payment passed 10000000 waiting requests at t = 3.2min of 24h`.
    func stoppedEarlyVerdicts(for document: JSONOutput) -> [Verdict] {
        let length = Format.duration(nanoseconds: Double((world.duration + world.drain).nanoseconds))
        return architectures.compactMap { architecture in
            guard let run = document.member("architectures")?.member(architecture.name)?.member("run"),
                  let stoppedMs = run.member("stoppedAtMs")?.numberValue else { return nil }
            let at = Format.duration(nanoseconds: stoppedMs * 1e6)
            var text = "\(architecture.name) stopped at the event budget at t = \(at) of \(length)"
            var why = "the run ended after \(world.eventBudget) events; shorten it or lower the arrival rate"
            if case .string(let service)? = run.member("overflowedLine") {
                text = "\(architecture.name) stopped: the line at \(service) passed \(world.lineLimit) waiting requests at t = \(at) of \(length)"
                why = "requests arrived faster than \(service) served them; give \(service) a bounded \"queue\" (or more workers, or a lower arrival rate)"
            }
            return Verdict(text: text, architecture: architecture.name, metric: "run.stoppedAtMs", why: why,
                           measured: stoppedMs, unit: "ms", references: [], holds: false)
        }
    }
}

extension ScenarioRunner {
    /// Runs the architectures `scenario`'s expectations read (and no other) and checks every
    /// expectation; `version` goes into the report the verdicts are read from.
    public static func check(_ scenario: Scenario, version: String) -> [Verdict] {
        guard !scenario.expectations.isEmpty else { return [] }  // (an empty `only` would run them all)
        let outcomes = run(scenario, only: scenario.architecturesReadByExpectations)
        let report = RunReport(scenario: scenario, outcomes: outcomes, version: version)
        return scenario.verdicts(for: MetricsDocument.document(report))
    }
}
