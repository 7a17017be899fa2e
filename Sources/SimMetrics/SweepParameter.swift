/// One field a sweep varies and the values it takes: what a sweep's figures are laid out
/// against, in its table and along its plots' x axis.
public struct SweepParameter: Sendable {
    /// How the scenario file writes the field's values, which the sweep keeps.
    public enum Kind: Sendable {
        /// JSON strings, such as durations (`"100ms"`), rates and names.
        case text
        /// JSON numbers.
        case number
        /// `true` or `false`.
        case flag
    }

    /// The field's path in the scenario file, as in `services.email.work.constant`.
    public var path: String
    /// The values, as they are written into the scenario, in the order given.
    public var values: [String]
    /// How they are written.
    public var kind: Kind
    /// Where each value sits along a plot's x axis.
    public var positions: [Double]
    /// The x axis's label: the path with the unit of `positions` (`… (s)`), or the path alone
    /// for values without a numeric order, which their ticks name.
    public var axisLabel: String

    /// The values' names, one per tick at 1, 2, 3, …, when they have no numeric order; `nil`
    /// when `positions` are numbers of their own.
    public var categories: [String]?

    /// The field at `path` taking `values`, written as `kind`, plotted at `positions` (one per
    /// value), or at 1, 2, 3, … named by `categories`.
    public init(path: String, values: [String], kind: Kind, positions: [Double], axisLabel: String, categories: [String]? = nil) {
        precondition(values.count == positions.count, "one position per value")
        self.path = path
        self.values = values
        self.kind = kind
        self.positions = positions
        self.axisLabel = axisLabel
        self.categories = categories
    }
}
