/// The seeds of `--seeds`: whole numbers and inclusive ranges, separated by commas, as in
/// `1..50` or `1,5,9` or `1..3,10`.
enum SeedList {
    /// A limit on the seeds of one check.
    static let maximumCount = 100_000

    /// The seeds `text` lists, ascending, each once.
    /// - Throws: `UsageError` naming the part that is not a seed or a range.
    static func parse(_ text: String) throws -> [UInt64] {
        var seeds: [UInt64] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "..", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), let low = UInt64(bounds[0]), let high = UInt64(bounds[bounds.count - 1]) else {
                throw UsageError("--seeds expects seeds and ranges such as 1..50 or 1,5,9, found '\(part)'")
            }
            guard low <= high else { throw UsageError("--seeds: the range \(part) runs backwards; write \(high)..\(low)") }
            guard high - low < UInt64(maximumCount), seeds.count + Int(high - low) < maximumCount else {
                throw UsageError("--seeds lists more than \(maximumCount) seeds")
            }
            seeds += low...high
        }
        return Array(Set(seeds)).sorted()
    }
}
