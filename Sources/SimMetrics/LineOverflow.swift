/// A service's waiting line that grew past the run's line limit, which stopped the run.
public struct LineOverflow: Sendable, Equatable {
    /// The service whose line it was.
    public var service: String
    /// The line limit it passed, in waiting requests.
    public var limit: Int

    /// The line at `service`, which passed `limit` waiting requests.
    public init(service: String, limit: Int) {
        self.service = service
        self.limit = limit
    }
}
