import SimMetrics
import SimScenario

/// One option a command accepts: `--name VALUE` or a bare `--flag`.
public struct OptionSpec: Sendable {
    /// The name without dashes.
    public var name: String
    /// The placeholder for its value, or `nil` for a flag.
    public var valueName: String?
    /// One line of help.
    public var help: String
    /// Whether the option may be given more than once (each value is kept); any other option
    /// given twice is a usage error.
    public var isRepeatable: Bool

    /// An option named `name` (without dashes) whose value `value` names in help, or a bare
    /// flag when `value` is `nil`; `isRepeatable` when it may be given more than once.
    public init(_ name: String, value: String? = nil, isRepeatable: Bool = false, help: String) {
        self.name = name
        self.valueName = value
        self.isRepeatable = isRepeatable
        self.help = help
    }
}

/// A command line split into positional arguments, option values and flags.
public struct ParsedArguments {
    /// Arguments that are not options, in order.
    public var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    /// The value given for `--name`, if any (the last, for a repeatable option).
    public func value(_ name: String) -> String? { values[name]?.last }
    /// Every value given for a repeatable `--name`, in order.
    public func allValues(_ name: String) -> [String] { values[name] ?? [] }
    /// Whether `--name` was given.
    public func has(_ name: String) -> Bool { flags.contains(name) }

    /// Splits `arguments` by `options`; `--name=value` and `--name value` are both accepted,
    /// and an empty value is a usage error (an empty `--out` would name no folder), as is an
    /// empty positional argument (it names no file). A value written apart that starts with
    /// `--` is refused as a forgotten value (`--out --quiet` would make a folder `--quiet`);
    /// `--out=--quiet` still gives it.
    public init(_ arguments: [String], options: [OptionSpec]) throws {
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard !onlyPositionals, argument.hasPrefix("-"), argument != "-" else {
                guard !argument.isEmpty else { throw UsageError("expected a file or folder, found an empty argument") }
                positionals.append(argument)
                continue
            }
            if argument == "--" { onlyPositionals = true; continue }
            var name = String(argument.drop(while: { $0 == "-" }))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                let suggestion = Suggestion.closest(to: name, among: options.map(\.name)).map { " (did you mean --\($0)?)" } ?? ""
                throw UsageError("unknown option '\(argument)'\(suggestion)")
            }
            guard spec.isRepeatable || (values[name] == nil && !flags.contains(name)) else {
                throw UsageError("option --\(name) is given twice; give it once")
            }
            if let valueName = spec.valueName {
                guard let value = inlineValue ?? (index < arguments.count ? arguments[index] : nil) else {
                    throw UsageError("option --\(name) expects a value: \(valueName)")
                }
                if inlineValue == nil { index += 1 }
                guard !value.isEmpty else { throw UsageError("option --\(name) expects a value: \(valueName), found an empty one") }
                guard inlineValue != nil || !value.hasPrefix("--") else {
                    throw UsageError("option --\(name) expects a value: \(valueName), found the option \(value.printable); "
                                     + "to give a value starting with '--', write --\(name)=\(value.printable)")
                }
                values[name, default: []].append(value)
            } else {
                guard inlineValue == nil else { throw UsageError("option --\(name) takes no value") }
                flags.insert(name)
            }
        }
    }
}

/// A mistake in how a command was invoked: exit status 2.
public struct UsageError: Error, CustomStringConvertible {
    /// What was wrong with the invocation; printed after `ripple: `, with a pointer to `ripple help`.
    public var description: String
    /// A usage error saying `description`.
    public init(_ description: String) { self.description = description }
}
