import SimChecks

/// Reads a baseline file: an object of scenarios, each an object of architectures, each an
/// object of metric paths and their means, as `ripple check --update-baseline` writes it.
public enum BaselineLoader {
    /// The baseline at `path`.
    /// - Throws: `ScenarioError` listing every problem with its place in the file.
    public static func load(path: String) throws(ScenarioError) -> Baseline {
        let bytes = try ScenarioLoader.readBytes(path)
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ScenarioError(file: path, issues: [ScenarioIssue(path: "", message: error.message, position: error.location)])
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
            for architecture in architectures {
                let at = scenario.key + "." + architecture.key
                guard let metrics = architecture.value.objectMembers else {
                    log.wrong(at, expected: "an object of metric paths and their means", found: architecture.value)
                    continue
                }
                for metric in metrics {
                    guard let text = metric.value.numberText, let mean = Double(text), mean.isFinite else {
                        log.wrong(at + "[\"\(metric.key)\"]", expected: "a number, the metric's mean", found: metric.value)
                        continue
                    }
                    figures[scenario.key, default: [:]][architecture.key, default: [:]][metric.key] = mean
                }
            }
        }
        guard log.issues.isEmpty else { throw ScenarioError(file: path, issues: log.issues) }
        return Baseline(figures: figures)
    }
}
