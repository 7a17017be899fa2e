extension Distribution {
    /// Draws one value from `random`. Inlined, so that a model's work and arrival draws
    /// (constants, uniforms and exponentials) cost no call beyond the logarithm.
    @inlinable @inline(__always) public func sample(_ random: inout RandomStream) -> Int64 {
        switch self {
        case .constant(let value):
            return value
        case .uniform(let low, let high):
            return low + Int64(random.next(below: UInt64(high - low) + 1))
        case .exponential(let mean):
            return Distribution.clamp(-mean * Math.ln(random.nextOpenUnit()))
        default:
            return sampleShaped(&random)
        }
    }

    /// Draws one value of a distribution that is not constant, uniform or exponential: kept
    /// out of line, so that the draws inlined into models stay small.
    @inline(never) @usableFromInline func sampleShaped(_ random: inout RandomStream) -> Int64 {
        Distribution.clamp(sampleReal(&random))
    }

    /// Draws one value as a `Double`, before rounding to an integer.
    @usableFromInline func sampleReal(_ random: inout RandomStream) -> Double {
        switch self {
        case .constant(let value):
            return Double(value)
        case .uniform(let low, let high):
            return Double(low) + random.nextUnit() * Double(high - low)
        case .exponential(let mean):
            return -mean * Math.ln(random.nextOpenUnit())
        case .normal(let mean, let deviation):
            for _ in 0..<1_000 {
                let x = mean + deviation * Distribution.standardNormal(&random)
                if x >= 0 { return x }
            }
            return 0
        case .lognormal(let mu, let sigma):
            return Math.exponential(mu + sigma * Distribution.standardNormal(&random))
        case .pareto(let scale, let shape):
            return scale / Math.power(random.nextOpenUnit(), 1 / shape)
        case .empirical(let table):
            return table.quantile(random.nextUnit())
        case .mixture(let parts):
            let total = parts.reduce(0) { $0 + $1.weight }
            var pick = random.nextUnit() * total
            for part in parts {
                if pick < part.weight { return part.distribution.sampleReal(&random) }
                pick -= part.weight
            }
            return parts[parts.count - 1].distribution.sampleReal(&random)
        }
    }

    /// A standard normal variate by the Box–Muller transform (one of the pair is used, so
    /// that each call consumes exactly two numbers and streams stay aligned).
    static func standardNormal(_ random: inout RandomStream) -> Double {
        let u1 = random.nextOpenUnit(), u2 = random.nextUnit()
        return Math.squareRoot(-2 * Math.ln(u1)) * Math.cosine(2 * Double.pi * u2)
    }

    /// `x` rounded to the nearest integer within `0...sampleCeiling`.
    @inlinable @inline(__always) static func clamp(_ x: Double) -> Int64 {
        guard x > 0 else { return 0 }
        guard x < Double(sampleCeiling) else { return sampleCeiling }
        // Half away from zero, as `x.rounded()`, without the call to libm: below 2⁵² the
        // fraction `x − ⌊x⌋` is exact, and above it `x` is a whole number.
        // The comparison is added, not branched on: which way it goes is a coin toss.
        let whole = Int64(x)
        return whole &+ (x - Double(whole) >= 0.5 ? 1 : 0)
    }

    /// The mean of the distribution (before rounding and the sample ceiling), when finite.
    public var mean: Double? {
        switch self {
        case .constant(let value): return Double(value)
        case .uniform(let low, let high): return (Double(low) + Double(high)) / 2
        case .exponential(let mean): return mean
        case .normal(let mu, let sd):
            let alpha = -mu / sd
            let phi = Math.exponential(-alpha * alpha / 2) / (2 * Double.pi).squareRoot()
            return mu + sd * phi / (1 - standardNormalCDF(alpha))
        case .lognormal(let mu, let sigma): return Math.exponential(mu + sigma * sigma / 2)
        case .pareto(let scale, let shape): return shape > 1 ? shape * scale / (shape - 1) : nil
        case .empirical(let table):
            var sum = 0.0
            for i in 1..<table.probabilities.count {
                sum += (table.probabilities[i] - table.probabilities[i - 1]) * (table.values[i] + table.values[i - 1]) / 2
            }
            return sum
        case .mixture(let parts):
            let total = parts.reduce(0) { $0 + $1.weight }
            var sum = 0.0
            for part in parts {
                guard let m = part.distribution.mean else { return nil }
                sum += part.weight / total * m
            }
            return sum
        }
    }

    /// The same shape with every value multiplied by `factor` (a "slow by 40×" fault).
    public func scaled(by factor: Double) -> Distribution {
        switch self {
        case .constant(let v): return .constant(Int64((Double(v) * factor).rounded()))
        case .uniform(let a, let b): return .uniform(min: Int64((Double(a) * factor).rounded()), max: Int64((Double(b) * factor).rounded()))
        case .exponential(let m): return .exponential(mean: m * factor)
        case .normal(let m, let s): return .normal(mean: m * factor, standardDeviation: s * factor)
        case .lognormal(let mu, let sigma): return .lognormal(mu: mu + Math.ln(factor), sigma: sigma)
        case .pareto(let scale, let shape): return .pareto(scale: scale * factor, shape: shape)
        case .empirical(let table):
            let points = zip(table.probabilities, table.values).map { (probability: $0, value: $1 * factor) }
            return .empirical(EmpiricalTable(points: points)!)
        case .mixture(let parts):
            return .mixture(parts.map { WeightedDistribution(weight: $0.weight, distribution: $0.distribution.scaled(by: factor)) })
        }
    }
}
