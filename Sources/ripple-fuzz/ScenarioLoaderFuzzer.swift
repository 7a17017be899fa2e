#if canImport(Glibc)
import Glibc
#endif
import SimScenario

/// Feeds arbitrary bytes to the scenario loader. Whatever the bytes, loading must either
/// produce a scenario that keeps every service, fault, link and architecture the file states,
/// or throw `ScenarioError` with at least one issue: never crash, hang, drop part of the file
/// or report nothing.
func loadScenario(_ bytes: [UInt8]) {
    do {
        let scenario = try ScenarioLoader.parse(bytes, file: "fuzz.json")
        let stated = StatedContent(document: try JSONParser.parse(bytes)), kept = StatedContent(scenario: scenario)
        precondition(stated == kept, "an accepted scenario must keep what it states: the file has \(stated), the scenario \(kept)")
    } catch let error as ScenarioError {
        precondition(!error.issues.isEmpty, "a rejected scenario must say why")
    } catch {
        preconditionFailure("a scenario that loaded must parse as JSON: \(error)")
    }
}

#if FUZZING
/// libFuzzer's driver, linked in by `-sanitize=fuzzer`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// Runs libFuzzer over the scenario loader: `ripple-fuzz [libFuzzer options] [corpus dirs]`.
@main
struct ScenarioLoaderFuzzer {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { data, size in
            loadScenario(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        })
    }
}
#else
/// Without libFuzzer: replays the files named on the command line (a corpus, or a crash).
@main
struct CorpusReplay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            loadScenario(try ScenarioLoader.readBytes(path))
        }
    }
}
#endif
