import SimKernel

/// Who calls whom: a tree of nodes, each a service that, after its own work, runs its steps
/// in order; a step calls one or more nodes at once and waits for all of them.
///
/// A node is a place in the tree, not a service: a service called from two callers (a
/// database both payment and email use) is two nodes sharing the service's workers.
public struct CallGraph: Sendable, Equatable {
    /// The nodes; node 0 is the root (the entry, or a consumer whose processing calls).
    public var nodes: [CallNode]

    /// A call tree of `nodes`, root first; steps name nodes by their index in this array.
    public init(nodes: [CallNode]) { self.nodes = nodes }

    /// `services[0]` calls `services[1]`, which calls `services[2]`, and so on.
    public static func chain(_ services: [Int]) -> CallGraph {
        CallGraph(nodes: services.enumerated().map { i, service in
            CallNode(service: service, steps: i + 1 < services.count ? [[i + 1]] : [])
        })
    }

    /// The downstream nodes, in node order: the targets of the root's side effects.
    public var downstream: ArraySlice<CallNode> { nodes.dropFirst() }

    /// The node whose steps call `node`; `nil` for the root.
    /// - Complexity: O(nodes × steps); `callers` answers for every node at once.
    public func caller(of node: Int) -> Int? {
        nodes.indices.first { nodes[$0].steps.contains { $0.contains(node) } }
    }

    /// Per node: the node whose steps call it (the first, as `caller(of:)` says), or `nil` for a root.
    /// - Complexity: O(nodes + steps).
    public var callers: [Int?] {
        var callers = [Int?](repeating: nil, count: nodes.count)
        for caller in nodes.indices.reversed() {
            for step in nodes[caller].steps { for node in step where nodes.indices.contains(node) { callers[node] = caller } }
        }
        return callers
    }

    /// A name for each downstream node, in node order: its service's name, or, for a service
    /// that appears more than once, the path of callers from below the root to it
    /// (`payment → db`), which tells the places apart.
    public func downstreamNames(serviceNames names: [String]) -> [String] {
        let callers = self.callers
        var placesOfService: [Int: Int] = [:]  // looked up only, never iterated
        for node in nodes.dropFirst() { placesOfService[node.service, default: 0] += 1 }
        return nodes.indices.dropFirst().map { node in
            let service = nodes[node].service
            guard placesOfService[service, default: 0] > 1 else { return names[service] }
            var path = [names[service]]
            var current = node
            while let caller = callers[current], caller != 0 {
                path.insert(names[nodes[caller].service], at: 0)
                current = caller
            }
            if path.count == 1 { path.insert(names[nodes[0].service], at: 0) }
            return path.joined(separator: " → ")
        }
    }
}

/// One place in the call tree: a service, and what its caller does about it.
public struct CallNode: Sendable, Equatable {
    /// The service.
    public var service: Int
    /// Whether a failure of the call into this node fails its caller (`false`: best effort).
    public var isRequired: Bool
    /// Steps run in order after the node's own work; each lists nodes called in parallel.
    public var steps: [[Int]]
    /// The timeout, retries and protections of the call into this node, or `nil` for the
    /// architecture's.
    public var policy: CallPolicy?
    /// The topic the node publishes to after its steps succeed, and how (event-driven designs only).
    public var publish: CallPublish?

    /// A node for service `service` that runs `steps` after its own work; required unless
    /// `isRequired` is `false`; called under the architecture's policy unless `policy` is given.
    public init(service: Int, isRequired: Bool = true, steps: [[Int]] = [], policy: CallPolicy? = nil) {
        self.service = service
        self.isRequired = isRequired
        self.steps = steps
        self.policy = policy
    }
}

/// A publish step: after its calls succeed, a node's service publishes the request's event
/// to an onward topic, by a dual write (it waits for the broker's answer, and a failed publish
/// fails the node) or through its outbox (written with its work; a relay sends it).
public struct CallPublish: Sendable, Equatable {
    /// The topic (an index of `EventsConfig.topic(_:)`, 1 or more).
    public var topic: Int
    /// How the service publishes.
    public var via: PublishDiscipline

    public init(topic: Int, via: PublishDiscipline = .dualWrite) {
        self.topic = topic
        self.via = via
    }
}
