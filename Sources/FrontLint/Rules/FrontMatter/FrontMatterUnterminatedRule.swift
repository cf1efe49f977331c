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
        ],
        nonTriggering: [
            RuleExample("---\ntitle: Hello\n---\nbody\n"),
            RuleExample("---\ntitle: Hello\n---"),
        ])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] {
        guard let fm = file.split.frontMatter, !fm.isTerminated, fm.format != .json else { return [] }
        let delimiter = fm.format == .toml ? "+++" : "---"
        return [Finding("front matter opened here is never closed: no `\(delimiter)` line follows",
                        help: "add a `\(delimiter)` line after the last front matter line",
                        at: file.openingRange)]
    }
}
