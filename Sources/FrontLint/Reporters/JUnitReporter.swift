/// `--format junit`: JUnit XML for CI test views.
///
/// One `<testsuite>` per linted file (named by its path). Each diagnostic is a `<testcase>` named
/// `rule line:column` with one `<failure>` (type = severity, message = the message, text = position,
/// message and help): the JUnit XSD allows one failure per test case, so a test case per diagnostic keeps
/// every finding visible. A clean file is one passing test case named `frontlint`. Columns count Unicode
/// scalars. Text is escaped for XML 1.0; characters XML cannot carry become U+FFFD.
public struct JUnitReporter: Reporter {
    public static let name = "junit"

    public init() {}

    public mutating func header() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"frontlint\">\n"
    }

    public mutating func file(_ result: FileResult) -> String {
        let path = XMLText.escape(result.path, attribute: true)
        let count = max(1, result.diagnostics.count)
        var out = "  <testsuite name=\"\(path)\" tests=\"\(count)\" failures=\"\(result.diagnostics.count)\" errors=\"0\" skipped=\"0\">\n"
        if result.diagnostics.isEmpty {
            out += "    <testcase name=\"frontlint\" classname=\"\(path)\"/>\n"
        }
        for d in result.diagnostics {
            let position = "\(d.range.start.line):\(d.range.start.column)"
            var text = "\(result.path):\(position): \(d.severity.rawValue)[\(d.rule)] \(d.message)"
            if let help = d.help { text += "\nhelp: " + help }
            out += "    <testcase name=\"\(XMLText.escape(d.rule + " " + position, attribute: true))\" classname=\"\(path)\">\n"
            out += "      <failure type=\"\(d.severity.rawValue)\" message=\"\(XMLText.escape(d.message, attribute: true))\">"
                + XMLText.escape(text) + "</failure>\n"
            out += "    </testcase>\n"
        }
        return out + "  </testsuite>\n"
    }

    public mutating func footer(_ summary: RunSummary) -> String {
        "</testsuites>\n"
    }
}
