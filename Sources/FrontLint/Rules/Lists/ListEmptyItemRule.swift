/// `list-empty-item`: a list of strings must not hold empty or null items.
public struct ListEmptyItemRule: SimpleRule, SchemaReporting {
    static let configuration = """
        fields:
          tags: {type: array, items: {type: string}}
        """

    public static let description = RuleDescription(
        id: "list-empty-item",
        summary: "Lists of strings must not have empty or null items",
        tags: ["lists", "fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                Items of a list whose field's `items` are strings that are empty (`""`) or null (a `-` with \
                nothing after it, `~`, `null`).
                """,
            whyItMatters: """
                Hugo makes a taxonomy term of every tag: an empty one becomes a tag page with no name, linked \
                from the post; a null one makes some themes fail to render the list.
                """,
            example: "---\ntags:\n  - swift\n  -\n---\n",
            useInstead: "---\ntags:\n  - swift\n---\n"),
        triggering: [
            RuleExample("---\ntags: [swift, ↓\"\"]\n---\n", configuration: configuration),
            RuleExample("---\ntags:\n  - swift\n  - ↓~\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\ntags: [swift, yaml]\n---\n", configuration: configuration),
            RuleExample("---\ntags: []\n---\n", configuration: configuration),
        ])

    public init() {}
}
