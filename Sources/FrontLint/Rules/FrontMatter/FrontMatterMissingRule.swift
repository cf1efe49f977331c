/// `front-matter-missing`: when the configuration requires front matter, a file must have it.
public struct FrontMatterMissingRule: SimpleRule {
    public static let description = RuleDescription(
        id: "front-matter-missing",
        summary: "A page must start with front matter when the configuration requires it",
        tags: ["front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                With `require-front-matter: true` in the configuration, that the file starts with a front \
                matter block: a `---` line as the very first line (after an optional byte order mark). It \
                reports nothing when the setting is off, as it is in the `default` preset.
                """,
            whyItMatters: """
                A content page without front matter has no title or date: Hugo lists it untitled and sorts it \
                as if written in year 1. A front matter block that does not start on the first line (a blank \
                line or a comment before it) is not front matter at all, and is rendered as text.
                """,
            example: "\n---\ntitle: Hello\n---\n",
            useInstead: "---\ntitle: Hello\n---\n"),
        triggering: [
            RuleExample("↓# Hello\n\nNo front matter.\n", configuration: "require-front-matter: true\n"),
            RuleExample("↓\n---\ntitle: Hello\n---\n", configuration: "require-front-matter: true\n"),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: Hello\n---\n", configuration: "require-front-matter: true\n"),
            RuleExample("# Hello\n\nNo front matter, none required.\n"),
        ])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] {
        guard file.settings.layer.requireFrontMatter == true, file.split.frontMatter == nil else { return [] }
        // A UTF-16 or UTF-32 file has front matter frontlint cannot see: `file-encoding` says so.
        if case .wideEncoding? = file.encodingProblem { return [] }
        return [Finding("the file has no front matter; this site requires it",
                        help: "start the file with a `---` line, the front matter, and a closing `---` line",
                        at: file.source.rangeOfLine(1))]
    }
}
