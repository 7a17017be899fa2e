import SimMetrics

/// The calls a run made, as `summary.md` and `report.html` both tabulate them: every circuit
/// breaker's openings and time open, and, per architecture that calls, each caller → callee
/// edge's calls, attempts, retries and how they failed.
enum CallTables {
    /// The breaker table's column heads.
    static let breakerHeader = ["architecture", "edge", "openings", "time open"]

    /// One row per circuit breaker of every architecture, in architecture then edge order;
    /// none when no architecture has one.
    static func breakerRows(_ report: RunReport) -> [[String]] {
        report.architectures.flatMap { a in
            a.metrics.breakers.map { [a.name, $0.edge, String($0.openings), Format.duration(nanoseconds: Double($0.timeOpen.nanoseconds))] }
        }
    }

    /// The edge table's column heads.
    static let edgeHeader = ["edge", "calls", "attempts", "retries", "timeouts", "failed", "rejected", "short-circuited"]

    /// The architectures that make calls, each with one row per edge.
    static func edgeTables(_ report: RunReport) -> [(architecture: String, rows: [[String]])] {
        report.architectures.filter { !$0.metrics.edges.isEmpty }.map { a in
            (a.name, a.metrics.edges.map { e in [e.edge] + [e.calls, e.attempts, e.retries, e.timeouts, e.failed, e.rejected, e.shortCircuited].map(String.init) })
        }
    }
}
