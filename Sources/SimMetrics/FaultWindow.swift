import SimKernel

/// A fault's window, for charts and for reading recovery after it: from `start` to `end` (`nil`: to the end of the run).
public struct FaultWindow: Sendable {
    /// When the fault begins, from the start of the run.
    public var start: TimeSpan
    /// When the fault ends, from the start of the run; `nil` when it lasts to the end.
    public var end: TimeSpan?
    /// The band's label: the first words of the fault's description, such as `crash payment`.
    public var label: String

    /// A window from `start` to `end` (`nil`: to the end of the run), labelled `label`.
    public init(start: TimeSpan, end: TimeSpan?, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }
}
