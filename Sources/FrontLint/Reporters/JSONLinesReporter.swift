/// `--format json-lines`: one JSON object per diagnostic, one per line, written as each file is linted, for
/// tools that read as they go. Each object is the `json` format's diagnostic with the file's `path` first;
/// clean files and the summary write nothing. Columns count Unicode scalars, as in `json`.
public struct JSONLinesReporter: ByteReporter {
    public static let name = "json-lines"

    public init() {}

    public mutating func file(_ result: FileResult, into out: inout [UInt8]) {
        for d in result.diagnostics {
            out.append("{\"path\": ")
            JSON.append(string: result.path, to: &out)
            out.append(", ")
            JSONReporter.appendMembers(of: d, to: &out)
            out.append("}\n")
        }
    }
}
