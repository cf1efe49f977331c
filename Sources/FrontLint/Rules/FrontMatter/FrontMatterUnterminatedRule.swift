/// `front-matter-unterminated`: a front matter block that opens must close.
public struct FrontMatterUnterminatedRule: SimpleRule {
    public static let description = RuleDescription(
        id: "front-matter-unterminated",
        summary: "A front matter block must be closed by a second delimiter line",
        tags: ["front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                That a front matter block opened by `---` (or `+++` for TOML) on the first line is closed by \
                the same delimiter on a line of its own. The diagnostic points at the opening line.

                It also reports a block whose closing line is most likely a thematic break (`---`) of the body: \
                the YAML does not parse, and the error comes after a blank line followed by a line that reads \
                like text rather than YAML (no `key:`, no `- ` item, no indentation).
                """,
            whyItMatters: """
                Without the closing line, the whole file is read as front matter: Hugo fails to build, and \
                other tools show the YAML as the page's text.
                """,
            example: "---\ntitle: Hello\n\nThe body starts here.\n",
            useInstead: "---\ntitle: Hello\n---\n\nThe body starts here.\n"),
        triggering: [
            RuleExample("↓---\ntitle: Hello\n\nbody\n"),
            RuleExample("↓---   \ntitle: Hello\n-- \n"),
            RuleExample("↓---\ntitle: Hello\n\nThe body starts here.\nIt goes on.\n\n---\n\nMore text.\n"),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: Hello\n---\nbody\n"),
            RuleExample("---\ntitle: Hello\n---"),
        ])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] {
        guard let fm = file.split.frontMatter, fm.format != .json else { return [] }
        if fm.isTerminated { return closedByABodyLine(file, fm).map { [$0] } ?? [] }
        let delimiter = fm.format == .toml ? "+++" : "---"
        return [Finding("front matter opened here is never closed: no `\(delimiter)` line follows",
                        help: "add a `\(delimiter)` line after the last front matter line",
                        at: file.openingRange)]
    }

    /// A YAML block that "closes" only because the body has a `---` thematic break: the YAML fails after a
    /// blank line whose next line reads like prose.
    private func closedByABodyLine(_ file: LintContext, _ fm: FrontMatter) -> Finding? {
        guard fm.format == .yaml, let closing = fm.closing,
              let problem = file.document?.problems.first(where: { $0.kind == .syntax }) else { return nil }
        let source = file.source
        let closingLine = source.line(containing: closing.lowerBound)
        func isBlank(_ line: Int) -> Bool {
            source.bytes[source.lineContentRange(line)].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }
        var line = fm.contentLine
        while line < closingLine, !isBlank(line) { line += 1 }
        let blank = line
        while line < closingLine, isBlank(line) { line += 1 }
        guard blank < closingLine, line < closingLine, problem.range.start.line > blank,
              !looksLikeYAML(source.bytes[source.lineContentRange(line)]) else { return nil }
        return Finding("front matter opened here seems never closed: line \(line) reads like the page's text, and the "
                       + "`---` on line \(closingLine) that ends the block is probably a thematic break in the body",
                       help: "add a `---` line after the last front matter line (before line \(blank))",
                       at: file.openingRange)
    }

    private func looksLikeYAML(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first else { return true }
        switch first {
        case 0x20, 0x09, UInt8(ascii: "-"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "?"):
            return true
        default:
            break
        }
        if line.last == UInt8(ascii: ":") { return true }
        var previous: UInt8 = 0
        for byte in line {
            if previous == UInt8(ascii: ":") && (byte == 0x20 || byte == 0x09) { return true }
            previous = byte
        }
        return false
    }
}
