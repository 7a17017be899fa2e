import SimKernel

/// The single-server queue of `MMcStation` written as the least a discrete-event loop must do:
/// one function, a binary heap of plain (time, sequence, kind) values, a `switch`, and the
/// station's own draws from the station's own streams — no scheduler, no event fingerprint, no
/// measurements beyond counts.
///
/// `ripple bench` runs it beside the kernel's M/M/1 queue, so the kernel's overhead over a
/// hand-written loop on the same machine is a measured ratio rather than a guess. Given the
/// same distributions, seed and customers it handles exactly the station's events at exactly
/// the station's instants.
public struct BareMM1Loop {
    /// What one run counted.
    public struct Counts: Sendable, Equatable {
        /// Events handled: every arrival and every departure.
        public var events = 0
        /// The instant of the last event, in nanoseconds.
        public var elapsed: Int64 = 0
    }

    struct Pending {
        var time: Int64
        var sequence: Int64
        var isArrival: Bool

        func precedes(_ other: Pending) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    let interarrival: Distribution
    let service: Distribution
    let customers: Int
    var arrivalsRandom: RandomStream
    var serviceRandom: RandomStream
    var heap: ContiguousArray<Pending> = []
    var sequence: Int64 = 0

    /// A loop for `customers` arrivals with `interarrival` gaps through one server working for
    /// `service`, drawing from `MMcStation`'s streams for `seed`.
    public init(interarrival: Distribution, service: Distribution, customers: Int, seed: UInt64) {
        self.interarrival = interarrival
        self.service = service
        self.customers = customers
        arrivalsRandom = RandomStream(seed: seed, name: "station/arrivals")
        serviceRandom = RandomStream(seed: seed, name: "station/service")
    }

    /// Runs every arrival through to the last departure.
    public mutating func run() -> Counts {
        var counts = Counts(), arrivals = 0, inLine = 0, isBusy = false
        schedule(after: interarrival.sample(&arrivalsRandom), at: 0, isArrival: true)
        while let event = pop() {
            counts.events += 1
            counts.elapsed = event.time
            if event.isArrival {
                arrivals += 1
                if arrivals < customers { schedule(after: interarrival.sample(&arrivalsRandom), at: event.time, isArrival: true) }
                if isBusy {
                    inLine += 1
                } else {
                    isBusy = true
                    schedule(after: service.sample(&serviceRandom), at: event.time, isArrival: false)
                }
            } else if inLine > 0 {
                inLine -= 1
                schedule(after: service.sample(&serviceRandom), at: event.time, isArrival: false)
            } else {
                isBusy = false
            }
        }
        return counts
    }

    mutating func schedule(after delay: Int64, at now: Int64, isArrival: Bool) {
        let item = Pending(time: now + delay, sequence: sequence, isArrival: isArrival)
        sequence += 1
        heap.append(item)
        var hole = heap.count - 1
        while hole > 0, item.precedes(heap[(hole - 1) / 2]) {
            heap[hole] = heap[(hole - 1) / 2]
            hole = (hole - 1) / 2
        }
        heap[hole] = item
    }

    mutating func pop() -> Pending? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return last }
        let top = heap[0]
        var hole = 0
        while 2 * hole + 1 < heap.count {
            var child = 2 * hole + 1
            if child + 1 < heap.count, heap[child + 1].precedes(heap[child]) { child += 1 }
            guard heap[child].precedes(last) else { break }
            heap[hole] = heap[child]
            hole = child
        }
        heap[hole] = last
        return top
    }
}
