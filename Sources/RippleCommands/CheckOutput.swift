import SimChecks
import SimReports
import SimScenario
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `ripple check` and `ripple merge` do with a finished report: compare it with a
/// baseline (or rewrite the baseline), print it, write JUnit XML, and pick the exit status.
/// Both commands share this, so a merge prints exactly what one check would have.
struct CheckOutput {
    static let options = [
        OptionSpec("junit", value: "FILE", help: "also write the results as JUnit XML"),
        OptionSpec("baseline", value: "FILE", help: "fail when a checked metric's mean is worse than this file's figure beyond its tolerance"),
        OptionSpec("update-baseline", help: "rewrite the --baseline file with this check's means instead of comparing"),
        OptionSpec("quiet", help: "print only failures"),
    ]

    var junit: String?
    var baseline: String?
    var updatesBaseline: Bool
    var isQuiet: Bool

    init(_ arguments: ParsedArguments) throws {
        junit = arguments.value("junit")
        baseline = arguments.value("baseline")
        updatesBaseline = arguments.has("update-baseline")
        isQuiet = arguments.has("quiet")
        guard !updatesBaseline || baseline != nil else { throw UsageError("--update-baseline needs --baseline FILE, the file to write") }
    }

    /// Refuses, before anything runs, a `--junit` file (or a baseline to rewrite) that cannot be
    /// written, with the operating system's reason, that is one of the files the command
    /// reads (`inputs`, and the baseline for the JUnit file), or that is the file of another
    /// output (`others`, such as `--shard-out`).
    func checkWritable(sparing inputs: [String], alongside others: [(option: String, path: String)] = []) throws {
        let rewrittenBaseline = updatesBaseline ? baseline.map { (option: "baseline", path: $0) } : nil
        do {
            try OutputFile.requireDistinct([junit.map { (option: "junit", path: $0) }, rewrittenBaseline].compactMap { $0 } + others)
        } catch {
            throw ReportedError("ripple: \(error.message)")
        }
        do {
            if let junit {
                try OutputFile.checkWritable(junit, sparing: InputFiles(inputs + [baseline].compactMap { $0 }))
                try OutputFile.checkReplaceable(junit, startingWith: JUnitDocument.opening, what: "a JUnit file")
            }
        } catch {
            throw ReportedError("ripple: cannot write the JUnit file \(error.message)")
        }
        do {
            if let baseline, updatesBaseline { try OutputFile.checkWritable(baseline, sparing: InputFiles(inputs)) }
        } catch {
            throw ReportedError("ripple: cannot write the baseline file \(error.message)")
        }
    }

    /// The baseline to compare `plan`'s means with, read before anything runs so a bad file
    /// stops the check early. Compared, every figure of a scenario `plan` checks must be one
    /// it compares; a file about to be rewritten may hold any.
    func loadBaseline(for plan: CheckPlan) throws -> Baseline? {
        guard let baseline else { return nil }
        if updatesBaseline, access(baseline, F_OK) != 0 { return Baseline() }
        do {
            return try BaselineLoader.load(path: baseline, compared: updatesBaseline ? [:] : plan.comparedFigures)
        } catch {
            if error.issues.first?.message == "no such file" {
                throw ReportedError("ripple: \(baseline.printable): no such baseline file; write one with --baseline \(Shell.quote(baseline)) --update-baseline")
            }
            throw ReportedError(error.description)
        }
    }

    /// Prints `report` (compared with `figures` unless rewriting them), or only its total when
    /// its scenarios' lines were printed already (`printedScenarios`), writes the files asked
    /// for, and returns the exit status.
    func finish(_ report: CheckReport, figures: Baseline?, printedScenarios: Bool = false, console: Console) throws -> ExitStatus {
        var report = report
        if let figures, let baseline, !updatesBaseline { report.compare(with: figures, file: baseline) }
        if !printedScenarios {
            console.write(report.rendered(isQuiet: isQuiet))
        } else if !isQuiet {
            console.write("\n" + report.total + "\n")
        }
        if let junit {
            do {
                try OutputFile.write(JUnitDocument.render(report), to: junit)
            } catch {
                throw ReportedError("ripple: cannot write the JUnit file \(error.message)")
            }
        }
        if let figures, let baseline, updatesBaseline {
            let updated = figures.updated(with: report)
            do {
                try OutputFile.write(updated.rendered, to: baseline)
            } catch {
                throw ReportedError("ripple: cannot write the baseline file \(error.message)")
            }
            let written = report.scenarios.flatMap(\.baselineMetrics).filter { $0.mean != nil }.count
            if !isQuiet { console.write("baseline: wrote \(written) figure\(written == 1 ? "" : "s") to \(baseline) (\(updated.count) in all)\n") }
        }
        return report.holds ? .success : .expectationFailed
    }

    /// The lines of scenario `checked` as `finish` would print them, among scenarios whose
    /// names need `nameWidth`, compared with `figures` unless rewriting them.
    func lines(of checked: CheckedScenario, sweep: [UInt64]?, nameWidth: Int, figures: Baseline?) -> String {
        var one = CheckReport(sweep: sweep, scenarios: [checked], shard: nil)
        if let figures, let baseline, !updatesBaseline { one.compare(with: figures, file: baseline) }
        return CheckReport.rendered(one.scenarios[0], nameWidth: nameWidth, isQuiet: isQuiet, isSweep: sweep != nil)
    }
}
