/// `date-order`: `lastmod` must not be before `date`, nor `expiryDate` before `publishDate`.
public struct DateOrderRule: SimpleRule {
    static let configuration = "extends: [hugo]\n"

    public static let description = RuleDescription(
        id: "date-order",
        summary: "`lastmod` must not be before `date`, nor `expiryDate` before `publishDate`",
        tags: ["dates", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                The order of a page's dates, as Hugo reads them (fields with `format: hugo-date`, found under \
                their aliases and any capitalisation): `lastmod` before `date`, and `expiryDate` before \
                `publishDate` (or before `date` when there is no `publishDate`, which is what Hugo then uses). \
                Dates with an offset are compared as instants; dates without one as written. The diagnostic \
                points at the later field's value.
                """,
            whyItMatters: """
                A page that expires before it is published is never shown; a `lastmod` before `date` puts a \
                wrong "updated" date in the sitemap and feeds.
                """,
            example: "---\ndate: 2025-02-13\nlastmod: 2025-01-01\n---\n",
            useInstead: "---\ndate: 2025-02-13\nlastmod: 2025-02-14\n---\n"),
        triggering: [
            RuleExample("---\ndate: 2025-02-13\nlastmod: ↓2025-01-01\n---\n", configuration: configuration),
            RuleExample("---\npubdate: 2025-03-01\nexpiryDate: ↓2025-02-01\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\ndate: 2025-02-13\nlastmod: 2025-02-14\n---\n", configuration: configuration),
            RuleExample("---\nDate: 2025-02-13T10:00:00+08:00\nLastMod: 2025-02-13T03:00:00Z\n---\n",
                        configuration: configuration),
        ])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] {
        let dates = file.schemaReport.dates
        guard dates.count > 1, let document = file.document else { return [] }
        func first(_ field: String) -> FieldDate? { dates.first { $0.field == field } }
        var findings: [Finding] = []
        func require(_ earlier: FieldDate?, before later: FieldDate?, _ consequence: String) {
            guard let earlier, let later, later.epochSeconds < earlier.epochSeconds else { return }
            findings.append(Finding(
                "`\(later.key)` (\(later.value.rfc3339())) is before `\(earlier.key)` (\(earlier.value.rfc3339()))",
                help: consequence, at: document.range(of: later.node)))
        }
        require(first("date"), before: first("lastmod"), "`lastmod` is when the page last changed: on or after `date`")
        require(first("publishDate") ?? first("date"), before: first("expiryDate"),
                "a page that expires before it is published is never shown")
        return findings
    }
}
