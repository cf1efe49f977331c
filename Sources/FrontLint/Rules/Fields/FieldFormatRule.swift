/// `field-format`: values of `format: email` and `format: bcp47` fields must be well-formed.
public struct FieldFormatRule: SimpleRule, SchemaReporting {
    static let configuration = """
        fields:
          lang: {type: string, format: bcp47}
          contact: {type: string, format: email}
        """

    public static let description = RuleDescription(
        id: "field-format",
        summary: "Values must follow their field's `format` (email, bcp47); dates and URLs have their own rules",
        tags: ["fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                That a value of a field with `format: email` is an email address and one with `format: bcp47` \
                a language tag such as `en`, `zh-CN` or `pt-BR`. The date formats are checked by `date-format` \
                and the URL formats by `url-invalid` and `url-scheme`.
                """,
            whyItMatters: """
                A language tag written `zh_CN` does not match the site's `zh-cn` language and the page lands in \
                no translation set; a malformed address makes a dead `mailto:` link.
                """,
            example: "---\nlang: zh_CN\n---\n",
            useInstead: "---\nlang: zh-CN\n---\n"),
        triggering: [
            RuleExample("---\nlang: ↓zh_CN\n---\n", configuration: configuration),
            RuleExample("---\ncontact: ↓someone@\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\nlang: zh-CN\n---\n", configuration: configuration),
            RuleExample("---\ncontact: someone@example.com\n---\n", configuration: configuration),
        ])

    public init() {}
}
