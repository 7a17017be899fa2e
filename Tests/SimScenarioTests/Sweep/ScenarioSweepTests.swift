import Foundation
import Testing
import SimKernel
@testable import SimScenario

/// A sweep edits the file's own document, value by value, and reads every combination with the
/// strict reader: the values land where the path says and keep the file's types; a path that
/// is not in the file, a value of the wrong type, or a combination the reader refuses is an
/// error naming the path.
final class ScenarioSweepTests {
    static let text = """
    {"name": "tiny", "seed": 3, "duration": "2s",
     "workload": {"entry": "a", "arrivals": {"poisson": "50/s"}},
     "services": {"a": {"workers": 4, "work": "5ms"}, "b": {"workers": 4, "work": {"constant": "10ms"}}},
     "architectures": {"sync": {"chain": ["a", "b"], "timeout": "1s"},
                       "events": {"publish": "outbox", "consumers": {"b": {"concurrency": 4, "idempotent": false}}}}}
    """

    /// The scenario file a test sweeps: written for each test, removed after it.
    let path = NSTemporaryDirectory() + "ripple-sweep-" + UUID().uuidString + ".json"

    init() throws { try Data(Self.text.utf8).write(to: URL(fileURLWithPath: path)) }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file() -> String { path }

    @Test func everyCombinationHasItsValuesInPlace() throws {
        let sweep = try ScenarioSweep(file: file(), variations: ["services.b.work.constant=10ms,1s", "workload.arrivals.poisson=50/s..150/s:3"])
        #expect(sweep.combinations == [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]])
        #expect(sweep.scenarios.map { $0.world.services[1].work } == [.constant(10_000_000), .constant(10_000_000), .constant(10_000_000),
                                                                      .constant(1_000_000_000), .constant(1_000_000_000), .constant(1_000_000_000)])
        #expect(sweep.scenarios.map { $0.world.workload.arrivals } == [50, 100, 150, 50, 100, 150].map { .poisson(Rate.perSecond($0)) })
        #expect(sweep.scenarios.allSatisfy { $0.name == "tiny" && $0.world.services[0].workers == 4 })
        #expect(sweep.parameters.map(\.axisLabel) == ["services.b.work.constant (s)", "workload.arrivals.poisson (/s)"])
        #expect(sweep.parameters[0].positions == [0.01, 1] && sweep.parameters[1].positions == [50, 100, 150])
    }

    @Test func numbersAndFlagsKeepTheirTypes() throws {
        let sweep = try ScenarioSweep(file: file(), variations: ["services.a.workers=1..4:4",
                                                                 "architectures.events.consumers.b.idempotent=false,true"])
        #expect(sweep.parameters.map(\.kind) == [.number, .flag])
        #expect(sweep.scenarios.map { $0.world.services[0].workers } == [1, 1, 2, 2, 3, 3, 4, 4])
        let idempotent = sweep.scenarios.map { scenario -> Bool in
            guard case .events(let events) = scenario.architectures[1].design else { return false }
            return events.consumers[0].isIdempotent
        }
        #expect(idempotent == [false, true, false, true, false, true, false, true])
        #expect(sweep.parameters[1].axisLabel == "architectures.events.consumers.b.idempotent")
        #expect(sweep.parameters[1].categories == ["false", "true"] && sweep.parameters[1].positions == [1, 2], "named ticks at 1 and 2")
    }

    @Test func aPathThatIsNotInTheFileIsNamedWithTheKeysThere() throws {
        let file = file()
        #expect(problem(file, ["architectures.sync.timout=1s,2s"])
                == "--vary architectures.sync.timout: no field \"timout\" in architectures.sync (did you mean \"timeout\"?); it has \"chain\" and \"timeout\"")
        #expect(problem(file, ["services.b.work=1s,2s"])
                == "--vary services.b.work: is an object; vary one of its fields: services.b.work.constant")
        #expect(problem(file, ["architectures.sync.chain=a,b"])
                == "--vary architectures.sync.chain: is an array; vary one of its elements, as in architectures.sync.chain[0]")
        #expect(problem(file, ["seed=1,2"]) == "--vary seed: vary the seed with --seeds instead")
    }

    @Test func valuesOfAnotherTypeOrMalformedAreRefused() throws {
        let file = file()
        #expect(problem(file, ["services.a.workers=4,eight"])
                == "--vary services.a.workers: the file writes a number there, so every value must be a JSON number such as 8 or 0.5; found 'eight'")
        #expect(problem(file, ["architectures.events.consumers.b.idempotent=yes"])
                == "--vary architectures.events.consumers.b.idempotent: the file writes true or false there, so every value must be true or false; found 'yes'")
        #expect(problem(file, ["services.a.workers=1..2:3"]).contains("0.5") == false)
        #expect(problem(file, ["duration"]) == "--vary expects PATH=VALUES, as in services.email.work.constant=100ms,1s,4s; found 'duration'")
        #expect(problem(file, ["duration=1s", "duration=2s"]) == "--vary duration is given twice; list all its values in one option")
        #expect(problem(file, ["duration=1s..2s:4"]).hasPrefix("--vary duration: '1s..2s:4': the values would not be whole nanoseconds apart"))
    }

    /// Values the field does not accept get the reader's own error, with the file, the line
    /// the field is written on and its path, under the combination that gave them.
    @Test func aCombinationTheReaderRefusesGetsItsUsualError() throws {
        let file = file()
        let message = problem(file, ["services.a.workers=0,4", "duration=2s,0.5ms"])
        #expect(message.hasPrefix("3 of 4 combinations do not validate; nothing was run\n"))
        #expect(message.contains("with services.a.workers=0, duration=2s:\n\(file):3:32: error: services.a.workers: expected a whole number from 1 to 100000, found 0"))
        #expect(message.contains("with services.a.workers=4, duration=0.5ms:\n"))
        #expect(!message.contains("with services.a.workers=4, duration=2s"))
        // A string stays a string: a bare number where the file writes a duration is the reader's "add a unit".
        #expect(problem(file, ["duration=1s,1000"]).contains("duration: expected a duration with a unit"))
    }

    func problem(_ file: String, _ variations: [String]) -> String {
        do {
            _ = try ScenarioSweep(file: file, variations: variations)
            return "no problem"
        } catch {
            return "\(error)"
        }
    }
}
