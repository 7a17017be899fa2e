import SimRuns

extension ParallelRuns {
    /// The value of `--jobs`: a whole number from 1 to `maximumThreads`, 1 when absent.
    /// - Throws: `UsageError` for anything else.
    static func threads(_ text: String?) throws -> Int {
        guard let text else { return 1 }
        guard let value = Int(text), (1...maximumThreads).contains(value) else {
            throw UsageError("--jobs expects a whole number from 1 to \(maximumThreads), found '\(text)'")
        }
        return value
    }
}
