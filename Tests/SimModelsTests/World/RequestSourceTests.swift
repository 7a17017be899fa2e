import Testing
import SimKernel
@testable import SimModels

/// Arrivals follow their process's rate over time, within Poisson noise.
struct RequestSourceTests {
    /// Arrival times within `seconds` of the run, in nanoseconds.
    func arrivals(_ process: ArrivalProcess, seconds: Int64, seed: UInt64 = 1) -> [Int64] {
        var source = RequestSource(WorkloadConfig(entry: 0, arrivals: process), seed: seed, end: .zero + .seconds(seconds))
        var times: [Int64] = []
        while source.hasNext {
            times.append(source.nextArrival.nanoseconds)
            _ = source.next()
        }
        return times
    }

    /// A Poisson count with mean m lies within 5√m of it.
    func expectCount(_ times: [Int64], from a: Int64, to b: Int64, mean: Double) {
        let count = Double(times.filter { $0 >= a * 1_000_000_000 && $0 < b * 1_000_000_000 }.count)
        #expect(abs(count - mean) <= 5 * mean.squareRoot(), "\(count) arrivals in [\(a) s, \(b) s), expected \(mean)")
    }

    @Test func aRampRisesLinearlyThenHolds() {
        let times = arrivals(.ramp(from: .perSecond(100), to: .perSecond(300), over: .seconds(100)), seconds: 120)
        expectCount(times, from: 0, to: 10, mean: 1_100)    // ∫ 100 + 2t over [0, 10)
        expectCount(times, from: 90, to: 100, mean: 2_900)
        expectCount(times, from: 100, to: 120, mean: 6_000)
    }

    @Test func burstsComeAtTheirPeakRate() {
        let times = arrivals(.bursts(base: .perSecond(100), peak: .perSecond(1_000), every: .seconds(10), lasting: .seconds(1)), seconds: 100)
        var inBursts = 0
        for t in times where (t / 1_000_000_000) % 10 == 0 { inBursts += 1 }
        #expect(abs(Double(inBursts) - 10_000) <= 5 * 100)
        expectCount(times, from: 1, to: 10, mean: 900)
    }

    @Test func aDailyWavePeaksAndDips() {
        let process = ArrivalProcess.daily(mean: .perSecond(100), amplitude: 0.5, period: .seconds(100), peakAt: .seconds(25))
        let times = arrivals(process, seconds: 100)
        #expect(abs(process.rate(at: .seconds(25)) - 150) < 1e-9 && abs(process.rate(at: .seconds(75)) - 50) < 1e-9)
        expectCount(times, from: 20, to: 30, mean: 10 * 100 * (1 + 0.5 * 0.983_632))  // cos averages sin(π/10)/(π/10) over ±5 s of the peak
        expectCount(times, from: 0, to: 100, mean: 10_000)
        #expect(abs(process.meanRate(over: .seconds(100)) - 100) < 0.01)
    }

    /// At 7 000 000/s the mean gap is 142.857 ns: drawing from a gap truncated to 142 ns would
    /// deliver 0.6 % too many arrivals, 7 standard errors of this count (sd √(λT) ≈ 1 183).
    @Test func poissonArrivalsKeepTheirRateWhenTheMeanGapIsNotWholeNanoseconds() {
        let rate = 7_000_000.0, seconds = 0.2
        var source = RequestSource(WorkloadConfig(entry: 0, arrivals: .poisson(.perSecond(7_000_000))), seed: 18,
                                   end: .zero + .milliseconds(200))
        var count = 0.0
        while source.hasNext {
            _ = source.next()
            count += 1
        }
        let mean = rate * seconds
        #expect(abs(count - mean) <= 4 * mean.squareRoot(), "\(count) arrivals, expected \(mean)")
    }

    @Test func constantArrivalsAreEvenlySpaced() {
        let times = arrivals(.constant(.perSecond(4)), seconds: 2)
        #expect(times == [250_000_000, 500_000_000, 750_000_000, 1_000_000_000, 1_250_000_000, 1_500_000_000, 1_750_000_000])
    }

    @Test func zipfKeysFavourTheFirstRanks() {
        var source = RequestSource(WorkloadConfig(entry: 0, arrivals: .poisson(.perSecond(1_000)), keyCount: 100, keySkew: .zipf(exponent: 1)),
                                   seed: 3, end: .zero + .seconds(100))
        var counts = [Int](repeating: 0, count: 100)
        for _ in 0..<100_000 { counts[Int(source.next().key)] += 1 }
        let harmonic = (1...100).reduce(0.0) { $0 + 1 / Double($1) }
        let p = 1 / harmonic
        #expect(abs(Double(counts[0]) / 100_000 - p) < 5 * (p * (1 - p) / 100_000).squareRoot())
        #expect(counts[0] > counts[1] && counts[1] > counts[9])
    }

    /// Gaps drawn a batch ahead are the arrival stream's draws in its order: the arrival
    /// times are the running sums of exponential draws from `workload/arrivals`, one at a time.
    @Test func gapsDrawnAheadAreTheStreamsDrawsInOrder() {
        let times = arrivals(.poisson(.perSecond(1_000)), seconds: 1, seed: 3)
        var random = RandomStream(seed: 3, name: "workload/arrivals")
        var time: Int64 = 0
        var expected: [Int64] = []
        while true {
            time += Swift.max(1, Distribution.exponential(mean: 1e6).sample(&random))
            guard time < 1_000_000_000 else { break }
            expected.append(time)
        }
        #expect(times.count > 900 && times == expected)
    }
}
