/// `date-suspicious`: dates Hugo accepts but almost surely not as meant.
public struct DateSuspiciousRule: SimpleRule, SchemaReporting {
    static let configuration = "fields:\n  date: {format: hugo-date}\n"

    public static let description = RuleDescription(
        id: "date-suspicious",
        summary: "Dates Hugo accepts but almost surely not as meant (Unix seconds, no year)",
        defaultSeverity: .warning,
        tags: ["dates", "fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                `hugo-date` values that Hugo reads without complaint but differently from what the author \
                surely meant: an integer, which Hugo reads as seconds since 1970 (`date: 20250213` is \
                1970-08-23), and a layout without a year (`3:04PM`, `Feb 13 10:00:00`), which gives year 0000.
                """,
            whyItMatters: """
                The page builds, but is sorted as written in 1970 or year 0, drops off the home page and shows \
                a wrong date: nothing fails, so nobody notices.
                """,
            example: "---\ndate: 20250213\n---\n",
            useInstead: "---\ndate: 2025-02-13\n---\n"),
        triggering: [
            RuleExample("---\ndate: ↓20250213\n---\n", configuration: configuration),
            RuleExample("---\ndate: ↓\"Feb 13 10:00:00\"\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\ndate: 2025-02-13\n---\n", configuration: configuration),
            RuleExample("---\ndate:\n---\n", configuration: configuration),
        ])

    public init() {}
}
