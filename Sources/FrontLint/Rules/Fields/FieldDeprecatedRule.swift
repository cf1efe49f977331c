/// `field-deprecated`: a field or value the schema marks `deprecated`.
public struct FieldDeprecatedRule: SimpleRule, SchemaReporting {
    static let configuration = """
        fields:
          widgets:
            type: array
            items:
              anyOf:
                - {enum: [search, recent]}
                - {const: ddg-search, deprecated: "use `search`"}
          oldKey: {deprecated: "use `newKey`"}
          newKey: {}
        """

    public static let description = RuleDescription(
        id: "field-deprecated",
        summary: "Fields and values marked `deprecated` should be replaced",
        defaultSeverity: .warning,
        tags: ["fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                Values whose schema says `deprecated` (with a message saying what to use instead): a whole field, \
                or one alternative of an `anyOf`, such as Mainroad's `ddg-search` widget. The diagnostic points \
                at the value or list item.
                """,
            whyItMatters: "Themes drop deprecated options in a later release, and the page silently loses them.",
            example: "---\nwidgets: [ddg-search, recent]\n---\n",
            useInstead: "---\nwidgets: [search, recent]\n---\n"),
        triggering: [
            RuleExample("---\nwidgets: [search, ↓ddg-search]\n---\n", configuration: configuration),
            RuleExample("---\noldKey: ↓x\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\nwidgets: [search, recent]\n---\n", configuration: configuration),
            RuleExample("---\nnewKey: x\n---\n", configuration: configuration),
        ])

    public init() {}
}
