/// How serious a finding is. `error` fails the run (exit 1); `warning` is reported but does not.
public enum Severity: String, Comparable, Sendable, CaseIterable, Codable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One finding: which rule, how serious, what was found and expected, and exactly where.
public struct Diagnostic: Hashable, Sendable {
    /// The stable id of the rule that reported it, e.g. `yaml-syntax` or `field-required`.
    public var rule: String
    public var severity: Severity
    /// What was found and what was expected.
    public var message: String
    /// How to fix it, when there is more to say than the message.
    public var help: String?
    public var range: SourceRange

    public init(rule: String, severity: Severity, message: String, help: String? = nil, range: SourceRange) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.help = help
        self.range = range
    }
}

/// The result of linting one file: its path as given, its source (for code frames) and its findings,
/// sorted by position.
public struct FileResult: Sendable {
    public var path: String
    /// The text the diagnostics point into. `nil` for a file that could not be read, and for a file that a
    /// run over files (`LintRunner`) found nothing in: reporters only need the text to show diagnostics.
    public var source: SourceFile?
    public var diagnostics: [Diagnostic]

    public init(path: String, source: SourceFile?, diagnostics: [Diagnostic]) {
        self.path = path
        self.source = source
        self.diagnostics = FileResult.sortedByPosition(diagnostics)
    }

    private static func sortedByPosition(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        // Most files have no diagnostic, and sorting even an empty array costs a few hundred instructions.
        guard diagnostics.count > 1 else { return diagnostics }
        return diagnostics.sorted {
            ($0.range.start.offset, $0.range.end.offset, $0.rule) < ($1.range.start.offset, $1.range.end.offset, $1.rule)
        }
    }

    public var errorCount: Int { diagnostics.lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.lazy.filter { $0.severity == .warning }.count }
}
