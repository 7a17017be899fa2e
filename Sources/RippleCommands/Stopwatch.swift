/// Wall time for benchmarks: how long a piece of work took, in seconds. Only `ripple bench`
/// and the progress line read the wall clock; nothing of it reaches a run.
enum Stopwatch {
    /// The result of `body` and the wall time it took, in seconds.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, seconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        let elapsed = clock.now - start
        return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
