/// `--format concise`: one line per diagnostic, `path:line:column: severity[rule] message`, no code frame
/// and no summary, for editors that parse lines and for grep. Columns count Unicode scalars. A message
/// that spans lines is kept on one (line breaks shown as `\n`) so that one line is one diagnostic.
public struct ConciseReporter: ByteReporter {
    public static let name = "concise"

    public init() {}

    public mutating func file(_ result: FileResult, into out: inout [UInt8]) {
        guard !result.diagnostics.isEmpty else { return }
        let path = ReportPath.lineSafe(result.path)
        for d in result.diagnostics {
            out.append(utf8: path)
            out.append(UInt8(ascii: ":"))
            out.append(decimal: d.range.start.line)
            out.append(UInt8(ascii: ":"))
            out.append(decimal: d.range.start.column)
            out.append(": ")
            out.append(utf8: d.severity.rawValue)
            out.append(UInt8(ascii: "["))
            out.append(utf8: d.rule)
            out.append("] ")
            ConciseReporter.append(oneLine: d.message, to: &out)
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// `text` with each line break (LF, CRLF or CR) written as `\n`.
    static func append(oneLine text: String, to out: inout [UInt8]) {
        withUTF8Bytes(text) { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                    out.append("\\n")
                    if b == UInt8(ascii: "\r") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                } else {
                    out.append(b)
                }
                i += 1
            }
        }
    }
}
