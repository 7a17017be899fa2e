import SimMetrics

/// A scenario file with some of its fields varied: every combination of the values given,
/// each one the file's document with those values put in place and then read by the usual
/// strict reader, so a value a field does not accept gets the usual error with its path.
///
/// A varied field must be written in the file; the value put in keeps the type written there
/// (a string stays a string), so `"100ms"` can become `"4s"` but not a bare `4`.
public struct ScenarioSweep: Sendable {
    /// A limit on fields varied at once.
    public static let maximumParameters = 4
    /// A limit on combinations.
    public static let maximumCombinations = 10_000

    /// The scenario as the file writes it.
    public let base: Scenario
    /// The fields varied, in the order given.
    public let parameters: [SweepParameter]
    /// Each combination as one value index per parameter; the last parameter varies fastest.
    public let combinations: [[Int]]
    /// The scenario of each combination, validated, in the order of `combinations`.
    public let scenarios: [Scenario]

    /// The sweep of `file` over `variations`, each written `PATH=VALUES` as on the command line;
    /// a combination whose run is estimated to hold more than `memoryBudget` bytes is refused.
    /// - Throws: `ScenarioError` when the file does not read as written; `SweepError` for a
    ///   variation that is malformed, names no field of the file, or gives values of the wrong
    ///   type; `SweepCombinationError` listing the combinations the reader refuses.
    public init(file: String, variations: [String], memoryBudget: Int64 = MemoryEstimate.defaultBudget) throws {
        let document = try ScenarioLoader.document(path: file)
        base = try ScenarioLoader.scenario(from: document, file: file, memoryBudget: memoryBudget)
        guard !variations.isEmpty else { throw SweepError("sweep needs at least one --vary PATH=VALUES") }
        guard variations.count <= Self.maximumParameters else {
            throw SweepError("sweep varies at most \(Self.maximumParameters) fields at once; found \(variations.count) --vary options")
        }
        var parameters: [SweepParameter] = []
        for variation in variations {
            let parameter = try Self.parameter(variation, in: document)
            guard !parameters.contains(where: { $0.path == parameter.path }) else {
                throw SweepError("--vary \(parameter.path) is given twice; list all its values in one option")
            }
            parameters.append(parameter)
        }
        self.parameters = parameters
        combinations = try Self.combinations(of: parameters.map(\.values.count))
        var scenarios: [Scenario] = []
        var refused: [String] = []
        for combination in combinations {
            var edited = document
            for (p, parameter) in parameters.enumerated() {
                edited = try edited.replacing(at: parameter.path, with: parameter.json(combination[p]))
            }
            do {
                var scenario = try ScenarioLoader.scenario(from: edited, file: file, memoryBudget: memoryBudget)
                scenario.expectations = []
                scenarios.append(scenario)
            } catch {
                let values = parameters.indices.map { parameters[$0].path + "=" + parameters[$0].values[combination[$0]] }
                refused.append("with " + values.joined(separator: ", ") + ":\n" + error.description)
            }
        }
        guard refused.isEmpty else { throw SweepCombinationError(combinations: combinations.count, refused: refused) }
        self.scenarios = scenarios
    }

    /// `PATH=VALUES` read against the document: the field must exist and hold a string, a
    /// number or a flag, and every value must be of that type.
    static func parameter(_ variation: String, in document: JSONNode) throws -> SweepParameter {
        guard let equals = variation.firstIndex(of: "="), equals != variation.startIndex,
              variation.index(after: equals) != variation.endIndex else {
            throw SweepError("--vary expects PATH=VALUES, as in services.email.work.constant=100ms,1s,4s; found '\(variation)'")
        }
        let path = String(variation[..<equals]), text = String(variation[variation.index(after: equals)...])
        func failure(_ message: String) -> SweepError { SweepError("--vary \(path): \(message)") }
        guard path != "seed" else { throw failure("vary the seed with --seeds instead") }
        let node: JSONNode
        do { node = try document.node(at: path) } catch { throw failure(error.message) }
        let values: [String]
        do { values = try SweepValues.parse(text) } catch { throw failure(error.description) }
        let kind: SweepParameter.Kind
        switch node.value {
        case .string: kind = .text
        case .number:
            kind = .number
            for value in values where (try? JSONParser.parse(Array(value.utf8)))?.numberText == nil {
                throw failure("the file writes a number there, so every value must be a JSON number such as 8 or 0.5; found '\(value)'")
            }
        case .bool:
            kind = .flag
            for value in values where value != "true" && value != "false" {
                throw failure("the file writes true or false there, so every value must be true or false; found '\(value)'")
            }
        case .object(let members):
            let keys = members.map { path + "." + $0.key }
            throw failure("is an object; vary one of its fields: \(keys.joined(separator: ", "))")
        case .array: throw failure("is an array; vary one of its elements, as in \(path)[0]")
        case .null: throw failure("is null, which has no type to keep; write a value in the file")
        }
        let axis = SweepAxis(path: path, values: values, kind: kind)
        return SweepParameter(path: path, values: values, kind: kind, positions: axis.positions, axisLabel: axis.label, categories: axis.categories)
    }

    /// Every combination of value indices for parameters with `counts` values, the last fastest.
    static func combinations(of counts: [Int]) throws(SweepError) -> [[Int]] {
        var total = 1
        for count in counts {
            total *= count
            guard total <= maximumCombinations else {
                throw SweepError("the values given make more than \(maximumCombinations) combinations; vary fewer values")
            }
        }
        var combinations: [[Int]] = [[]]
        for count in counts { combinations = combinations.flatMap { prefix in (0..<count).map { prefix + [$0] } } }
        return combinations
    }
}

extension SweepParameter {
    /// Value `index` as a JSON value of the kind the file writes.
    func json(_ index: Int) -> JSONValue {
        switch kind {
        case .text: .string(values[index])
        case .number: .number(values[index])
        case .flag: .bool(values[index] == "true")
        }
    }
}

/// Combinations the scenario reader refuses, each with its problems.
public struct SweepCombinationError: Error, Sendable, CustomStringConvertible {
    /// How many combinations there were.
    public var combinations: Int
    /// For each refused combination: `with PATH=VALUE, …:` and the reader's lines.
    public var refused: [String]

    /// A limit on the combinations described, so one wrong range does not flood the terminal.
    static let shown = 10

    /// How many combinations failed, then each one's values and the reader's lines, the first ten of them.
    public var description: String {
        var text = "\(refused.count) of \(combinations) combinations do not validate; nothing was run\n"
        text += refused.prefix(Self.shown).joined(separator: "\n")
        if refused.count > Self.shown { text += "\n… and \(refused.count - Self.shown) more" }
        return text
    }
}
