/// `--format json`: one document for the whole run, stable and documented in README.md.
///
/// Lines and columns are 1-based, columns counted in Unicode scalars; `offset` is the 0-based byte offset
/// in the file. Every linted file appears in `files`, clean ones with an empty list. `fixable` says whether
/// frontlint can fix the diagnostic (never, yet) and `url` links to the rule's documentation.
public struct JSONReporter: Reporter {
    public static let name = "json"
    private var first = true

    public init() {}

    public mutating func header() -> String {
        "{\"version\": 1,\n \"files\": ["
    }

    public mutating func file(_ result: FileResult) -> String {
        let diagnostics = result.diagnostics.map(JSONReporter.diagnostic).joined(separator: ",\n    ")
        let body = diagnostics.isEmpty ? "[]" : "[\n    " + diagnostics + "]"
        let separator = first ? "\n  " : ",\n  "
        first = false
        return separator + "{\"path\": \(JSON.string(result.path)), \"diagnostics\": \(body)}"
    }

    public mutating func footer(_ summary: RunSummary) -> String {
        (first ? "" : "\n ") + "],\n \"summary\": "
            + JSON.object([("files", String(summary.files)), ("errors", String(summary.errors)),
                           ("warnings", String(summary.warnings))]) + "}\n"
    }

    static func diagnostic(_ d: Diagnostic) -> String {
        JSON.object(fields(d))
    }

    /// The members of a diagnostic's object, in their documented order (shared with `json-lines`).
    static func fields(_ d: Diagnostic) -> [(String, String)] {
        [
            ("rule", JSON.string(d.rule)),
            ("severity", JSON.string(d.severity.rawValue)),
            ("message", JSON.string(d.message)),
            ("help", JSON.optional(d.help)),
            ("fixable", "false"),
            ("url", JSON.string(RuleDocLink.url(for: d.rule))),
            ("range", JSON.object([("start", position(d.range.start)), ("end", position(d.range.end))])),
        ]
    }

    static func position(_ p: Position) -> String {
        JSON.object([("line", String(p.line)), ("column", String(p.column)), ("offset", String(p.offset))])
    }
}
