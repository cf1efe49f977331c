/// `--format json`: one document for the whole run, stable and documented in README.md.
///
/// Lines and columns are 1-based, columns counted in Unicode scalars; `offset` is the 0-based byte offset
/// in the file. Every linted file appears in `files`, clean ones with an empty list. `fixable` says whether
/// frontlint can fix the diagnostic (never, yet) and `url` links to the rule's documentation.
public struct JSONReporter: ByteReporter {
    public static let name = "json"
    private var first = true

    public init() {}

    public mutating func header() -> String {
        "{\"version\": 1,\n \"files\": ["
    }

    public mutating func file(_ result: FileResult, into out: inout [UInt8]) {
        out.append(first ? "\n  {\"path\": " : ",\n  {\"path\": ")
        first = false
        JSON.append(string: result.path, to: &out)
        guard !result.diagnostics.isEmpty else {
            out.append(", \"diagnostics\": []}")
            return
        }
        out.append(", \"diagnostics\": [\n    ")
        for (index, d) in result.diagnostics.enumerated() {
            if index > 0 { out.append(",\n    ") }
            out.append(UInt8(ascii: "{"))
            JSONReporter.appendMembers(of: d, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append("]}")
    }

    public mutating func footer(_ summary: RunSummary) -> String {
        (first ? "" : "\n ") + "],\n \"summary\": "
            + JSON.object([("files", String(summary.files)), ("errors", String(summary.errors)),
                           ("warnings", String(summary.warnings))]) + "}\n"
    }

    /// The members of a diagnostic's object, in their documented order, without the braces (shared
    /// with `json-lines`, which puts the path first).
    static func appendMembers(of d: Diagnostic, to out: inout [UInt8]) {
        out.append("\"rule\": ")
        JSON.append(string: d.rule, to: &out)
        out.append(", \"severity\": ")
        JSON.append(string: d.severity.rawValue, to: &out)
        out.append(", \"message\": ")
        JSON.append(string: d.message, to: &out)
        out.append(", \"help\": ")
        if let help = d.help { JSON.append(string: help, to: &out) } else { out.append("null") }
        out.append(", \"fixable\": false, \"url\": ")
        JSON.append(string: RuleDocLink.url(for: d.rule), to: &out)
        out.append(", \"range\": {\"start\": ")
        append(d.range.start, to: &out)
        out.append(", \"end\": ")
        append(d.range.end, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    static func append(_ p: Position, to out: inout [UInt8]) {
        out.append("{\"line\": ")
        out.append(decimal: p.line)
        out.append(", \"column\": ")
        out.append(decimal: p.column)
        out.append(", \"offset\": ")
        out.append(decimal: p.offset)
        out.append(UInt8(ascii: "}"))
    }
}
