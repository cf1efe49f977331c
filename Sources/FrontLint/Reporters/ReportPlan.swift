/// Which reports a run writes and where: `--format` and `--output` paired in order.
///
/// - No `--output`: every format goes to standard output (so give at most one `--format`).
/// - With `--output`: one per `--format`, the first output for the first format and so on; `-` is
///   standard output. No `--format` at all means `human`.
/// - At most one report goes to standard output, and no file is named twice.
public struct ReportPlan: Sendable, Equatable {
    public struct Report: Sendable, Equatable {
        public var format: ReportFormat
        /// nil for standard output.
        public var path: String?
    }

    public var reports: [Report]

    public init(formats: [ReportFormat], outputs: [String]) throws(ReportPlanError) {
        let formats = formats.isEmpty ? [ReportFormat.human] : formats
        if outputs.isEmpty {
            guard formats.count == 1 else {
                throw ReportPlanError("\(formats.count) formats but no --output: only one report can go to standard output; give an --output for each --format (`-` for standard output)")
            }
            reports = [Report(format: formats[0], path: nil)]
            return
        }
        guard outputs.count == formats.count else {
            throw ReportPlanError("\(formats.count) --format but \(outputs.count) --output: they pair in order, so give one --output for each --format (`-` for standard output)")
        }
        reports = zip(formats, outputs).map { Report(format: $0, path: $1 == "-" ? nil : $1) }
        if reports.filter({ $0.path == nil }).count > 1 {
            throw ReportPlanError("more than one report goes to standard output (`-`); write the others to files")
        }
        var seen = Set<String>()
        for path in reports.compactMap(\.path) where !seen.insert(PathNames.absolute(path)).inserted {
            throw ReportPlanError("\(path) is given as --output twice")
        }
    }

    /// Where `--statistics` goes: beside a report for people on standard output (or when nothing else
    /// is written there); on standard error when standard output carries a machine-readable report.
    public var statisticsGoToStandardOutput: Bool {
        reports.first { $0.path == nil }.map { $0.format.isForPeople } ?? true
    }
}

public struct ReportPlanError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// `--statistics`: how many diagnostics each rule reported, most first, then by id.
public struct RuleStatistics: Sendable {
    public private(set) var counts: [String: Int] = [:]

    public init() {}

    public mutating func add(_ result: FileResult) {
        for d in result.diagnostics { counts[d.rule, default: 0] += 1 }
    }

    public var sorted: [(rule: String, count: Int)] {
        counts.map { (rule: $0.key, count: $0.value) }.sorted { ($1.count, $0.rule) < ($0.count, $1.rule) }
    }

    /// `COUNT  RULE  SUMMARY` lines, counts right-aligned.
    public func render() -> String {
        let rows = sorted
        guard !rows.isEmpty else { return "No diagnostics.\n" }
        let countWidth = rows.map { String($0.count).count }.max()!
        let idWidth = rows.map(\.rule.count).max()!
        return rows.map { row in
            let count = String(row.count)
            let summary = RuleRegistry.description(of: row.rule)?.summary ?? ""
            return String(repeating: " ", count: countWidth - count.count) + count + "  " + row.rule
                + String(repeating: " ", count: idWidth - row.rule.count) + "  " + summary
        }.joined(separator: "\n") + "\n"
    }
}

/// The exit status of a run that did its job: 1 when it found errors, or more warnings than
/// `--max-warnings` allows; 0 otherwise, and always 0 with `--exit-zero`. (A run that could not do its
/// job exits 2, whatever these say.)
public struct ExitPolicy: Sendable {
    public var maxWarnings: Int?
    public var exitZero = false

    public init(maxWarnings: Int? = nil, exitZero: Bool = false) {
        self.maxWarnings = maxWarnings
        self.exitZero = exitZero
    }

    public func tooManyWarnings(_ summary: RunSummary) -> Bool {
        maxWarnings.map { summary.warnings > $0 } ?? false
    }

    public func exitCode(_ summary: RunSummary) -> Int32 {
        if exitZero { return 0 }
        return summary.errors > 0 || tooManyWarnings(summary) ? 1 : 0
    }
}
