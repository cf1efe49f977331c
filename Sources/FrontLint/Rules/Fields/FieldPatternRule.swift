/// `field-pattern`: a string must match its field's regular expression.
public struct FieldPatternRule: SimpleRule, SchemaReporting {
    static let configuration = """
        fields:
          slug: {type: string, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$'}
        """

    public static let description = RuleDescription(
        id: "field-pattern",
        summary: "A string must match its field's `pattern`",
        tags: ["fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                That a string value matches the regular expression in its field's `pattern`. As in JSON Schema \
                the pattern is not anchored: write `^…$` to match the whole value. The pattern is compiled once, \
                when the configuration is loaded.
                """,
            whyItMatters: """
                Slugs, ids and codes end up in URLs and file names; a value with spaces or capitals produces a \
                URL that differs from the one linked elsewhere.
                """,
            example: "---\nslug: Apple and Alibaba\n---\n",
            useInstead: "---\nslug: apple-and-alibaba\n---\n"),
        triggering: [
            RuleExample("---\nslug: ↓Apple and Alibaba\n---\n", configuration: configuration),
            RuleExample("---\nslug: ↓\"apple_alibaba\"\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\nslug: apple-and-alibaba\n---\n", configuration: configuration),
            RuleExample("---\nslug: \"2025-recap\"\n---\n", configuration: configuration),
        ])

    public init() {}
}
