import SimChecks
import SimReports
import SimScenario

/// Prints each scenario's lines of `ripple check` as soon as its runs are done, in the plan's
/// order whatever the order the runs finish in: a scenario is printed once its runs and every
/// earlier scenario's are done, so the output is the same for any `--jobs`, only sooner.
final class ScenarioLinePrinter: @unchecked Sendable {
    let plan: CheckPlan
    let output: CheckOutput
    let figures: Baseline?
    let console: Console
    /// The scenarios printed, in order (a shard prints only those it runs).
    let shown: [Int]
    /// The scenario of each run, in run order.
    let subjects: [Int]
    /// Per scenario, how many of its runs are still to finish.
    var waiting: [Int]
    var runs: [[CheckRun]]
    /// How many of `shown` are printed.
    var printed = 0
    let nameWidth: Int
    let isShard: Bool

    /// A printer for `plan` whose runs are `jobs` (the scenario of each run, in run order); a
    /// shard (`isShard`) prints only the scenarios it runs.
    init(plan: CheckPlan, jobs: [Int], isShard: Bool, output: CheckOutput, figures: Baseline?, console: Console) {
        self.plan = plan
        self.output = output
        self.figures = figures
        self.console = console
        self.isShard = isShard
        subjects = jobs
        var waiting = plan.subjects.map { _ in 0 }
        for subject in jobs { waiting[subject] += 1 }
        self.waiting = waiting
        runs = plan.subjects.map { _ in [] }
        let shown = plan.subjects.indices.filter { !isShard || waiting[$0] > 0 }
        self.shown = shown
        nameWidth = CheckReport.nameWidth(shown.map { plan.subjects[$0].name })
        flush()
    }

    /// Run `job` finished with `run` (called in run order, never at once).
    func finished(_ job: Int, _ run: CheckRun) {
        runs[subjects[job]].append(run)
        waiting[subjects[job]] -= 1
        flush()
    }

    /// Prints every scenario, from the first not printed, whose runs are all done.
    func flush() {
        while printed < shown.count, waiting[shown[printed]] == 0 {
            let s = shown[printed]
            let checked = plan.checked(s, runs: runs[s], isPartial: isShard)
            console.write(output.lines(of: checked, sweep: plan.sweep, nameWidth: nameWidth, figures: figures))
            printed += 1
        }
    }
}
