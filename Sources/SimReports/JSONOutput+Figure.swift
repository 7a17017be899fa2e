import SimMetrics

extension JSONOutput {
    /// `figure` as `metrics.json` writes it: a group as an object, a decimal through
    /// `Format` with its places, a figure without data as `null`.
    public init(_ figure: Figure) {
        switch figure {
        case .group(let members): self = .object(members.map { ($0.0, JSONOutput($0.1)) })
        case .integer(let count): self = .int(count)
        case .decimal(let value, let places): self = .decimal(value, decimals: places)
        case .truth(let flag): self = .bool(flag)
        case .text(let text): self = .string(text)
        case .absent: self = .null
        }
    }
}
