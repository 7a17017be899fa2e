import SimChecks

/// Reads a baseline file: an object of scenarios, each an object of architectures, each an
/// object of metric paths and their means, as `ripple check --update-baseline` writes it.
public enum BaselineLoader {
    /// The baseline at `path`. `compared` names, for each scenario the check covers, the
    /// figures it compares: architecture → the metrics its expectations with a worse side
    /// read. Any other figure of those scenarios (a typo, an architecture renamed) would
    /// never be compared, so it is refused; other scenarios' figures are kept as they are.
    /// - Throws: `ScenarioError` listing every problem with its place in the file.
    public static func load(path: String, compared: [String: [String: [String]]] = [:]) throws(ScenarioError) -> Baseline {
        let bytes = try ScenarioLoader.readBytes(path)
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ScenarioError(file: path, syntax: error)
        }
        let log = IssueLog()
        var figures: [String: [String: [String: Double]]] = [:]
        let expected = "an object of scenario names, each an object of architectures, each an object of metric paths and their means"
        guard let scenarios = root.objectMembers else {
            log.wrong("", expected: expected, found: root)
            throw ScenarioError(file: path, issues: log.issues)
        }
        for scenario in scenarios {
            guard let architectures = scenario.value.objectMembers else {
                log.wrong(scenario.key, expected: "an object of architectures", found: scenario.value)
                continue
            }
            let checked = compared[scenario.key]
            for architecture in architectures {
                let at = scenario.key + "." + architecture.key
                guard let metrics = architecture.value.objectMembers else {
                    log.wrong(at, expected: "an object of metric paths and their means", found: architecture.value)
                    continue
                }
                if let checked, checked[architecture.key] == nil {
                    log.add(at, "no expectation of \"\(scenario.key)\" with a worse side (below, above, atMost, atLeast) reads "
                            + "\"\(architecture.key)\", so its figures would never be compared" + hint(architecture.key, Array(checked.keys)),
                            at: architecture.value.location)
                    continue
                }
                for metric in metrics {
                    guard let text = metric.value.numberText, let mean = Double(text), mean.isFinite else {
                        log.wrong(at + "[\"\(metric.key)\"]", expected: "a number, the metric's mean", found: metric.value)
                        continue
                    }
                    if let known = checked?[architecture.key], !known.contains(metric.key) {
                        log.add(at + "[\"\(metric.key)\"]", "no expectation of \"\(scenario.key)\" on \"\(architecture.key)\" with a worse side "
                                + "reads this metric, so its figure would never be compared" + hint(metric.key, known), at: metric.value.location)
                        continue
                    }
                    figures[scenario.key, default: [:]][architecture.key, default: [:]][metric.key] = mean
                }
            }
        }
        guard log.issues.isEmpty else { throw ScenarioError(file: path, issues: log.issues) }
        return Baseline(figures: figures)
    }

    /// ` (did you mean "…"?)` naming the candidate closest to `word`, or nothing.
    static func hint(_ word: String, _ candidates: [String]) -> String {
        Suggestion.closest(to: word, among: candidates.sorted()).map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}
