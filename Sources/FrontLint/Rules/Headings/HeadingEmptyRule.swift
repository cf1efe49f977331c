/// `heading-empty`: a heading must have text.
public struct HeadingEmptyRule: SimpleRule {
    public static let description = RuleDescription(
        id: "heading-empty",
        summary: "A heading must have text",
        defaultSeverity: .warning,
        tags: ["headings"],
        doc: RuleDoc(
            whatItChecks: """
                ATX headings with nothing after their `#` sequence (`##`, or `## ##` with only a closing \
                sequence). A `#` directly followed by a word (`#hashtag`) is not a heading at all.
                """,
            whyItMatters: """
                An empty heading renders as an empty `<h2>`: a blank gap on the page, an empty entry in the \
                table of contents, and a nameless section for screen readers. It is usually a leftover from \
                editing.
                """,
            example: "## Install\n\n##\n\nRun the installer.\n",
            useInstead: "## Install\n\n### Linux\n\nRun the installer.\n"),
        triggering: [
            RuleExample("## Intro\n\n↓##\n\nText.\n"),
            RuleExample("↓### ###\n"),
            RuleExample("> ↓#\n> quoted text\n"),
        ],
        nonTriggering: [
            RuleExample("## Intro\n\nText.\n"),
            RuleExample("#hashtag is not a heading\n"),
            RuleExample("Text\n\n---\n"),
            RuleExample("## `#`\n"),
        ])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] {
        // Through a buffer, reading each heading in place: `for heading in file.headings` would copy each.
        file.withHeadings { headings in
            var findings: [Finding] = []
            for heading in headings where heading.isBlank {
                findings.append(Finding(
                    "level-\(heading.level) heading has no text; expected the heading's words after `\(Heading.marker(heading.level))`",
                    help: "write the heading's text, or remove the line", at: file.range(of: heading)))
            }
            return findings
        }
    }
}
