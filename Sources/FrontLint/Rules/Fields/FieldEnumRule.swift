/// `field-enum`: a value must be one of the values its field allows.
public struct FieldEnumRule: SimpleRule, SchemaReporting {
    static let configuration = """
        fields:
          sidebar: {enum: [left, right, false]}
          widgets: {type: array, items: {enum: [search, recent, taglist]}}
        """

    public static let description = RuleDescription(
        id: "field-enum",
        summary: "A value must be one of the values its field allows (`enum`, `const`)",
        tags: ["fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                That a value is one of its field's `enum` values (or equals its `const`). Values are compared \
                after both sides are read as YAML: `enum: [left, right, false]` accepts `right`, `"right"` and \
                a plain `false`, but not the string `"false"`. The message lists the allowed values and, for a \
                near miss, suggests the closest (`recnet` → `recent`).
                """,
            whyItMatters: """
                Themes compare these values exactly: Mainroad shows no sidebar for `sidebar: center` and \
                silently drops an unknown widget name, so the mistake only shows as something missing on the \
                page.
                """,
            example: "---\nsidebar: center\nwidgets: [search, recnet]\n---\n",
            useInstead: "---\nsidebar: right\nwidgets: [search, recent]\n---\n"),
        triggering: [
            RuleExample("---\nsidebar: ↓center\n---\n", configuration: configuration),
            RuleExample("---\nsidebar: ↓\"false\"\n---\n", configuration: configuration),
            RuleExample("---\nwidgets:\n  - search\n  - ↓\"recnet\"\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\nsidebar: \"right\"\nwidgets: [search, taglist]\n---\n", configuration: configuration),
            RuleExample("---\nsidebar: false\n---\n", configuration: configuration),
        ])

    public init() {}
}
