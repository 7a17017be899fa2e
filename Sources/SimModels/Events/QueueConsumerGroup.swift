import SimKernel

/// One consumer service's instances on its queue: competing consumers, each holding up
/// to `prefetch` received messages and processing up to `concurrency` of them at once.
struct QueueConsumerGroup: ~Copyable {
    let config: ConsumerConfig
    let prefetch: Int
    /// Whether the whole service is down.
    var isDown = false
    /// Per instance: whether the instance alone is down.
    var isInstanceDown: [Bool]
    /// Per instance: messages received and not yet answered (delete or return sent).
    var held: [Int]
    /// Per instance: messages being processed.
    var busy: [Int]
    /// Per instance: received messages waiting for a free worker, oldest first.
    var waiting: [RingBuffer<Int32>]
    /// Receives on their way to or inside an instance.
    var jobs = SlotTable<QueueJob>()
    /// The instance the broker offers the next message to first (round-robin dispatch).
    var nextInstance = 0

    init(config: ConsumerConfig, prefetch: Int) {
        self.config = config
        self.prefetch = prefetch
        isInstanceDown = [Bool](repeating: false, count: config.instances)
        held = [Int](repeating: 0, count: config.instances)
        busy = held
        waiting = (0..<config.instances).map { _ in RingBuffer<Int32>(capacity: prefetch) }
    }

    /// When each receive a worker holds now took it, in slot order.
    /// - Complexity: O(receives in progress).
    var workStarts: [Instant] {
        jobs.liveSlots.filter { jobs[$0].isStarted }.map { jobs[$0].startedAt }
    }

    /// Whether instance `i` is running.
    func isUp(_ i: Int) -> Bool { !isDown && !isInstanceDown[i] }

    /// The next running instance, in round-robin order, with room for another message.
    /// - Complexity: O(instances).
    mutating func takeInstanceWithRoom() -> Int? {
        let n = held.count
        for step in 0..<n {
            let i = (nextInstance + step) % n
            if isUp(i), held[i] < prefetch {
                nextInstance = (i + 1) % n
                return i
            }
        }
        return nil
    }

    /// Instance `i` (or, with `nil`, every instance) stops: what it received and had not
    /// answered is forgotten; the queue will make it visible again when its visibility
    /// timeout runs out. Returns the forgotten receives whose messages the broker has
    /// redriven meanwhile: those will not reappear.
    /// - Complexity: O(receives in progress).
    mutating func stop(instance: Int?) -> [QueueJob] {
        var redriven: [QueueJob] = []
        for job in jobs.liveSlots where instance == nil || Int(jobs[job].instance) == instance {
            if jobs[job].isRedriven { redriven.append(jobs[job]) }
            jobs.remove(job)
        }
        for i in held.indices where instance == nil || i == instance {
            held[i] = 0
            busy[i] = 0
            waiting[i].removeAll()
        }
        return redriven
    }

    /// Marks every receive of `message` on its way to or inside an instance as redriven;
    /// returns whether there was one.
    /// - Complexity: O(receives in progress), a scan: the broker redrives rarely, and the
    ///   receives in progress are at most instances × prefetch.
    mutating func markReceivesRedriven(of message: MessageReference) -> Bool {
        var isAny = false
        for job in jobs.liveSlots where jobs[job].message == message {
            jobs[job].isRedriven = true
            isAny = true
        }
        return isAny
    }

    /// Whether a receive of `message` is on its way to or inside an instance.
    /// - Complexity: O(receives in progress), a scan (see `markReceivesRedriven(of:)`).
    func hasReceive(of message: MessageReference) -> Bool {
        jobs.liveSlots.contains { jobs[$0].message == message }
    }
}

/// One receive of a message by a consumer instance, from the broker handing it out to the
/// instance answering it.
struct QueueJob: Sendable {
    var instance: Int32
    var message: MessageReference
    /// Which receive of the message this is (1 for the first).
    var receive: Int32
    /// Which copy of the receive's delivery this is: 0, or more when the network duplicated it.
    var copy: Int32 = 0
    /// The visit of its processing, once started (`Visit.processing`).
    var visit = Visit(word: 0, isFirst: false)
    /// The consumer's copy of the event.
    var record: EventRecord
    /// Whether a worker of its instance has taken it (at `startedAt`), rather than it being
    /// on its way or waiting for one.
    var isStarted = false
    var startedAt: Instant = .zero
    /// What the faults do to this receive: a `hang` is given up as failed after the
    /// visibility timeout, an error fails at once.
    var fate = AttemptFate.served
    /// Whether the broker's redrive policy moved the message to the dead-letter queue while
    /// this receive was in progress: its end settles the message's effect.
    var isRedriven = false
}
