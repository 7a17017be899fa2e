import Testing
@testable import SimKernel

/// Ripple's generators reproduce the reference implementations bit for bit.
struct RandomStreamTests {
    /// Outputs of Vigna's reference xoshiro256** C code from the state {1, 2, 3, 4}.
    @Test func xoshiroMatchesTheReference() {
        var random = RandomStream(state: (1, 2, 3, 4))
        let expected: [UInt64] = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600]
        #expect((0..<6).map { _ in random.next() } == expected)
    }

    /// Outputs of the reference SplitMix64 from seed 1234567, and xoshiro256** seeded from 42 through it.
    @Test func splitMixSeedingMatchesTheReference() {
        var mixer = SplitMix64(seed: 1_234_567)
        #expect((0..<5).map { _ in mixer.next() } == [
            6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821,
        ])
        var random = RandomStream(seed: 42)
        #expect((0..<3).map { _ in random.next() } == [1546998764402558742, 6990951692964543102, 12544586762248559009])
    }

    @Test func namedStreamsAreStableAndIndependent() {
        var email = RandomStream(seed: 42, name: "email/work")
        var again = RandomStream(seed: 42, name: "email/work")
        var other = RandomStream(seed: 42, name: "sms/work")
        var reseeded = RandomStream(seed: 43, name: "email/work")
        let a = (0..<4).map { _ in email.next() }
        #expect(a == (0..<4).map { _ in again.next() })
        #expect(a != (0..<4).map { _ in other.next() })
        #expect(a != (0..<4).map { _ in reseeded.next() })
        #expect(StableHash.fnv1a64("a") == 0xAF63_DC4C_8601_EC8C)  // the published FNV-1a test vector
    }

    /// Each of 10 bins gets n/10 draws; a chi-square statistic far above its 9 degrees of
    /// freedom (p < 1e-4 above 33.7) means the bounded draw is biased.
    @Test func boundedDrawsAreUniform() {
        var random = RandomStream(seed: 5)
        var bins = [Int](repeating: 0, count: 10)
        let n = 100_000
        for _ in 0..<n { bins[Int(random.next(below: 10))] += 1 }
        let expected = Double(n) / 10
        let chiSquare = bins.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chiSquare < 33.7)
    }

    @Test func unitDrawsStayInRange() {
        var random = RandomStream(seed: 9)
        for _ in 0..<100_000 {
            let u = random.nextUnit(), v = random.nextOpenUnit()
            #expect(u >= 0 && u < 1 && v > 0 && v <= 1)
        }
    }

    @Test func probabilitiesAreExactRatios() {
        var random = RandomStream(seed: 1)
        #expect(!(0..<1000).contains { _ in random.chance(.never) })
        #expect((0..<1000).allSatisfy { _ in random.chance(.always) })
        #expect(Probability(0.25).numerator == 250_000_000)
    }
}
