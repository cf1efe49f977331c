/// `field-length`: strings and lists must respect their field's length limits.
public struct FieldLengthRule: SimpleRule, SchemaReporting {
    static let configuration = """
        fields:
          title: {type: string, minLength: 1, maxLength: 10}
          tags: {type: array, maxItems: 2}
        """

    public static let description = RuleDescription(
        id: "field-length",
        summary: "Strings and lists must respect `minLength`/`maxLength` and `minItems`/`maxItems`",
        tags: ["fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                That a string's length is within its field's `minLength` and `maxLength`, counted in Unicode \
                scalars (so `苹果` is 2 characters, not 6 bytes), and that a list has between `minItems` and \
                `maxItems` items. `minLength: 1` is the usual way to forbid an empty title.
                """,
            whyItMatters: """
                An empty title renders as an empty link in lists and feeds; a description longer than search \
                engines show is cut mid-sentence.
                """,
            example: "---\ntitle: \"\"\n---\n",
            useInstead: "---\ntitle: 苹果与阿里\n---\n"),
        triggering: [
            RuleExample("---\ntitle: ↓\"\"\n---\n", configuration: configuration),
            RuleExample("---\ntitle: ↓苹果的中国AI合伙人为什么是阿里\n---\n", configuration: configuration),
            RuleExample("---\ntags: ↓[a, b, c]\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: 苹果与阿里的合作伙伴\n---\n", configuration: configuration),
            RuleExample("---\ntags: [a, b]\n---\n", configuration: configuration),
        ])

    public init() {}
}
