/// `suppression-invalid`: a suppression comment must name rules that exist, with a directive frontlint
/// knows. The check itself runs in the engine's suppression step (`Suppressions`), after every rule.
public struct SuppressionInvalidRule: SimpleRule {
    public static let description = RuleDescription(
        id: "suppression-invalid",
        summary: "A suppression comment must name known rules and use a known directive",
        tags: ["suppressions"],
        doc: RuleDoc(
            whatItChecks: """
                Suppression comments (`# frontlint-disable-line …` in the front matter, \
                `<!-- frontlint-disable … -->` in the body) that name something that is neither a rule id nor \
                a tag, or that use a directive frontlint does not know in that place (a typo such as \
                `frontlint-disable-lines`, or `frontlint-disable` in the front matter, where only \
                `-line`, `-next-line` and `-file` exist). The diagnostic points at the unknown name, or at \
                the whole comment for an unknown directive.
                """,
            whyItMatters: """
                A misspelt suppression suppresses nothing, silently: the diagnostic it was meant to hide \
                comes back, or worse, the author believes a check is off when it is not.
                """,
            example: "---\ntitle: Hello # frontlint-disable-line key-duplicat\n---\n",
            useInstead: "---\ntitle: Hello # frontlint-disable-line key-duplicate\n---\n"),
        triggering: [
            RuleExample("---\ntitle: Hello # frontlint-disable-line ↓key-duplicat\n---\n"),
            RuleExample("---\ntitle: Hello\n↓# frontlint-disable key-duplicate\n---\n"),
            RuleExample("---\ntitle: Hello\n---\n\n<!-- frontlint-disable-file ↓no-such-rule -->\n"),
            RuleExample("---\ntitle: Hello\n---\n\n↓<!-- frontlint-disable-lines key-duplicate -->\n"),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: Hello # frontlint-disable-line key-duplicate, yaml\n---\n"),
            RuleExample("---\ntitle: Hello\n---\n\n<!-- frontlint-disable front-matter -->\n<!-- frontlint-enable -->\n"),
            RuleExample("---\ntitle: Hello\n---\n\n```\n<!-- frontlint-disable no-such-rule -->\n```\n"),
            RuleExample("---\ntitle: \"# frontlint-disable-line no-such-rule\"\n---\n"),
        ])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] { [] }
}
