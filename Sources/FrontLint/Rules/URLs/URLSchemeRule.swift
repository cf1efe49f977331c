/// `url-scheme`: URLs must use a scheme the field allows (http and https unless `schemes:` says otherwise).
public struct URLSchemeRule: SimpleRule, SchemaReporting {
    static let configuration = """
        fields:
          thumbnail: {type: string, format: uri-reference}
          contact: {type: string, format: uri, schemes: [https, mailto]}
        """

    public static let description = RuleDescription(
        id: "url-scheme",
        summary: "URLs must use a scheme the field allows (default http, https); catches `htps://` and `https//`",
        tags: ["urls", "fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                The scheme of `uri` and `uri-reference` values: it must be one of the field's `schemes` \
                (default `http` and `https`). Misspellings of `http`/`https` (`htps://`, `htttp://`), a \
                missing colon (`https//…`, which is read as a relative path) and a wrong number of slashes are \
                reported as such, even where the text is otherwise a valid relative reference.
                """,
            whyItMatters: """
                `htps://img.example.com/a.jpg` is a syntactically valid URL with an unknown scheme, and \
                `https//img…` a relative path on your own site: both make broken images that no syntax check \
                catches. `javascript:` URLs in front matter are a script injection waiting for a careless theme.
                """,
            example: "---\nthumbnail: \"htps://img.example.com/a.jpg\"\n---\n",
            useInstead: "---\nthumbnail: \"https://img.example.com/a.jpg\"\n---\n"),
        triggering: [
            RuleExample("---\nthumbnail: ↓\"htps://img.example.com/a.jpg\"\n---\n", configuration: configuration),
            RuleExample("---\nthumbnail: ↓javascript:alert(1)\n---\n", configuration: configuration),
            RuleExample("---\nthumbnail: ↓https//img.example.com/a.jpg\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\nthumbnail: https://img.example.com/a.jpg\n---\n", configuration: configuration),
            RuleExample("---\ncontact: mailto:someone@example.com\n---\n", configuration: configuration),
        ])

    public init() {}
}
