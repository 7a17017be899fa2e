import SimKernel
import SimMetrics

/// The event-driven design on the kernel: the entry does its own work, commits, and hands
/// an event to the broker (through an outbox relay or by a direct dual write); each consumer
/// group reads the topic's partitions in order, or takes messages from its own queue, and
/// applies the event's effect.
///
/// The user waits only for the entry (and, for a dual write that waits for it, the broker's
/// acknowledgement); consumers fall behind, catch up, replay or lose events according to
/// their commit policy, idempotence and the faults in force.
///
/// It meets the same world as the synchronous design: every message between the entry, the
/// broker (node `world.brokerNode`) and the consumers crosses the `Network`, with its link's
/// latency and whatever network fault is in force, and crashes and pauses of the entry, the
/// consumers and the broker come from the same `FaultBook`.
public struct EventDrivenModel: EventHandling, Calling, Serving, ~Copyable {
    /// What can happen in the event-driven world.
    public enum Event {
        /// The next user request arrives at the entry.
        case arrival
        /// A request that a paused entry held reaches it when the pause ends.
        case entryArrives(job: Int32, generation: UInt32)
        /// The entry finishes its own work on `job`.
        case entryDone(job: Int32, generation: UInt32)
        /// A copy of the publish of `message`, sent in its lane's `round` as number `sequence`
        /// of the producer's `epoch` on its partition, reaches the broker.
        case publishArrives(message: Int32, generation: UInt32, round: UInt32, epoch: UInt32, sequence: UInt32)
        /// The broker's acknowledgement of `message` reaches the producer.
        case ackArrives(message: Int32, generation: UInt32)
        /// The broker's refusal of a copy of `message` sent in `round` reaches the producer: it
        /// was down, or the copy came after a gap in the sequence (or from a fenced epoch).
        case refusalArrives(message: Int32, generation: UInt32, round: UInt32, isBrokerDown: Bool)
        /// The producer stops waiting for the acknowledgement of the attempt of `message` sent in `round`.
        case publishTimeout(message: Int32, generation: UInt32, round: UInt32)
        /// The retry back-off of producer lane `lane` after a failure in `round` ends.
        case laneRetryDue(lane: Int32, round: UInt32)
        /// The outbox relay looks for rows to publish.
        case relay
        /// The dual-writing producer sends what it has buffered.
        case flush
        /// The event at the position of `partition` reaches a consumer of `group`.
        case delivered(group: Int32, partition: Int32, epoch: UInt32)
        /// A consumer of `group` has waited `fetchTimeout` for a delivery of `partition`
        /// that the network lost or held: it asks again.
        case fetchTimedOut(group: Int32, partition: Int32, epoch: UInt32)
        /// A consumer of `group` finishes processing the event at the head of `partition`.
        case processed(group: Int32, partition: Int32, epoch: UInt32)
        /// The back-off after a failed attempt on the head of `partition` ends.
        case retryDue(group: Int32, partition: Int32, epoch: UInt32)
        /// `group` commits its offsets (periodic commit).
        case commitTick(group: Int32)
        /// A commit of `offset` for `partition` reaches the broker.
        case commitArrives(group: Int32, partition: Int32, offset: Int64, epoch: UInt32)
        /// Receive `job` of a queue message reaches its consumer instance of `group`.
        case received(group: Int32, job: Int32, generation: UInt32)
        /// A consumer instance of `group` finishes processing receive `job`.
        case handled(group: Int32, job: Int32, generation: UInt32)
        /// A delete (acknowledgement) of receive `receive` of `message` reaches `group`'s queue.
        case deleteArrives(group: Int32, message: Int32, generation: UInt32, receive: Int32)
        /// A return (negative acknowledgement) of receive `receive` of `message` reaches the queue.
        case returnArrives(group: Int32, message: Int32, generation: UInt32, receive: Int32)
        /// Receive `receive` of `message` stops hiding it, unless it was answered first.
        case visibilityEnds(group: Int32, message: Int32, generation: UInt32, receive: Int32)
        /// A crashed instance's session with `group`'s coordinator times out.
        case sessionExpires(group: Int32, instance: Int32, incarnation: UInt32)
        /// `group`'s rebalance number `generation` ends: the new assignment takes effect.
        case rebalanceEnds(group: Int32, generation: UInt32)
        /// `group`'s instances have been silent (paused, or cut off from the broker) for the
        /// session timeout: the coordinator evicts them.
        case sessionLapses(group: Int32)
        /// `group`'s silence ends: its evicted instances join again.
        case silenceEnds(group: Int32)
        /// A crash fault starts or ends.
        case crash(fault: Int32, isStart: Bool)
        /// A pause of the broker ends: it serves the fetches it held.
        case brokerResumes
        /// The time-series interval ends.
        case sample
        /// The first copy of a consumer's onward publish `publish` reaches the broker.
        case onwardArrives(publish: Int32, generation: UInt32)
        /// The broker's answer to onward publish `publish` reaches its consumer: appended, or
        /// refused by a broker that is down.
        case onwardAnswered(publish: Int32, generation: UInt32, isAppended: Bool)
        /// The consumer stops waiting for the broker's answer to onward publish `publish`.
        case onwardTimedOut(publish: Int32, generation: UInt32)
        /// The back-off after a failure in round `round` of relay lane `lane` ends.
        case relayRetryDue(lane: Int32, epoch: UInt32, round: UInt32)
        /// Something happens to a synchronous call made by the entry or a consumer, or to a
        /// called service's job (see `CallTree.Event`).
        case call(CallTree.Event)
        /// Something happens to a waiting user (see `Clients.Event`).
        case client(Clients.Event)
    }

    let world: WorldConfig
    let config: EventsConfig
    /// The entry service, and its node on the network.
    let entry: Int
    /// The broker's node on the network.
    let broker: Int
    let faults: FaultBook
    var source: RequestSource
    var entryPool: ServicePool
    var entryJobs = SlotTable<EntryJob>()
    /// Requests whose effects are not all applied yet, for end-to-end latency.
    var pending = SlotTable<PendingRequest>()
    /// Events on their way to the broker (outbox rows in flight, dual writes).
    var messages = SlotTable<OutgoingMessage>()
    /// Events committed at the entry and not yet acknowledged by the broker (nor given up).
    var unacknowledged = 0
    /// Outbox rows not yet sent, oldest first.
    var outbox = RingBuffer<Int32>(capacity: 256)
    /// When the outbox relay last polled, and whether its next poll is scheduled. An idle
    /// relay (no rows) schedules nothing; a new row wakes it at its next poll instant.
    var relayPolledAt = Instant.zero, isRelayScheduled = false
    /// Dual-write events buffered in the producer's memory, oldest first.
    var producerBuffer = RingBuffer<Int32>(capacity: 256)
    /// Per partition (one for a queue broker): the producer's events not yet acknowledged, in order.
    var lanes: [ProducerLane]
    /// Per partition: what the broker knows of the idempotent producer's sequence numbers.
    var appendedSequences: [AppendedSequence]
    /// Every topic's partitions, the topics end to end (the entry's first).
    var partitions: [PartitionLog]
    /// Per log topic: the events its partitions hold in memory (0 for a queue topic, whose
    /// queues count their own).
    var heldEvents: [Int]
    /// Per topic: where its partitions start in `partitions`.
    let topicFirstPartition: [Int]
    /// Per topic: the consumers that read it.
    let topicConsumers: [[Int]]
    /// Per consumer: the consumers its onward publishes reach, directly or through further topics.
    let downstream: [[Int]]
    /// Per topic: where its next round-robin event goes (onward topics only; the entry's
    /// producer keeps `nextRoundRobin`).
    var onwardRoundRobin: [Int]
    /// Onward publishes on their way to the broker or waiting for its answer.
    var onward = SlotTable<OnwardPublish>()
    /// Whoever publishes onward: every consumer (by its index), then the nodes of the calls
    /// that publish; and per node of the calls, its publisher (−1 for none).
    let publishers: [Publisher]
    let callPublisher: [Int]
    /// The outbox relays' lanes of the publishers that publish through an outbox, and where
    /// each publisher's lanes start (−1 for one that does not).
    var relayLanes: [RelayLane]
    let relayFirstLane: [Int]
    /// Rows in every publisher's outbox not yet acknowledged by the broker.
    var relayRowsWaiting = 0
    /// Per topic: its broker, a log or a queue per consumer.
    let topicBrokers: [Broker]
    /// Per consumer: whether its topic is a log (else a queue of its own).
    let isOnLog: [Bool]
    /// The consumers of log topics, and those of queue topics, in consumer order.
    let logConsumers: [Int], queueConsumers: [Int]
    /// Per consumer: whether it is the first at its service, whose first processings draw as
    /// that service's first visits do in every design (see `Visit.processing`).
    let isFirstConsumer: [Bool]
    /// Per consumer: its group's offsets and assignment on a log topic (a group of no
    /// partitions for a consumer of a queue).
    var groups: [ConsumerGroup]
    /// Per consumer: its queue, and its instances on it, on a queue topic (an empty queue and
    /// idle instances for a consumer of a log).
    var queues: FixedArray<MessageQueue>
    var queueGroups: FixedArray<QueueConsumerGroup>
    /// Per consumer and entity: the highest version an idempotent consumer has applied
    /// (empty for a consumer that is not idempotent).
    var highestApplied: [[Int32]]
    /// Per consumer: its recent commits (deletes, on a queue), by which its health is judged.
    var health: [ConsumerHealthWindows]
    /// Per consumer, on a queue: messages its instances have deleted (its "offset").
    var queueDeletes: [Int64]
    /// When the last sample was taken.
    var lastSample = Instant.zero
    var nextRoundRobin = 0
    /// Per entity: its partition when events are keyed (hashing text once, not per event).
    let keyPartitions: [Int32]
    /// The fate of every message between the entry, the broker, the consumers and the services they call.
    var network: Network
    /// The synchronous calls of the entry and the consumers, and the services they call; its
    /// `stations` decide every service's work and fate, the entry's and consumers' included.
    var calling: CallTree
    /// The users' timeouts and retries, when the workload gives them.
    var clients: Clients
    /// What the run measured.
    public internal(set) var metrics: ArchitectureMetrics

    public init(world: WorldConfig, config: EventsConfig) {
        self.world = world
        self.config = config
        entry = world.workload.entry
        broker = world.brokerNode
        faults = FaultBook(world.faults, serviceCount: world.services.count + 1)
        source = RequestSource(world.workload, seed: world.seed, end: .zero + world.duration)
        let entryService = world.services[entry]
        entryPool = ServicePool(workers: entryService.workers, capacity: entryService.queueCapacity)
        let topics = (0..<config.topicCount).map(config.topic)
        topicFirstPartition = topics.indices.map { t in topics[..<t].reduce(0) { $0 + $1.partitions } }
        partitions = [PartitionLog](repeating: PartitionLog(), count: topics.reduce(0) { $0 + $1.partitions })
        heldEvents = [Int](repeating: 0, count: topics.count)
        topicConsumers = topics.indices.map { t in config.consumers.indices.filter { config.consumers[$0].topic == t } }
        downstream = Self.downstream(of: config)
        onwardRoundRobin = [Int](repeating: 0, count: topics.count)
        (publishers, callPublisher) = Self.publishers(of: config)
        (relayLanes, relayFirstLane) = Self.relayLanes(of: publishers, config)
        let laneCount = config.broker == .log ? config.partitions : 1
        lanes = [ProducerLane](repeating: ProducerLane(), count: laneCount)
        appendedSequences = [AppendedSequence](repeating: AppendedSequence(), count: laneCount)
        topicBrokers = topics.map(\.broker)
        let brokers = topicBrokers
        isOnLog = config.consumers.map { brokers[$0.topic] == .log }
        logConsumers = config.consumers.indices.filter { brokers[config.consumers[$0].topic] == .log }
        isFirstConsumer = config.consumers.indices.map { g in !config.consumers[..<g].contains { $0.service == config.consumers[g].service } }
        queueConsumers = config.consumers.indices.filter { brokers[config.consumers[$0].topic] != .log }
        let firsts = topicFirstPartition
        groups = config.consumers.map { consumer in
            let partitions = brokers[consumer.topic] == .log ? topics[consumer.topic].partitions : 0
            return ConsumerGroup(config: consumer, partitions: partitions, firstPartition: firsts[consumer.topic])
        }
        queues = FixedArray(count: config.consumers.count) { [consumers = config.consumers, brokers] in
            MessageQueue(settings: brokers[consumers[$0].topic].queueSettings ?? QueueSettings())
        }
        queueGroups = FixedArray(count: config.consumers.count) { [consumers = config.consumers, brokers] in
            QueueConsumerGroup(config: consumers[$0], prefetch: brokers[consumers[$0].topic].queueSettings?.prefetch ?? 1)
        }
        highestApplied = config.consumers.map { [Int32](repeating: 0, count: $0.isIdempotent ? world.workload.keyCount : 0) }
        health = config.consumers.map { ConsumerHealthWindows(partitions: brokers[$0.topic] == .log ? topics[$0.topic].partitions : 1) }
        queueDeletes = config.consumers.map { _ in 0 }
        keyPartitions = (0..<world.workload.keyCount).map {
            KeyPartitioner.partition(key: Int32($0), partitions: config.partitions)
        }
        network = Network(world.network, faults: world.networkFaults, seed: world.seed, name: "events/network")
        clients = Clients(policy: world.workload.client, seed: world.seed)
        calling = Self.callTree(config.calls, consumers: config.consumers, world: world)
        metrics = ArchitectureMetrics(layout: Self.metricsLayout(serviceNames: world.services.map(\.name), entry: entry, config: config),
                                      keyCount: world.workload.keyCount)
        metrics.trace = TraceRecorder(limit: world.traceLimit, expectedRequests: world.expectedRequests)
        metrics.services[entry].workers = entryService.workers
        for consumer in config.consumers { metrics.services[consumer.service].workers += consumer.instances * consumer.concurrency }
        for service in config.calls?.calledServices ?? [] { metrics.services[service].workers = world.services[service].workers }
    }

    /// The call tree of `calls`: the roots start steps-only jobs, and the called nodes' effects
    /// are the targets after the `consumers`' own; a call to a consumer's service draws apart
    /// from the consumer's first visit (see `Visit`).
    static func callTree(_ calls: EventCalls?, consumers: [ConsumerConfig], world: WorldConfig) -> CallTree {
        guard let calls else {
            return CallTree(graph: CallGraph(nodes: []), defaultPolicy: CallPolicy(timeout: .seconds(2)), targets: [], world: world,
                            backoffStream: "events/backoff")
        }
        var targets = [Int](repeating: -1, count: calls.graph.nodes.count)
        for (i, node) in calls.calledNodes.enumerated() { targets[node] = consumers.count + i }
        return CallTree(graph: calls.graph, defaultPolicy: calls.policy, targets: targets, world: world, backoffStream: "events/backoff",
                        consumed: Set(consumers.map(\.service)))
    }

    /// Per consumer: the consumers of the topics it publishes to (itself, or through the
    /// services it calls), then theirs, and so on. The topics form no cycle (the reader
    /// refuses one), so this ends.
    static func downstream(of config: EventsConfig) -> [[Int]] {
        func reached(from g: Int) -> [Int] {
            let topics = [config.consumers[g].publishesTo].compactMap { $0 } + (config.calls?.publishedTopics(below: config.calls?.consumerRoots[g]) ?? [])
            return topics.flatMap { t in config.consumers.indices.filter { config.consumers[$0].topic == t }.flatMap { [$0] + reached(from: $0) } }
        }
        return config.consumers.indices.map(reached)
    }

    static func call(_ event: CallTree.Event) -> Event { .call(event) }
    static func client(_ event: Clients.Event) -> Event { .client(event) }

    /// What a run measures: every service, the consumers as effect targets and as groups
    /// whose health is judged, the caller → callee edges of its calls, and the entry's queue
    /// and busy workers, the outbox, and each consumer's lag in events and in seconds as gauges.
    public static func metricsLayout(serviceNames names: [String], entry: Int, config: EventsConfig) -> MetricsLayout {
        let consumerNames = config.consumers.map { names[$0.service] }
        let called = config.calls?.calledServices.map { names[$0] } ?? []
        let calledNames = config.calls?.calledNames(serviceNames: names, reserved: consumerNames) ?? []
        let breakerEdges = config.calls?.breakerEdges(serviceNames: names) ?? []
        let work = [names[entry] + " queue", names[entry] + " busy", "outbox"] + consumerNames.map { $0 + " lag" }
            + called.map { $0 + " queue" } + called.map { $0 + " busy" }
        return MetricsLayout(serviceNames: names, targets: consumerNames + calledNames,
                             gaugeNames: work + consumerNames.map { $0 + " lag seconds" } + breakerEdges.map { $0 + " breaker" },
                             workGaugeCount: work.count, consumerNames: consumerNames, breakerEdges: breakerEdges,
                             callEdges: config.calls.map { CallEdges($0.graph).names(serviceNames: names) } ?? [],
                             servicesAtWork: Array(Set([entry] + config.consumers.map(\.service) + (config.calls?.calledServices ?? []))).sorted())
    }

    /// Runs the whole experiment: arrivals for the duration, then the drain. The events'
    /// history holds the time and sequence of the first `recordingFirst` events handled;
    /// `progress`, if given, hears the clock and the events handled after every hundredth of the run.
    public mutating func run(recordingFirst limit: Int = 0, progress: ((Instant, Int) -> Void)? = nil)
        -> (metrics: ArchitectureMetrics, stop: StopReason, events: EventHistory) {
        var scheduler = Scheduler<Event>()
        scheduler.openLanes(for: world)
        scheduler.record(first: limit)
        start(&scheduler)
        let limits = RunLimits(until: world.end, eventBudget: world.eventBudget)
        let stop: StopReason
        if let progress {
            stop = scheduler.run(&self, limits: limits, reportingEvery: world.progressInterval, progress: progress)
        } else {
            stop = scheduler.run(&self, limits: limits)
        }
        if stop.isEarly {
            metrics.stoppedAt = scheduler.now
            if warmupEnd != nil { endWarmup(at: scheduler.now) }  // stopped within the warm-up: it ends with the run
        }
        let end = stop.isEarly ? scheduler.now : world.end
        closeLastInterval(at: end)
        recordOpenHolds(openHolds, at: end)
        recordBreakers(through: scheduler.now)
        recordLongestLines()
        metrics.services[entry].peakQueue = Swift.max(metrics.services[entry].peakQueue, entryPool.longestLine)
        return (metrics, stop, scheduler.history)
    }

    /// Schedules what sets a run going: the first arrival, the fault edges, and the commit
    /// and sampling ticks (the outbox relay wakes with its first row).
    mutating func start(_ scheduler: inout Scheduler<Event>) {
        if source.hasNext { scheduler.scheduleStreamEvent(.arrival, at: source.nextArrival) }
        for edge in faults.crashEdges + faults.instanceCrashEdges {
            scheduler.schedule(.crash(fault: Int32(edge.fault), isStart: edge.isStart), at: edge.time)
        }
        for end in faults.pauseEnds(of: broker) { scheduler.schedule(.brokerResumes, at: end) }
        for g in logConsumers {
            if case .periodic(let interval) = groups[g].config.commit { scheduler.schedule(.commitTick(group: Int32(g)), after: interval) }
            scheduleSessionLapses(g, &scheduler)
        }
        scheduler.scheduleObservation(.sample, after: world.sampleInterval)
    }

    public mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        if faults.hasPauses, let node = node(handling: event), let until = faults.pausedUntil(node, at: scheduler.now) {
            return scheduler.schedule(event, at: until)  // a paused node does nothing until it resumes
        }
        switch event {
        case .arrival: arrive(&scheduler)
        case .entryArrives(let job, let generation):
            if entryJobs.isLive(job, generation) { admit(job, &scheduler) }
        case .entryDone(let job, let generation):
            if entryJobs.isLive(job, generation) { finishEntryWork(job, &scheduler) }
        case .publishArrives(let message, let generation, let round, let epoch, let sequence):
            if messages.isLive(message, generation) { publishArrives(message, round: round, epoch: epoch, sequence: sequence, &scheduler) }
        case .ackArrives(let message, let generation):
            // A crashed entry's connections died with it: an acknowledgement reaching it then is
            // lost, and its producer sends the event again once it restarts (at least once).
            if messages.isLive(message, generation), !faults.isDown(entry, at: scheduler.now) { acknowledge(message, &scheduler) }
        case .refusalArrives(let message, let generation, let round, let isBrokerDown):
            if messages.isLive(message, generation) { attemptFailed(message, round: round, probes: isBrokerDown, &scheduler) }
        case .publishTimeout(let message, let generation, let round):
            if messages.isLive(message, generation) { attemptFailed(message, round: round, probes: true, &scheduler) }
        case .laneRetryDue(let lane, let round): retryLane(Int(lane), round: round, &scheduler)
        case .relay: relay(&scheduler)
        case .flush: while let message = producerBuffer.popFirst() { enqueue(message, &scheduler) }
        case .delivered(let group, let partition, let epoch):
            if groups[Int(group)].cursors[Int(partition)].epoch == epoch {
                groups[Int(group)].cursors[Int(partition)].receiveFetched()
                process(Int(group), Int(partition), &scheduler)
            }
        case .fetchTimedOut(let group, let partition, let epoch):
            if groups[Int(group)].cursors[Int(partition)].epoch == epoch { fetchTimedOut(Int(group), Int(partition), &scheduler) }
        case .processed(let group, let partition, let epoch):
            if groups[Int(group)].cursors[Int(partition)].epoch == epoch { workDone(Int(group), Int(partition), &scheduler) }
        case .retryDue(let group, let partition, let epoch):
            if groups[Int(group)].cursors[Int(partition)].epoch == epoch { release(Int(group), Int(partition), &scheduler) }
        case .commitTick(let group): commitPeriodically(Int(group), &scheduler)
        case .commitArrives(let group, let partition, let offset, let epoch):
            if !isBrokerDown(at: scheduler.now) { commitArrives(Int(group), Int(partition), offset: offset, epoch: epoch, at: scheduler.now) }
        case .received(let group, let job, let generation):
            if queueGroups[Int(group)].jobs.isLive(job, generation) { arriveAtInstance(Int(group), job, &scheduler) }
        case .handled(let group, let job, let generation):
            if queueGroups[Int(group)].jobs.isLive(job, generation) { workDone(Int(group), job: job, &scheduler) }
        case .deleteArrives(let group, let message, let generation, let receive):
            if !isBrokerDown(at: scheduler.now) {
                deleteArrives(Int(group), MessageReference(slot: message, generation: generation), receive: receive, at: scheduler.now)
            }
        case .returnArrives(let group, let message, let generation, let receive):
            if !isBrokerDown(at: scheduler.now) {
                returnArrives(Int(group), MessageReference(slot: message, generation: generation), receive: receive, &scheduler)
            }
        case .visibilityEnds(let group, let message, let generation, let receive):
            visibilityEnds(Int(group), MessageReference(slot: message, generation: generation), receive: receive, &scheduler)
        case .sessionExpires(let group, let instance, let incarnation):
            sessionExpires(Int(group), Int(instance), incarnation: incarnation, &scheduler)
        case .rebalanceEnds(let group, let generation):
            if groups[Int(group)].generation == generation { endRebalance(Int(group), &scheduler) }
        case .sessionLapses(let group): evictSilentMembers(Int(group), &scheduler)
        case .silenceEnds(let group): rejoinEvictedMembers(Int(group), &scheduler)
        case .crash(let fault, let isStart):
            let service = faults.service(ofFault: Int(fault))
            if let instance = faults.instance(ofFault: Int(fault)) {
                instanceCrashEdge(service, instance: instance, isStart: isStart, &scheduler)
            } else {
                crashEdge(service, isStart: isStart, &scheduler)
            }
        case .brokerResumes: serveWaitingConsumers(&scheduler)
        case .sample: sample(&scheduler)
        case .call(let callEvent): handleCall(callEvent, &scheduler)
        case .client(let clientEvent): handleClient(clientEvent, &scheduler)
        case .onwardArrives(let publish, let generation):
            if onward.isLive(publish, generation) { onwardArrives(publish, &scheduler) }
        case .onwardAnswered(let publish, let generation, let isAppended):
            if onward.isLive(publish, generation) { onwardAnswered(publish, isAppended: isAppended, &scheduler) }
        case .onwardTimedOut(let publish, let generation):
            if onward.isLive(publish, generation) { onwardAnswered(publish, isAppended: false, &scheduler) }
        case .relayRetryDue(let lane, let epoch, let round): relayRetryDue(Int(lane), epoch: epoch, round: round, &scheduler)
        }
    }

    // MARK: - The entry

    mutating func arrive(_ scheduler: inout Scheduler<Event>) {
        let (id, key) = source.next()
        if source.hasNext { scheduler.scheduleStreamEvent(.arrival, at: source.nextArrival) }
        if clients.isModelled { return arriveAsUser(id: id, key: key, &scheduler) }
        metrics.recordArrival()
        enter(EntryJob(request: id, key: key, arrival: scheduler.now), &scheduler)
    }

    /// Attempt `attempt` of a user's request reaches the entry.
    mutating func sendToEntry(user: Int32, generation: UInt32, attempt: UInt16, _ scheduler: inout Scheduler<Event>) {
        var job = EntryJob(request: clients.users[user].id, key: clients.users[user].key, arrival: scheduler.now)
        (job.user, job.userGeneration, job.attempt) = (user, generation, attempt - 1)
        enter(job, &scheduler)
    }

    /// `request` reaches the entry, or waits for a paused entry to resume.
    mutating func enter(_ request: EntryJob, _ scheduler: inout Scheduler<Event>) {
        let job = entryJobs.insert(request).slot
        if faults.hasPauses, let until = faults.pausedUntil(entry, at: scheduler.now) {
            // Users keep arriving at a paused entry: it holds their requests until it resumes.
            return scheduler.schedule(.entryArrives(job: job, generation: entryJobs.generation(of: job)), at: until)
        }
        admit(job, &scheduler)
    }

    /// The entry answers `job`'s user with `failure` (`nil`: success) and forgets the job. The
    /// request awaiting its effects, if the job has one, can complete only if this answer is
    /// the user's success: not a failure, nor an attempt its user no longer waits for.
    mutating func respond(_ job: Int32, failure: FailureKind?, _ scheduler: inout Scheduler<Event>) {
        let j = entryJobs[job]
        entryJobs.remove(job)
        let isUserSuccess = failure == nil && (j.user < 0 || awaits(user: j.user, generation: j.userGeneration, attempt: j.attempt + 1))
        settleAnswer(j.pendingSlot, j.pendingGeneration, isSuccess: isUserSuccess)
        guard j.user >= 0 else { return metrics.recordResponse(latency: scheduler.now - j.arrival, failure: failure) }
        entryAnswered(user: j.user, generation: j.userGeneration, attempt: j.attempt + 1, failure: failure, &scheduler)
    }

    /// A request reaches the entry: it fails at once if the entry is down or an errors fault
    /// strikes, is never answered if a hang strikes (its user gives up at its timeout), else it
    /// takes a worker, waits in line, or is refused by a full line.
    mutating func admit(_ job: Int32, _ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        if faults.isDown(entry, at: now) { return respond(job, failure: .unavailable, &scheduler) }
        let attempt = Int(entryJobs[job].attempt)
        switch calling.stations.fate(of: entry, request: entryJobs[job].request, visit: .root(attempt: attempt, first: 0), at: now, faults: faults) {
        case .served: break
        case .fails: return respond(job, failure: .error, &scheduler)
        case .hangs: return entryJobs.remove(job)  // never answers: only a user with a timeout hangs it (see the reader)
        }
        switch entryPool.admit(job, at: now) {
        case .started: startEntryWork(job, queuedSince: now, &scheduler)
        case .queued:
            if entryPool.queueLength > world.lineLimit {
                stopAtLineLimit(of: entry, &scheduler)
            }
        case .rejected:
            metrics.services[entry].rejected += 1
            respond(job, failure: .rejected, &scheduler)
        }
    }

    mutating func startEntryWork(_ job: Int32, queuedSince: Instant, _ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        entryJobs[job].isHoldingWorker = true
        entryJobs[job].tookWorkerAt = now
        metrics.services[entry].started += 1
        metrics.services[entry].queueing.record((now - queuedSince).nanoseconds)
        let j = entryJobs[job]
        if metrics.trace.isSampled(j.request), now > j.arrival {
            metrics.trace.span(.queued, request: j.request, track: TraceTrack(node: entry), from: j.arrival, to: now)
        }
        let visit = Visit.root(attempt: Int(entryJobs[job].attempt), first: 0)
        let work = calling.workTime(of: entry, request: entryJobs[job].request, visit: visit, at: now, faults: faults)
        scheduler.schedule(.entryDone(job: job, generation: entryJobs.generation(of: job)), after: .nanoseconds(work))
    }

    mutating func finishEntryWork(_ job: Int32, _ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        entryJobs[job].workDoneAt = now
        let j = entryJobs[job]
        if metrics.trace.isSampled(j.request) {
            metrics.trace.span(.work, request: j.request, track: TraceTrack(node: entry), from: j.tookWorkerAt, to: now)
        }
        let version = metrics.ledger.commit(key: j.key)
        entryJobs[job].version = version
        if let root = config.calls?.entryRoot {
            // The request awaits its effects from now: the services it calls may publish before the entry does.
            let (slot, generation) = pending.insert(PendingRequest(arrival: j.arrival, consumers: config.consumers.count))
            (entryJobs[job].pendingSlot, entryJobs[job].pendingGeneration) = (slot, generation)
            var request = RequestState(id: j.request, key: j.key, arrival: j.arrival)
            (request.version, request.committedAt) = (version, now)
            (request.pendingSlot, request.pendingGeneration) = (slot, generation)
            let origin = JobOrigin(owner: -1, item: job, generation: entryJobs.generation(of: job))
            return runSteps(at: root, request: request, origin: origin, visit: .root(attempt: Int(j.attempt), first: 0), &scheduler)
        }
        publish(job, &scheduler)
    }

    /// The entry hands the event of `job`'s committed version to its producer.
    mutating func publish(_ job: Int32, _ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let j = entryJobs[job], version = j.version
        let (slot, generation) = j.pendingSlot >= 0 ? (j.pendingSlot, j.pendingGeneration)
            : pending.insert(PendingRequest(arrival: j.arrival, consumers: config.consumers.count))
        (entryJobs[job].pendingSlot, entryJobs[job].pendingGeneration) = (slot, generation)
        var record = EventRecord(request: j.request, requestSlot: slot, key: j.key, version: version, requestGeneration: generation,
                                 arrival: j.arrival, createdAt: now)
        record.lineage = Visit.root(attempt: Int(j.attempt), first: 0).lineage
        switch config.publish {
        case .outbox:
            holdsOneMoreUnacknowledged(&scheduler)
            outbox.append(messages.insert(OutgoingMessage(record: record, entryJob: -1, entryJobGeneration: 0)).slot)
            if !isRelayScheduled { scheduleRelay(&scheduler) }
            finishEntryJob(job, failure: nil, &scheduler)
        case .dualWrite:
            let waits = config.waitsForAck
            holdsOneMoreUnacknowledged(&scheduler)
            var outgoing = OutgoingMessage(record: record, entryJob: waits ? job : -1, entryJobGeneration: entryJobs.generation(of: job))
            outgoing.deadline = now + config.deliveryTimeout
            let message = messages.insert(outgoing).slot
            if producerBuffer.isEmpty { scheduler.schedule(.flush, after: config.linger) }
            producerBuffer.append(message)
            if !waits { finishEntryJob(job, failure: nil, &scheduler) }
        }
    }

    /// The entry answers the user and frees its worker.
    mutating func finishEntryJob(_ job: Int32, failure: FailureKind?, _ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let j = entryJobs[job]
        if metrics.trace.isSampled(j.request), now > j.workDoneAt {
            // A dual write that waits for the broker's acknowledgement holds the worker meanwhile.
            metrics.trace.span(.waiting, request: j.request, track: TraceTrack(node: entry), from: j.workDoneAt, to: now)
        }
        metrics.recordHeld(now - j.tookWorkerAt, service: entry)
        respond(job, failure: failure, &scheduler)
        if let next = entryPool.release() { startEntryWork(next.job, queuedSince: next.since, &scheduler) }
    }
}

/// A user request at the entry.
struct EntryJob: Sendable {
    var request: UInt64
    var key: Int32
    var arrival: Instant
    /// The version its work committed.
    var version: Int32 = 0
    /// The user request it is an attempt of, when users have a client policy (else −1),
    /// and which attempt at the entry it is (0 for a user's first).
    var user: Int32 = -1
    var userGeneration: UInt32 = 0
    var attempt: UInt16 = 0
    /// Whether it has taken a worker (at `tookWorkerAt`), rather than waiting for one.
    var isHoldingWorker = false
    var tookWorkerAt: Instant = .zero
    var workDoneAt: Instant = .zero
    /// Its slot among the requests awaiting effects, once it has one (−1 before).
    var pendingSlot: Int32 = -1
    var pendingGeneration: UInt32 = 0
}

/// A request whose effects are not all settled yet (applied, lost or dead-lettered), or
/// whose user has not had the entry's answer yet.
struct PendingRequest: Sendable {
    var arrival: Instant
    /// One bit per consumer whose effect is not settled yet.
    var unsettled: UInt64
    /// Whether the entry has not answered its user yet.
    var awaitsAnswer = true
    /// Whether some consumer's effect was lost or dead-lettered, or its user was answered
    /// with a failure (or had stopped waiting): the request will not complete.
    var isIncomplete = false
    /// When the last of its effects applied so far was applied.
    var lastAppliedAt = Instant.zero
    /// After the entry's calls failed: the slot of those calls' request in the call tree,
    /// while a job of them, or a dual write one of them sent, may still publish (else −1).
    var failedCalls: Int32 = -1
    /// One bit per consumer of a topic a called service has published the event to (or
    /// written it to its outbox for).
    var reached: UInt64 = 0

    init(arrival: Instant, consumers: Int) {
        precondition(consumers >= 1 && consumers <= EventsConfig.maxConsumers, "1 to 64 consumers")
        self.arrival = arrival
        unsettled = consumers == 64 ? .max : (1 << UInt64(consumers)) - 1
    }
}

/// An event on its way to the broker, and the entry job waiting for its acknowledgement (or −1).
struct OutgoingMessage: Sendable {
    /// Where the producer stands with it.
    enum State: UInt8, Sendable {
        /// Waiting for the broker's acknowledgement.
        case waiting
        /// Acknowledged: the producer is done with it.
        case acknowledged
        /// Given up on (a dual write past its delivery timeout, or in the memory of a crashed producer).
        case abandoned
    }

    var record: EventRecord
    var entryJob: Int32
    var entryJobGeneration: UInt32
    var timer: TimerHandle = .none
    var state = State.waiting
    /// Its producer lane (its partition), once it has joined one.
    var lane: Int32 = -1
    /// Its place in its lane, counted since the lane's start.
    var number: UInt32 = 0
    /// Whether it is still in its lane (the lane refers to it).
    var isInLane = false
    /// Whether a copy was ever sent (a later send is a retry).
    var hasBeenSent = false
    /// When a dual write's delivery timeout passes.
    var deadline = Instant.zero
    /// Copies of its publish on their way to the broker.
    var copiesInFlight: Int16 = 0
    /// Times the broker appended it.
    var appends: Int16 = 0
}
