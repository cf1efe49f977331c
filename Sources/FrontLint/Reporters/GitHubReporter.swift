/// `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on the
/// pull request: `::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE`.
///
/// - Warnings are `::warning`. The message carries the help on a second line.
/// - Escaping as the runner decodes it: in the message `%` → `%25`, CR → `%0D`, LF → `%0A`; in property
///   values also `:` → `%3A` and `,` → `%2C`.
/// - Columns are UTF-16 code units (the runner is .NET and the web view JavaScript, both index strings in
///   UTF-16), converted from the source line; an emoji counts 2.
/// - GitHub only keeps `col`/`endColumn` for an annotation on one line, so a range over several lines
///   gives lines only.
public struct GitHubReporter: Reporter {
    public static let name = "github"

    public init() {}

    public mutating func file(_ result: FileResult) -> String {
        var out = ""
        for d in result.diagnostics {
            var properties = [
                ("file", result.path),
                ("line", String(d.range.start.line)),
            ]
            if d.range.start.line == d.range.end.line {
                properties.append(("col", String(ColumnUnits.utf16Column(d.range.start, in: result.source))))
                properties.append(("endLine", String(d.range.end.line)))
                properties.append(("endColumn", String(ColumnUnits.utf16Column(d.range.end, in: result.source))))
            } else {
                properties.append(("endLine", String(d.range.end.line)))
            }
            properties.append(("title", "frontlint " + d.rule))
            var message = d.message
            if let help = d.help { message += "\n" + help }
            out += "::" + (d.severity == .error ? "error" : "warning") + " "
                + properties.map { $0.0 + "=" + GitHubReporter.escapeProperty($0.1) }.joined(separator: ",")
                + "::" + GitHubReporter.escapeData(message) + "\n"
        }
        return out
    }

    /// GitHub's escaping for a workflow command's message: `%`, CR and LF.
    static func escapeData(_ text: String) -> String { escape(text, property: false) }

    /// GitHub's escaping for a property value: the message's, plus `:` and `,`, which separate properties.
    static func escapeProperty(_ text: String) -> String { escape(text, property: true) }

    private static func escape(_ text: String, property: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
