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
    /// `file(_:)` appended to a byte buffer: what a run calls for each file. Reporters that write most
    /// of a run's output (one entry per file, clean or not) write bytes here and derive `file(_:)`, as
    /// `ByteReporter`s.
    mutating func file(_ result: FileResult, into out: inout [UInt8])
    mutating func footer(_ summary: RunSummary) -> String
}

extension Reporter {
    public mutating func header() -> String { "" }
    public mutating func footer(_ summary: RunSummary) -> String { "" }

    public mutating func file(_ result: FileResult, into out: inout [UInt8]) {
        out.append(utf8: file(result))
    }

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

/// A reporter that writes bytes (`file(_:into:)`) and derives its text from them: the formats that write
/// most of a run's output, one entry per file, clean or not.
public protocol ByteReporter: Reporter {}

extension ByteReporter {
    public mutating func file(_ result: FileResult) -> String {
        var out: [UInt8] = []
        file(result, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// Options every reporter may honour.
public struct ReportOptions: Sendable {
    public var color = false
    /// The directory report paths are made relative to (SARIF URIs, GitLab paths); the process's working
    /// directory unless a test fixes it.
    public var workingDirectory: String

    public init(color: Bool = false, workingDirectory: String? = nil) {
        self.color = color
        self.workingDirectory = workingDirectory ?? FileSystem.currentDirectory
    }
}

/// The formats frontlint can write.
public enum ReportFormat: String, CaseIterable, Sendable {
    case human, concise, json
    case jsonLines = "json-lines"
    case sarif, github, gitlab, junit

    public func makeReporter(_ options: ReportOptions) -> any Reporter {
        switch self {
        case .human: return HumanReporter(options: options)
        case .concise: return ConciseReporter()
        case .json: return JSONReporter()
        case .jsonLines: return JSONLinesReporter()
        case .sarif: return SARIFReporter(options: options)
        case .github: return GitHubReporter()
        case .gitlab: return GitLabReporter(options: options)
        case .junit: return JUnitReporter()
        }
    }

    /// Whether the format's reporter reads a file's text (`FileResult.source`): for code frames, columns
    /// counted in UTF-16, or fingerprints of the flagged line.
    public var readsSource: Bool {
        switch self {
        case .human, .sarif, .github, .gitlab: true
        case .concise, .json, .jsonLines, .junit: false
        }
    }

    /// Whether the format is meant for people reading a terminal (so `--statistics` goes beside it).
    public var isForPeople: Bool { self == .human || self == .concise }
}
