import SimKernel
import SimMetrics
import SimModels

/// Swarm testing: bounds within which `--swarm` draws, for each seed, which of the candidate
/// faults happen, when and for how long, and the arrival rate. Each seed then tests another
/// mix of faults instead of every seed testing all of them at once (where one fault can hide
/// what another does).
public struct SwarmSpec: Sendable {
    /// One fault that may happen: what it does, and the bounds of its start and length.
    public struct Candidate: Sendable {
        /// A service fault, or `nil` for a network fault (then `network` is set); start and end
        /// are drawn.
        public var service: FaultConfig?
        /// A network fault, or `nil` for a service fault (then `service` is set); start and end are
        /// drawn.
        public var network: NetworkFault?
        /// What the fault does, as a report reads it before its window: `slow email ×10`.
        public var what: String
        /// The range its start is drawn from.
        public var start: ClosedRange<TimeSpan>
        /// The range its length is drawn from; `nil` for a fault that never heals.
        public var length: ClosedRange<TimeSpan>?
    }

    /// The candidate faults, in file order.
    public var candidates: [Candidate]
    /// The range the arrival rate is drawn from, in thousandths of an event per second.
    public var milliEventsPerSecond: ClosedRange<Int64>?

    /// What one seed drew.
    public struct Draw: Sendable {
        /// The arrival rate, when the spec draws one.
        public var rate: Rate?
        /// The service faults drawn, their windows set, in candidate order.
        public var faults: [FaultConfig] = []
        /// The network faults drawn, their windows set, in candidate order.
        public var networkFaults: [NetworkFault] = []
        /// Each drawn fault as a line, service faults first.
        public var descriptions: [String] = []

        /// `rate 237.5/s; slow email ×10 from 12.3s for 4.1s; …`, or `no faults drawn`.
        public var summary: String {
            let faults = descriptions.map { $0.hasPrefix("swarm: ") ? String($0.dropFirst(7)) : $0 }
            let parts = (rate.map { ["rate \($0)"] } ?? []) + (faults.isEmpty ? ["no faults drawn"] : faults)
            return parts.joined(separator: "; ")
        }
    }

    /// The draw for `seed`: each candidate happens with probability ½, its start and length
    /// uniform within their bounds (in whole milliseconds); the rate uniform within its bounds. A
    /// service fault that would overlap one of the same kind on the same service in `written`
    /// or drawn before it is left out, so the schedule stays valid.
    public func draw(seed: UInt64, written: [FaultConfig]) -> Draw {
        var random = RandomStream(seed: seed, name: "swarm")
        var draw = Draw()
        if let range = milliEventsPerSecond {
            draw.rate = Rate(milliEvents: range.lowerBound + Int64(random.next(below: UInt64(range.upperBound - range.lowerBound) + 1)),
                             per: .seconds(1))
        }
        var serviceDescriptions: [String] = [], networkDescriptions: [String] = []
        for candidate in candidates {
            guard random.next(below: 2) == 1 else { continue }
            let start = Self.uniform(candidate.start, &random)
            let length = candidate.length.map { Self.uniform($0, &random) }
            let begin = Instant.zero + start, end = length.map { begin + $0 } ?? .distantFuture
            let window = Format.window(from: start, lasting: length)
            if var fault = candidate.service {
                (fault.start, fault.end) = (begin, end)
                let overlaps = (written + draw.faults).contains {
                    $0.service == fault.service && FaultReader.sameKind($0.kind, fault.kind) && $0.start < fault.end && fault.start < $0.end
                }
                guard !overlaps else { continue }
                draw.faults.append(fault)
                serviceDescriptions.append("swarm: \(candidate.what) \(window)")
            } else if var fault = candidate.network {
                (fault.start, fault.end) = (begin, end)
                draw.networkFaults.append(fault)
                networkDescriptions.append("swarm: \(candidate.what) \(window)")
            }
        }
        draw.descriptions = serviceDescriptions + networkDescriptions
        return draw
    }

    /// The draw that costs a run the most memory: the highest rate, and every candidate fault
    /// from its earliest start for its longest length. What a seed may draw is estimated at it.
    public var largestDraw: Draw {
        var draw = Draw()
        draw.rate = milliEventsPerSecond.map { Rate(milliEvents: $0.upperBound, per: .seconds(1)) }
        for candidate in candidates {
            let begin = Instant.zero + candidate.start.lowerBound
            let end = candidate.length.map { begin + $0.upperBound } ?? .distantFuture
            if var fault = candidate.service {
                (fault.start, fault.end) = (begin, end)
                draw.faults.append(fault)
            } else if var fault = candidate.network {
                (fault.start, fault.end) = (begin, end)
                draw.networkFaults.append(fault)
            }
        }
        return draw
    }

    /// A time drawn uniformly from `range`, in whole milliseconds above its lower end (so it
    /// reads well in reports), or whole nanoseconds when the range is under a millisecond.
    static func uniform(_ range: ClosedRange<TimeSpan>, _ random: inout RandomStream) -> TimeSpan {
        let span = UInt64(range.upperBound.nanoseconds - range.lowerBound.nanoseconds)
        let step: UInt64 = span >= 1_000_000 ? 1_000_000 : 1
        let offset = random.next(below: span / step + 1) * step
        return TimeSpan(nanoseconds: range.lowerBound.nanoseconds + Int64(offset))
    }
}
