/// `heading-increment`: heading levels go down the outline one step at a time.
public struct HeadingIncrementRule: Rule {
    public static let description = RuleDescription(
        id: "heading-increment",
        summary: "Heading levels must go up one at a time",
        defaultSeverity: .warning,
        tags: ["headings"],
        doc: RuleDoc(
            whatItChecks: """
                That each heading in the body is at most one level deeper than the heading before it (`##` \
                may be followed by `###`, not by `####`). When the front matter has a title, the theme shows \
                it as the page's level-1 heading, so the first heading of the body must be level 1 or 2 — \
                like markdownlint's `front_matter_title`. Without a title the first heading may be at any \
                level. Going back up any number of levels is fine. Lines that only look like headings (`#` \
                lines in code blocks and HTML comments, `#hashtags`) are not headings.
                """,
            whyItMatters: """
                Screen readers and tables of contents navigate by heading level: a skipped level reads as a \
                missing section, and Hugo's `.TableOfContents` renders an empty nested list for it.
                """,
            example: "---\ntitle: Release notes\n---\n\n## What changed\n\n#### Parser\n",
            useInstead: "---\ntitle: Release notes\n---\n\n## What changed\n\n### Parser\n"),
        options: [titleKeyOption],
        triggering: [
            RuleExample("---\ntitle: Hello\n---\n\n## Intro\n\n↓#### Details\n"),
            RuleExample("---\ntitle: Hello\n---\n\n↓### Starts too deep\n\n#### Deeper\n"),
            RuleExample("---\nTitle: Hello\n---\n\nText\n\n↓### Hugo reads `Title` as the title too\n"),
            RuleExample("---\nheadline: Hello\n---\n\n↓### Deep\n",
                        configuration: "rules:\n  heading-increment: {title-key: headline}\n"),
            RuleExample("# Page\n\n## Section\n\n> ↓#### In a quote, still a jump\n"),
        ],
        nonTriggering: [
            RuleExample("# Page\n\n## Section\n\n### Sub\n\n# Next part\n"),
            RuleExample("---\ntitle: Hello\n---\n\nIntro\n-----\n\n### More\n\n#### Deep\n\n## Back up\n"),
            RuleExample("---\ndate: 2025-01-01\n---\n\n### No title: any first level\n\n#### Then one deeper\n"),
            RuleExample("## A\n\n```sh\n#### a shell comment\n```\n\n<!--\n#### a comment\n-->\n\n#hashtag\n"),
        ])

    let titleKey: String

    public init(options: RuleOptions) throws(ConfigurationError) {
        titleKey = try options.string("title-key", default: "title")
    }

    public func check(_ file: LintContext) -> [Finding] {
        let headings = file.headings
        guard !headings.isEmpty else { return [] }
        var findings: [Finding] = []
        if headings[0].level > 2, case .present(let key, let line) = PageTitle.of(file, key: titleKey) {
            findings.append(Finding(
                "the first heading is level \(headings[0].level), but the page title (`\(key)`, line \(line)) is already level 1; expected level 2",
                help: "make it a level-2 heading (`## …`)", at: file.range(of: headings[0])))
        }
        // By index, reading the levels in place: zipping the headings with themselves would copy each twice.
        for index in headings.indices.dropFirst() where headings[index].level > headings[index - 1].level + 1 {
            let previous = headings[index - 1].level
            findings.append(Finding(
                "heading level jumps from \(previous) to \(headings[index].level); expected level \(previous + 1)",
                help: "make it a level-\(previous + 1) heading (`\(Heading.marker(previous + 1)) …`), or add the missing level above it",
                at: file.range(of: headings[index])))
        }
        return findings
    }
}
