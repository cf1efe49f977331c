/// `heading-max-depth`: headings no deeper than a chosen level.
public struct HeadingMaxDepthRule: Rule {
    public static let description = RuleDescription(
        id: "heading-max-depth",
        summary: "Headings must not be deeper than a maximum level (off by default)",
        defaultSeverity: .warning,
        enabledByDefault: false,
        tags: ["headings"],
        doc: RuleDoc(
            whatItChecks: """
                Headings of a level deeper than `max`. Off by default; turn it on with \
                `rules: {heading-max-depth: {severity: warning, max: 3}}`. The default `max` of 3 matches the \
                deepest level of Hugo's default table of contents (`markup.tableOfContents.endLevel`).
                """,
            whyItMatters: """
                Deeply nested headings are left out of the table of contents and are hard to tell apart on \
                the page; they usually mean the page wants splitting or a list instead.
                """,
            example: "## Install\n\n### Linux\n\n#### Debian\n",
            useInstead: "## Install\n\n### Linux\n\n- Debian: …\n"),
        options: [RuleOptionDescription("max", "The deepest heading level allowed, 1 to 6.", default: "3")],
        triggering: [
            RuleExample("## A\n\n### B\n\n↓#### C\n"),
            RuleExample("## A\n\n↓### B\n\n↓#### C\n", configuration: "rules:\n  heading-max-depth: {max: 2}\n"),
        ],
        nonTriggering: [
            RuleExample("## A\n\n### B\n"),
            RuleExample("## A\n\n#### Deep but allowed\n", configuration: "rules:\n  heading-max-depth: {max: 4}\n"),
        ])

    let max: Int

    public init(options: RuleOptions) throws(ConfigurationError) {
        max = try options.integer("max", default: 3)
        if !(1...6).contains(max), let node = options.values["max"] {
            throw node.error("`max: \(max)` is not a heading level", help: "use a level from 1 to 6")
        }
    }

    public func check(_ file: LintContext) -> [Finding] {
        file.headings.filter { $0.level > max }.map { heading in
            Finding("level-\(heading.level) heading is deeper than the maximum level \(max)",
                    help: "move its content up a level, use a list, or raise `max`", at: file.range(of: heading))
        }
    }
}
