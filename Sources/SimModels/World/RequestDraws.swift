import SimKernel

/// Per-request random draws that do not depend on the order in which a model processes
/// requests: request k's work at a service, or whether a fault hits its attempt n, is the
/// same number in every architecture.
public struct RequestDraws: Sendable {
    @usableFromInline let base: UInt64

    /// Draws for the purpose `name` (for example `"payment/work"`) in the run seeded `seed`.
    public init(seed: UInt64, name: String) {
        base = SplitMix64.mix(seed) ^ StableHash.fnv1a64(name)
    }

    /// A stream private to request `request`, attempt `attempt`.
    ///
    /// The first two state words are `mix(base ^ request)` and `mix(thatWord ^ mix(attempt))`:
    /// `mix` is a bijection, so the pair is different for every (request, attempt), and no two
    /// attempts of any requests ever share a stream, whatever the number of attempts.
    @inlinable @inline(__always) public func stream(request: UInt64, attempt: Int = 0) -> RandomStream {
        stream(request: request, word: Self.attemptWord(attempt))
    }

    /// A stream private to request `request` and `word`, which stands for the attempt (see
    /// `attemptWord`) or for a visit on another path: `mix(base ^ request)` and
    /// `mix(thatWord ^ word)` lead the state, as in `stream(request:attempt:)`.
    @inlinable @inline(__always) public func stream(request: UInt64, word: UInt64) -> RandomStream {
        let first = SplitMix64.mix(base ^ request)
        let second = SplitMix64.mix(first ^ word)
        return RandomStream(state: (first, second, SplitMix64.mix(second ^ base), SplitMix64.mix(first &+ second) | 1))
    }

    /// `mix(attempt + 0x9E37_79B9_7F4A_7C15)`, written out for attempt 0, the one nearly
    /// every draw is for (it is SplitMix64's first output from seed 0).
    @inlinable @inline(__always) public static func attemptWord(_ attempt: Int) -> UInt64 {
        attempt == 0 ? 0xE220_A839_7B1D_CDAF : SplitMix64.mix(UInt64(attempt) &+ 0x9E37_79B9_7F4A_7C15)
    }
}
