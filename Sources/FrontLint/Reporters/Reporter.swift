/// Totals of a run, for the summary line and exit code.
public struct RunSummary: Sendable {
    public var files = 0
    public var errors = 0
    public var warnings = 0

    public init() {}

    public mutating func add(_ result: FileResult) {
        files += 1
        errors += result.errorCount
        warnings += result.warningCount
    }
}

/// Turns results into one output format. Reporters stream: `header` first, `file` once per linted file
/// in path order, then `footer`; nothing is kept between calls but what the format needs.
public protocol Reporter {
    /// The `--format` name.
    static var name: String { get }
    mutating func header() -> String
    mutating func file(_ result: FileResult) -> String
    mutating func footer(_ summary: RunSummary) -> String
}

extension Reporter {
    public mutating func header() -> String { "" }
    public mutating func footer(_ summary: RunSummary) -> String { "" }

    /// Renders a whole run at once (for tests and small outputs).
    public mutating func render(_ results: [FileResult]) -> String {
        var summary = RunSummary()
        var out = header()
        for result in results {
            summary.add(result)
            out += file(result)
        }
        return out + footer(summary)
    }
}

/// Options every reporter may honour.
public struct ReportOptions: Sendable {
    public var color = false

    public init(color: Bool = false) {
        self.color = color
    }
}

/// The formats frontlint can write.
public enum ReportFormat: String, CaseIterable, Sendable {
    case human, json

    public func makeReporter(_ options: ReportOptions) -> any Reporter {
        switch self {
        case .human: return HumanReporter(options: options)
        case .json: return JSONReporter()
        }
    }
}
