/// Closed-form results for the M/M/c queue that Ripple's models are validated against.
public enum QueueingTheory {
    /// The probability that an arrival waits in an M/M/c queue (Erlang's C formula).
    ///
    /// - Parameters:
    ///   - servers: c, the number of servers.
    ///   - offeredLoad: a = λ/μ in erlangs; must be below c.
    public static func erlangC(servers: Int, offeredLoad a: Double) -> Double {
        precondition(a < Double(servers), "the queue must be stable (λ/μ < c)")
        // Erlang B by its stable recurrence, then C from B.
        var b = 1.0
        for k in 1...servers { b = a * b / (Double(k) + a * b) }
        let rho = a / Double(servers)
        return b / (1 - rho + rho * b)
    }

    /// The mean wait before service in an M/M/c queue, in the unit of `meanService`.
    public static func meanWait(servers: Int, arrivalRate lambda: Double, meanService: Double) -> Double {
        let mu = 1 / meanService
        let c = Double(servers)
        return erlangC(servers: servers, offeredLoad: lambda / mu) / (c * mu - lambda)
    }

    /// The asymptotic variance constant of the M/M/1 sample-mean wait (Whitt, 1989):
    /// Var(mean of n waits) ≈ value / n, with μ = 1/meanService.
    public static func mm1WaitVarianceConstant(utilisation rho: Double, meanService: Double) -> Double {
        let numerator = rho * (2 + 5 * rho - 4 * rho * rho + rho * rho * rho)
        let oneMinus = 1 - rho
        return numerator * meanService * meanService / (oneMinus * oneMinus * oneMinus * oneMinus)
    }
}
