/// The caller → callee edges of a call graph, by service: the calls from one service to
/// another, wherever in the graph they are made. Two nodes with the same caller and callee
/// services (a service calling another from two places) are one edge.
public struct CallEdges: Sendable {
    /// Each edge's caller and callee services, in order of the first node along it.
    public let services: [(caller: Int, callee: Int)]
    /// Per node: the index of the edge into it, or −1 for a root.
    public let edgeOfNode: [Int]

    /// The edges of `graph`.
    /// - Complexity: O(nodes + steps).
    public init(_ graph: CallGraph) {
        var services: [(caller: Int, callee: Int)] = []
        var edgeOfPair: [Int: Int] = [:]  // by caller × services + callee; looked up only, never iterated
        let callers = graph.callers, serviceCount = (graph.nodes.map(\.service).max() ?? 0) + 1
        edgeOfNode = graph.nodes.indices.map { node in
            guard let caller = callers[node] else { return -1 }
            let pair = (caller: graph.nodes[caller].service, callee: graph.nodes[node].service)
            if let known = edgeOfPair[pair.caller * serviceCount + pair.callee] { return known }
            edgeOfPair[pair.caller * serviceCount + pair.callee] = services.count
            services.append(pair)
            return services.count - 1
        }
        self.services = services
    }

    /// Each edge's name, `"<caller> → <callee>"`, with the services named by `names`.
    public func names(serviceNames names: [String]) -> [String] {
        services.map { names[$0.caller] + " → " + names[$0.callee] }
    }
}
