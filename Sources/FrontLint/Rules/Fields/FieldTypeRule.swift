/// `field-type`: a value must have the type its field declares.
public struct FieldTypeRule: SimpleRule, SchemaReporting {
    static let configuration = """
        fields:
          comments: {type: boolean}
          weight: {type: integer}
          widgets: {type: array, items: {type: string}}
        """

    public static let description = RuleDescription(
        id: "field-type",
        summary: "A value must have the type its field declares (string, boolean, integer, number, list, mapping)",
        tags: ["fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                That each value has the `type` its field declares, with types read the way Hugo's YAML 1.2 \
                decoder reads them: a quoted `"false"` is a string, a plain `false` a boolean, a plain `yes` a \
                string, `5` an integer, `5.0` a whole number (an integer too). A single value where a list is \
                expected (`widgets: search`) is reported, and so is a value that matches none of an `anyOf`'s \
                alternatives. The diagnostic points at the value (or the list item) and suggests the fix. An \
                empty top-level value (`draft:`) counts as unset, as Hugo treats it.
                """,
            whyItMatters: """
                Hugo passes the value on as it was read: a theme that tests `if .Params.comments` sees the \
                string "false", which is not empty, and turns comments on. A string where a list is expected \
                makes `range` fail or iterate over characters.
                """,
            example: "---\ncomments: \"false\"\nwidgets: search\n---\n",
            useInstead: "---\ncomments: false\nwidgets: [search]\n---\n"),
        triggering: [
            RuleExample("---\ncomments: ↓\"false\"\n---\n", configuration: configuration),
            RuleExample("---\nwidgets: ↓search\n---\n", configuration: configuration),
            RuleExample("---\nweight: ↓\"5\"\nwidgets: [search, ↓true]\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\ncomments: false\nweight: 5\n---\n", configuration: configuration),
            RuleExample("---\nwidgets: [search, recent]\n---\n", configuration: configuration),
            RuleExample("---\ncomments:\n---\n", configuration: configuration),
        ])

    public init() {}
}
