/// `url-invalid`: `uri` and `uri-reference` values must be well-formed (RFC 3986).
public struct URLInvalidRule: SimpleRule, SchemaReporting {
    static let configuration = """
        fields:
          thumbnail: {type: string, format: uri-reference}
          canonical: {type: string, format: uri}
        """

    public static let description = RuleDescription(
        id: "url-invalid",
        summary: "URLs must be well-formed (RFC 3986): no spaces, a host where one is needed, valid escapes and port",
        tags: ["urls", "fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                Values of fields with `format: uri` (an absolute URL) or `format: uri-reference` (absolute, or \
                relative to the site such as `/img/a.png` or `img/a.png`), checked against RFC 3986: a scheme \
                where one is required, a non-empty host for `http(s)`, no raw spaces or other characters that \
                must be percent-encoded, valid `%XX` escapes and a port in range. Non-ASCII letters are \
                accepted (`https://例子.cn/文章`). A mistyped scheme is `url-scheme`'s business.
                """,
            whyItMatters: """
                Hugo passes the value through unchanged: the browser requests a broken URL and the thumbnail \
                or link silently fails.
                """,
            example: "---\nthumbnail: \"https://img example.com/a.jpg\"\n---\n",
            useInstead: "---\nthumbnail: \"https://img.example.com/a.jpg\"\n---\n"),
        triggering: [
            RuleExample("---\nthumbnail: ↓\"https://img example.com/a.jpg\"\n---\n", configuration: configuration),
            RuleExample("---\ncanonical: ↓/relative/path\n---\n", configuration: configuration),
            RuleExample("---\nthumbnail: ↓\"https://\"\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\nthumbnail: img/cover.jpg\n---\n", configuration: configuration),
            RuleExample("---\ncanonical: https://例子.cn/文章?a=1#top\n---\n", configuration: configuration),
        ])

    public init() {}
}
