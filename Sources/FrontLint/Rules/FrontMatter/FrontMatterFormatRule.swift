/// `front-matter-format`: front matter in a format frontlint cannot check yet (TOML, JSON).
public struct FrontMatterFormatRule: SimpleRule {
    public static let description = RuleDescription(
        id: "front-matter-format",
        summary: "Front matter must be YAML for frontlint to check it",
        defaultSeverity: .warning,
        tags: ["front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                Front matter written in TOML (`+++` … `+++`) or JSON (`{` … `}`), which Hugo accepts but \
                frontlint does not read yet. The file's fields are then not checked; the diagnostic says so \
                instead of treating the file as having no front matter.
                """,
            whyItMatters: """
                A linter that silently skips a file gives false confidence. Turn this rule off for sites that \
                use TOML front matter on purpose.
                """,
            example: "+++\ntitle = \"Hello\"\n+++\n",
            useInstead: "---\ntitle: Hello\n---\n"),
        triggering: [
            RuleExample("↓+++\ntitle = \"Hello\"\n+++\n"),
            RuleExample("↓{\n  \"title\": \"Hello\"\n}\n"),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: Hello\n---\n"),
        ])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] {
        guard let fm = file.split.frontMatter, fm.format != .yaml else { return [] }
        var message = "\(fm.format.rawValue) front matter is not checked: frontlint reads YAML front matter only"
        if !fm.isTerminated && fm.format == .json { message += " (and no closing `}` line was found)" }
        return [Finding(message, help: "convert it to YAML (`---` … `---`), or turn this rule off", at: file.openingRange)]
    }
}
