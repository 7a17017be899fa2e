import SimScenario

/// Swift Testing has an `Expectation` of its own; in these tests the name means Ripple's.
typealias Expectation = SimScenario.Expectation
