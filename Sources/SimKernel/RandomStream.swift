/// A stream of random numbers: xoshiro256** (Blackman and Vigna, 2018).
///
/// Fast (a few instructions a number), 256 bits of state, and checked against the
/// reference implementation's output. Ripple draws every random number of a run from
/// streams like this one, each named after the component and purpose that uses it, so
/// that adding a component never shifts another component's numbers.
public struct RandomStream: Sendable {
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A stream with exactly this state (for known-answer tests); it must not be all zero.
    @inlinable public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    /// A stream whose state is expanded from `seed` by SplitMix64.
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        self.init(state: (expander.next(), expander.next(), expander.next(), expander.next()))
    }

    /// The independent stream named `name` within the run seeded with `seed`.
    ///
    /// The name is hashed with FNV-1a (stable across processes, unlike `Hasher`), so
    /// `RandomStream(seed: 42, name: "email/work")` is the same stream in every run.
    public init(seed: UInt64, name: String) {
        self.init(seed: SplitMix64.mix(seed) ^ StableHash.fnv1a64(name))
    }

    /// The next 64 random bits.
    @inlinable public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    @inlinable func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform double in [0, 1), from the top 53 bits.
    @inlinable public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in (0, 1]: safe to take the logarithm of.
    @inlinable public mutating func nextOpenUnit() -> Double {
        Double((next() >> 11) + 1) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound`, without modulo bias (Lemire's method).
    @inlinable public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "the bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }

    /// True with probability `numerator / denominator`, compared in integers.
    @inlinable public mutating func chance(_ probability: Probability) -> Bool {
        probability.numerator > 0 && next(below: Probability.denominator) < probability.numerator
    }
}

/// A probability as an integer ratio over one billion, so that comparisons are exact.
public struct Probability: Hashable, Sendable, CustomStringConvertible {
    /// Parts per `denominator`.
    public var numerator: UInt64
    /// One billion: probabilities are exact to 1e-9.
    public static let denominator: UInt64 = 1_000_000_000

    /// The probability `partsPerBillion` / 1,000,000,000; `partsPerBillion` is at most one billion.
    public init(partsPerBillion: UInt64) {
        precondition(partsPerBillion <= Probability.denominator, "a probability is at most 1")
        numerator = partsPerBillion
    }

    /// The probability nearest to `value`, which must lie in [0, 1].
    public init(_ value: Double) {
        precondition(value >= 0 && value <= 1, "a probability lies in [0, 1]")
        self.init(partsPerBillion: UInt64((value * 1e9).rounded()))
    }

    /// Probability 0: `chance(_:)` is false without drawing a number.
    public static let never = Probability(partsPerBillion: 0)
    /// Probability 1: `chance(_:)` is always true (it still draws a number).
    public static let always = Probability(partsPerBillion: denominator)

    /// The probability as a fraction, for reports.
    public var value: Double { Double(numerator) / 1e9 }
    /// The probability as a decimal fraction, such as `0.25`.
    public var description: String { String(value) }
}

/// Hashes whose values never change between processes or releases.
public enum StableHash {
    /// 64-bit FNV-1a over the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
