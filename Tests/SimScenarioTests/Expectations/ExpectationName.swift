import SimChecks

/// Swift Testing has an `Expectation` of its own; in these tests the name means Ripple's.
typealias Expectation = SimChecks.Expectation
