import SimMetrics

extension Expectation {
    /// Checks the expectation against a run's `measurements`, reading its metric at the
    /// precision `metrics.json` publishes. A value the run does not have, here or in a ratio's
    /// reference, fails. A truth value is measured as 1 for `true` and 0 for `false`.
    public func evaluate(in measurements: Measurements) -> Verdict {
        func value(in name: String) -> Double? { measurements.value(at: metric, in: name)?.measuredValue }
        var verdict = Verdict(text: text, architecture: architecture, metric: metric, why: why, measured: value(in: architecture),
                              unit: unit, references: [], holds: false)
        var limits: [Double] = []
        for bound in bounds {
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
        guard limits.count == bounds.count else { return verdict }
        verdict.limits = limits
        if let measured = verdict.measured { verdict.holds = comparison.holds(measured, limits: limits) }
        failOnModelError(&verdict, in: measurements)
        return verdict
    }

    /// A run with a model error (`run.modelError`, such as the consistency ledger refusing a
    /// version never committed) has figures that cannot be trusted: every expectation reading
    /// it fails, naming the error and the seed.
    func failOnModelError(_ verdict: inout Verdict, in measurements: Measurements) {
        for name in architecturesRead {
            guard let error = measurements.value(at: "run.modelError", in: name)?.textValue else { continue }
            verdict.holds = false
            verdict.why = "model error in \(name) with seed \(measurements.seed): \(error)"
            return
        }
    }
}
