/// `date-format`: dates must be written in a form their field's format accepts.
public struct DateFormatRule: SimpleRule, SchemaReporting {
    static let configuration = """
        fields:
          date: {format: hugo-date}
          day: {type: string, format: date}
          posted: {format: date-layout, layout: "YYYY-MM-DD HH:mm:ss"}
        """

    public static let description = RuleDescription(
        id: "date-format",
        summary: "Dates must be in a form their format accepts; `hugo-date` exactly as Hugo parses it",
        tags: ["dates", "fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                Values of fields with a date format. `hugo-date` accepts exactly what Hugo accepts: the layouts \
                of spf13/cast that Hugo tries in order (`2006-01-02`, RFC 3339, `2006-01-02 15:04:05` …), with \
                the calendar checked, no surrounding spaces, integers read as Unix seconds (see \
                `date-suspicious`) and floats, booleans, lists and mappings rejected. `date` is `YYYY-MM-DD`, \
                `date-time` RFC 3339, and `date-layout` the house layouts listed under the field's `layout`. \
                Impossible dates say why (`February 2025 has 28 days`, `month 13 does not exist`).
                """,
            whyItMatters: """
                Hugo stops the whole build with `the "date" front matter field is not a parsable date` and the \
                file's path, but no line; other tools quietly keep the text and sort the page wrongly.
                """,
            example: "---\ndate: 13/02/2025\n---\n",
            useInstead: "---\ndate: 2025-02-13\n---\n"),
        triggering: [
            RuleExample("---\ndate: ↓\"2025-02-30 10:00:00\"\n---\n", configuration: configuration),
            RuleExample("---\ndate: ↓13/02/2025\n---\n", configuration: configuration),
            RuleExample("---\nday: ↓2025-2-3\nposted: ↓2025-02-03T10:00:00\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\ndate: 2025-02-13\nday: 2024-02-29\n---\n", configuration: configuration),
            RuleExample("---\ndate: \"2025-02-13 23:39:14\"\nposted: 2025-02-13 23:39:14\n---\n", configuration: configuration),
            RuleExample("---\ndate: 2025-02-13T23:39:14+08:00\n---\n", configuration: configuration),
        ])

    public init() {}
}
