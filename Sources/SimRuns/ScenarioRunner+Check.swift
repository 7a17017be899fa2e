import SimChecks
import SimMetrics
import SimScenario

extension ScenarioRunner {
    /// Runs the architectures `scenario`'s expectations read (and no other), on up to `threads`
    /// threads, and checks every expectation.
    public static func check(_ scenario: Scenario, threads: Int = 1) -> [Verdict] {
        guard !scenario.expectations.isEmpty else { return [] }  // (an empty `only` would run them all)
        let outcomes = run(scenario, only: scenario.architecturesReadByExpectations, threads: threads)
        return scenario.verdicts(for: Measurements(scenario: scenario, outcomes: outcomes))
    }

    /// One run of `scenario` (its seed already set): every expectation's verdict, a failed one for
    /// each architecture a limit stopped early and, when asked, whether each architecture runs
    /// alike twice (then every architecture runs); the runs share up to `threads` threads.
    public static func check(_ scenario: Scenario, checksDeterminism: Bool, threads: Int = 1) -> CheckRun {
        let schedule = scenario.swarmDraw?.summary
        let count = scenario.expectations.count
        guard checksDeterminism else {
            let verdicts = check(scenario, threads: threads)
            return CheckRun(seed: scenario.world.seed, verdicts: Array(verdicts.prefix(count)), stops: Array(verdicts.dropFirst(count)),
                            schedule: schedule)
        }
        let (outcomes, repeats) = runTwice(scenario, threads: threads)
        let verdicts = scenario.verdicts(for: Measurements(scenario: scenario, outcomes: outcomes))
        return CheckRun(seed: scenario.world.seed, verdicts: Array(verdicts.prefix(count)), stops: Array(verdicts.dropFirst(count)),
                        repeats: repeats, schedule: schedule)
    }
}
