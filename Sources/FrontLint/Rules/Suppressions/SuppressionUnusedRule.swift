/// `suppression-unused`: a suppression comment that suppressed nothing. Off by default; on with
/// `--report-unused-suppressions` or in the configuration. Checked in the engine's suppression step.
public struct SuppressionUnusedRule: SimpleRule {
    public static let description = RuleDescription(
        id: "suppression-unused",
        summary: "A suppression comment should suppress something",
        defaultSeverity: .warning,
        enabledByDefault: false,
        tags: ["suppressions"],
        doc: RuleDoc(
            whatItChecks: """
                Suppression comments that hid no diagnostic in this run: the whole comment when it names no \
                rule, or the names in its list that matched nothing. When a named rule is not enabled for \
                the file, the message says so. Off by default; `--report-unused-suppressions` turns it on \
                for one run, `rules: {suppression-unused: warning}` for good.
                """,
            whyItMatters: """
                Suppressions outlive the problems they were written for. A stale one hides the next real \
                problem on that line without anyone deciding it should.
                """,
            example: "---\ntitle: Hello # frontlint-disable-line key-duplicate\n---\n",
            useInstead: "---\ntitle: Hello\n---\n"),
        triggering: [
            RuleExample("---\ntitle: Hello ↓# frontlint-disable-line key-duplicate\n---\n"),
            RuleExample("---\ntitle: Hello\n---\n\n↓<!-- frontlint-disable-next-line -->\nText.\n"),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: Hello # an ordinary comment\n---\n"),
        ])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] { [] }
}
