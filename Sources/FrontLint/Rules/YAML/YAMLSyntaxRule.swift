/// `yaml-syntax`: the front matter must be well-formed YAML.
public struct YAMLSyntaxRule: SimpleRule {
    public static let description = RuleDescription(
        id: "yaml-syntax",
        summary: "Front matter must be well-formed YAML",
        tags: ["yaml", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                That the YAML front matter parses. The diagnostic points where libyaml found the problem, says \
                what it found in plain words, and where the construct that could not be finished started (for \
                example, the opening quote of a string that is never closed). It also reports front matter \
                nested deeper than 256 levels and a block that holds a second YAML document.
                """,
            whyItMatters: """
                Hugo stops the build with the file's path and no line; Jekyll silently treats the page as having \
                no front matter. Either way the page's title, date and settings are lost.
                """,
            example: "---\ntitle: \"Apple and Alibaba\ndate: 2025-02-13\n---\n",
            useInstead: "---\ntitle: \"Apple and Alibaba\"\ndate: 2025-02-13\n---\n"),
        triggering: [
            RuleExample("---\ntitle: \"unclosed\ndate: 2025-02-13\n↓---\n"),
            RuleExample("---\ntitle: ok\n  bad↓: x\n---\n"),
            RuleExample("---\ntitle: a↓: b\n---\n"),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: \"closed\"\ndate: 2025-02-13\n---\n"),
            RuleExample("---\n---\nA page with empty front matter.\n"),
            RuleExample("No front matter at all.\n"),
        ])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] {
        guard let document = file.document else { return [] }
        // Bytes libyaml cannot read are `file-encoding`'s to report, at the same byte; say it once.
        let encodingReported = file.encodingProblem != nil && file.settings.severities[FileEncodingRule.description.id] != nil
        return document.problems
            .filter { !($0.kind == .encoding && encodingReported) }
            .map { Finding($0.message, help: $0.help, at: $0.range) }
    }
}
