/// How many services, faults, network links and architectures a scenario states: counted
/// once in the file's JSON and once in the `Scenario` read from it. A reader that accepts a
/// file must keep everything it states, so the two counts agree for every accepted file
/// (the fuzz harness checks this on every input it accepts).
public struct StatedContent: Equatable, Sendable, CustomStringConvertible {
    /// Entries of `services`.
    public var services: Int
    /// Elements of `faults` (service and network faults alike).
    public var faults: Int
    /// Elements of `network.links`.
    public var links: Int
    /// Entries of `architectures`.
    public var architectures: Int

    /// What the scenario document `root` states, counted in its JSON.
    public init(document root: JSONNode) {
        services = root.member("services")?.objectMembers?.count ?? 0
        faults = root.member("faults")?.arrayElements?.count ?? 0
        links = root.member("network")?.member("links")?.arrayElements?.count ?? 0
        architectures = root.member("architectures")?.objectMembers?.count ?? 0
    }

    /// What `scenario` kept of its file (its written faults, before chaos draws any).
    public init(scenario: Scenario) {
        services = scenario.world.services.count
        faults = scenario.writtenFaults.count + scenario.writtenNetworkFaults.count
        links = scenario.world.network.links.count
        architectures = scenario.architectures.count
    }

    /// `services 2, faults 1, links 0, architectures 2`.
    public var description: String {
        "services \(services), faults \(faults), links \(links), architectures \(architectures)"
    }
}
