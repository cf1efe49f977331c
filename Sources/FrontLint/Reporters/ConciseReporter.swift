/// `--format concise`: one line per diagnostic, `path:line:column: severity[rule] message`, no code frame
/// and no summary, for editors that parse lines and for grep. Columns count Unicode scalars. A message
/// that spans lines is kept on one (line breaks shown as `\n`) so that one line is one diagnostic.
public struct ConciseReporter: Reporter {
    public static let name = "concise"

    public init() {}

    public mutating func file(_ result: FileResult) -> String {
        var out = ""
        for d in result.diagnostics {
            out += "\(ReportPath.lineSafe(result.path)):\(d.range.start.line):\(d.range.start.column): \(d.severity.rawValue)[\(d.rule)] "
                + ConciseReporter.oneLine(d.message) + "\n"
        }
        return out
    }

    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
        return text.replacingOccurrences("\r\n", "\\n").replacingOccurrences("\n", "\\n").replacingOccurrences("\r", "\\n")
    }
}

extension String {
    /// Plain substring replacement, without Foundation.
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
