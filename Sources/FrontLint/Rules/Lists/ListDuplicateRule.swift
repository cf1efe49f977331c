/// `list-duplicate`: a list whose field says `uniqueItems: true` must not repeat an item.
public struct ListDuplicateRule: SimpleRule, SchemaReporting {
    static let configuration = """
        fields:
          widgets: {type: array, uniqueItems: true, items: {type: string}}
        """

    public static let description = RuleDescription(
        id: "list-duplicate",
        summary: "Lists marked `uniqueItems` must not repeat an item",
        tags: ["lists", "fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                Items repeated in a list whose field has `uniqueItems: true`, compared as YAML values (`search` \
                and `"search"` are the same item; `1` and `"1"` are not). The diagnostic points at the \
                repetition and names the item it repeats.
                """,
            whyItMatters: "Mainroad renders a widget once per mention: a repeated widget shows twice in the sidebar.",
            example: "---\nwidgets: [search, taglist, search]\n---\n",
            useInstead: "---\nwidgets: [search, taglist]\n---\n"),
        triggering: [
            RuleExample("---\nwidgets: [search, taglist, ↓search]\n---\n", configuration: configuration),
            RuleExample("---\nwidgets:\n  - search\n  - ↓\"search\"\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\nwidgets: [search, taglist]\n---\n", configuration: configuration),
            RuleExample("---\nwidgets: [search, Search]\n---\n", configuration: configuration),
        ])

    public init() {}
}
