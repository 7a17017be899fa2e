import SimScenario

/// Feeds arbitrary bytes to the scenario loader. Whatever the bytes, loading must either
/// produce a scenario or throw `ScenarioError` with at least one issue: never crash, hang or
/// report nothing.
func loadScenario(_ bytes: [UInt8]) {
    do {
        _ = try ScenarioLoader.parse(bytes, file: "fuzz.json")
    } catch {
        precondition(!error.issues.isEmpty, "a rejected scenario must say why")
    }
}

#if FUZZING
/// libFuzzer's entry point (built with `-sanitize=fuzzer -DFUZZING`; libFuzzer supplies `main`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    loadScenario(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
/// Without libFuzzer: replays the files named on the command line (a corpus, or a crash).
@main
struct CorpusReplay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            let bytes = try ScenarioLoader.readBytes(path)
            loadScenario(bytes)
        }
    }
}
#endif
