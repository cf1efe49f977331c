/// `front-matter-unterminated`: a front matter block that opens must close.
public struct FrontMatterUnterminatedRule: SimpleRule {
    public static let description = RuleDescription(
        id: "front-matter-unterminated",
        summary: "A front matter block must be closed by a second delimiter line",
        tags: ["front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                That a front matter block opened by `---` (or `+++` for TOML) on the first line is closed by \
                the same delimiter on a line of its own. The diagnostic points at the opening line. It also \
                catches the closing line that is missing but seems present, because a `---` thematic break \
                further down the body closes the block: when the YAML fails to parse, and a blank line is \
                followed by a line that is not YAML at all, that line is where the body starts.
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
            RuleExample("↓---\ntitle: Hello\n\nThe body starts here.\n\n---\n\nMore text.\n"),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: Hello\n---\nbody\n"),
            RuleExample("---\ntitle: Hello\n---"),
            RuleExample("---\ntitle: Hello\n\nsummary: \"unclosed\n---\n"),
        ])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] {
        guard let fm = file.split.frontMatter, file.split.isUnterminated, fm.format != .json else { return [] }
        let delimiter = fm.format == .toml ? "+++" : "---"
        if let closing = file.split.runawayClosingLine {
            return [Finding("front matter opened here is never closed: it runs on into the body, up to the `---` on line \(closing)",
                            help: "add a `---` line before line \(file.split.bodyLine), where the body starts; the `---` on line \(closing) is a thematic break",
                            at: file.openingRange)]
        }
        return [Finding("front matter opened here is never closed: no `\(delimiter)` line follows",
                        help: "add a `\(delimiter)` line after the last front matter line",
                        at: file.openingRange)]
    }
}
