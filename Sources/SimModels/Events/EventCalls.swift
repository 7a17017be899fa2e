import SimKernel

/// Synchronous calls inside an event-driven design: the entry's, made after its own work and
/// before it publishes (a hybrid: the user waits for what must be done now, the rest follows
/// from the event), and a consumer's, made after its own work on an event, which fail the
/// processing attempt when a required call fails.
public struct EventCalls: Sendable {
    /// The call trees, one root per calling service (a forest).
    public var graph: CallGraph
    /// The policy of every call that does not set its own.
    public var policy: CallPolicy
    /// The entry's root node, if the entry calls.
    public var entryRoot: Int?
    /// Per consumer: its root node, if it calls.
    public var consumerRoots: [Int?]

    /// Calls along `graph`: the entry from `entryRoot`, each consumer from its root.
    public init(graph: CallGraph, policy: CallPolicy, entryRoot: Int?, consumerRoots: [Int?]) {
        self.graph = graph
        self.policy = policy
        self.entryRoot = entryRoot
        self.consumerRoots = consumerRoots
    }

    /// The nodes that are called (every node but the roots), in node order: the effect
    /// targets that follow the consumers'.
    public var calledNodes: [Int] {
        let roots = Set([entryRoot].compactMap { $0 } + consumerRoots.compactMap { $0 })
        return graph.nodes.indices.filter { !roots.contains($0) }
    }

    /// The topics the nodes of the tree under `root` (itself included) publish to, in node
    /// order; none without a root.
    public func publishedTopics(below root: Int?) -> [Int] {
        guard let root else { return [] }
        var topics: [Int] = [], stack = [root]
        while let node = stack.popLast() {
            if let publish = graph.nodes[node].publish, !topics.contains(publish.topic) { topics.append(publish.topic) }
            stack += graph.nodes[node].steps.joined().reversed()
        }
        return topics
    }

    /// The services called, each once, in order of first appearance.
    public var calledServices: [Int] {
        var services: [Int] = [], seen = Set<Int>()
        for node in calledNodes where seen.insert(graph.nodes[node].service).inserted { services.append(graph.nodes[node].service) }
        return services
    }

    /// A name for each called node: its service's name when that service is called from one
    /// place only and names no other target, else the path from its root (`email → provider`).
    public func calledNames(serviceNames names: [String], reserved: [String]) -> [String] {
        let called = calledNodes, callers = graph.callers
        var placesOfService: [Int: Int] = [:]  // looked up only, never iterated
        for node in called { placesOfService[graph.nodes[node].service, default: 0] += 1 }
        let reserved = Set(reserved)
        return called.map { node in
            let service = graph.nodes[node].service
            let isUnique = placesOfService[service] == 1
            if isUnique, !reserved.contains(names[service]) { return names[service] }
            var path = [names[service]]
            var current = node
            while let caller = callers[current] {
                path.insert(names[graph.nodes[caller].service], at: 0)
                current = caller
            }
            return path.joined(separator: " → ")
        }
    }

    /// The caller → callee edges with a breaker, in node order.
    public func breakerEdges(serviceNames names: [String]) -> [String] {
        let callers = graph.callers
        return calledNodes.compactMap { node in
            guard (graph.nodes[node].policy ?? policy).breaker != nil, let caller = callers[node] else { return nil }
            return names[graph.nodes[caller].service] + " → " + names[graph.nodes[node].service]
        }
    }
}
