/// `field-range`: numbers must lie within their field's `minimum` and `maximum`.
public struct FieldRangeRule: SimpleRule, SchemaReporting {
    static let configuration = """
        fields:
          weight: {type: integer, minimum: 1, maximum: 100}
        """

    public static let description = RuleDescription(
        id: "field-range",
        summary: "Numbers must lie within `minimum` and `maximum`",
        tags: ["fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: "That a number is at least its field's `minimum` and at most its `maximum` (both inclusive).",
            whyItMatters: """
                Hugo sorts by `weight` and treats 0 as "no weight", which puts the page last instead of first; \
                ranges catch such values before they reorder a menu.
                """,
            example: "---\nweight: 0\n---\n",
            useInstead: "---\nweight: 1\n---\n"),
        triggering: [
            RuleExample("---\nweight: ↓0\n---\n", configuration: configuration),
            RuleExample("---\nweight: ↓250\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\nweight: 1\n---\n", configuration: configuration),
            RuleExample("---\nweight: 100\n---\n", configuration: configuration),
        ])

    public init() {}
}
