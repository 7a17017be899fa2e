
/// The rule for names that become folder names, file names, CSV columns and report lines:
/// the scenario's name, each architecture's and each service's. ASCII letters, digits, `-`,
/// `_` and `.`, not starting with `.`, at most 100 characters: no `/`, no `..`, nothing a
/// terminal, a shell or a spreadsheet reads as more than a name.
public enum NameRule {
    /// The most characters a name may have.
    public static let maximumLength = 100

    /// Whether `name` follows the rule.
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.count <= maximumLength && !name.hasPrefix(".") && name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    /// Logs an issue at `path` when `name` breaks the rule; `why` says what the name is used for.
    static func check(_ name: String, _ path: String, what why: String, log: IssueLog, at position: TextPosition?) {
        guard !isValid(name) else { return }
        let shown = name.count > 40 ? String(name.prefix(40)) + "…" : name
        log.add(path, "expected a name of ASCII letters, digits, '-', '_' or '.', not starting with '.' and at most \(maximumLength) characters "
                + "(\(why)), found \"\(shown)\"", at: position)
    }
}
