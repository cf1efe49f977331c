/// `--format human` (the default): `path:line:column: severity[rule]: message`, a code frame with carets
/// under the range, the help, and a summary line at the end. Colour only when asked (on a terminal).
public struct HumanReporter: Reporter {
    public static let name = "human"
    let options: ReportOptions

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    private func paint(_ text: String, _ code: String) -> String {
        options.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public mutating func file(_ result: FileResult) -> String {
        var out = ""
        for diagnostic in result.diagnostics {
            out += render(diagnostic, path: result.path, source: result.source)
        }
        return out
    }

    func render(_ d: Diagnostic, path: String, source: SourceFile?) -> String {
        let severityColor = d.severity == .error ? "1;31" : "1;33"
        var out = paint("\(ReportPath.lineSafe(path)):\(d.range.start.line):\(d.range.start.column):", "1") + " "
        out += paint(d.severity.rawValue, severityColor) + paint("[\(d.rule)]", "2") + ": " + d.message + "\n"
        if let source, d.range.start.line <= source.lineCount || d.range.start.line == 1 {
            out += frame(d, source: source, caretColor: severityColor)
        }
        if let help = d.help {
            out += paint("  = help:", "36") + " " + help + "\n"
        }
        return out + "\n"
    }

    /// The source line with carets under the diagnostic's range (to the end of the line for a range that
    /// goes on; one caret for an empty range).
    func frame(_ d: Diagnostic, source: SourceFile, caretColor: String) -> String {
        let lineNumber = d.range.start.line
        guard lineNumber >= 1, lineNumber <= source.lineStarts.count else { return "" }
        let text = source.lineText(lineNumber)
        let (expanded, columns) = DisplayWidth.layout(text)
        let scalarCount = columns.count - 1
        let startIndex = min(max(d.range.start.column - 1, 0), scalarCount)
        let endIndex: Int
        if d.range.end.line == lineNumber {
            endIndex = min(max(d.range.end.column - 1, startIndex), scalarCount)
        } else {
            endIndex = scalarCount
        }
        let startColumn = columns[startIndex]
        let width = max(1, columns[endIndex] - startColumn)
        let gutter = String(lineNumber)
        let pad = String(repeating: " ", count: gutter.count)
        var out = paint("\(pad) |", "34") + "\n"
        out += paint("\(gutter) |", "34") + " " + expanded + "\n"
        out += paint("\(pad) |", "34") + " " + String(repeating: " ", count: startColumn)
            + paint(String(repeating: "^", count: width), caretColor) + "\n"
        return out
    }

    public mutating func footer(_ summary: RunSummary) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let files = plural(summary.files, "file")
        if summary.errors == 0 && summary.warnings == 0 {
            return paint("No problems", "1;32") + " in \(files).\n"
        }
        let counts = plural(summary.errors, "error") + ", " + plural(summary.warnings, "warning")
        return paint(counts, summary.errors > 0 ? "1;31" : "1;33") + " in \(files).\n"
    }
}
