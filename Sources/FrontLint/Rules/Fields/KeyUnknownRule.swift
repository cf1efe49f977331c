/// `key-unknown`: keys the schema does not define.
public struct KeyUnknownRule: SimpleRule, SchemaReporting {
    static let configuration = """
        fields:
          authorbox: {type: boolean}
          thumbnail:
            type: object
            properties: {src: {type: string}}
            additionalProperties: false
        """

    public static let description = RuleDescription(
        id: "key-unknown",
        summary: "Keys must be fields the schema defines (with a did-you-mean for misspellings)",
        defaultSeverity: .warning,
        // Off unless `unknown-keys:` (or `rules:`) turns it on: a site that describes a few fields is not
        // necessarily describing all of them. The hugo, mainroad and jekyll presets turn it on.
        enabledByDefault: false,
        tags: ["fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                Top-level keys that are not a field of the configuration, one of its `aliases`, or any \
                capitalisation of them (Hugo compares keys case-insensitively), and keys of nested mappings \
                whose schema says `additionalProperties: false`. A close match is suggested (`autorbox` → \
                `authorbox`). Only runs when the configuration defines fields; `unknown-keys: off | warning | \
                error` in the configuration sets its level; it is off until a configuration (or a preset such as `hugo`) \
                sets `unknown-keys`.
                """,
            whyItMatters: """
                Hugo keeps a misspelt key silently as a custom parameter: `autorbox: false` leaves the author \
                box on, and nothing says why.
                """,
            example: "---\nautorbox: false\n---\n",
            useInstead: "---\nauthorbox: false\n---\n"),
        triggering: [
            RuleExample("---\n↓autorbox: false\n---\n", configuration: configuration),
            RuleExample("---\nthumbnail:\n  ↓scr: a.png\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\nAuthorBox: false\nthumbnail: {src: a.png}\n---\n", configuration: configuration),
            RuleExample("---\nanything: 1\n---\n"),
        ])

    public init() {}
}
