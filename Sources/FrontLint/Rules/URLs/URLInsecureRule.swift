/// `url-insecure`: `http://` where the field also allows `https://`.
public struct URLInsecureRule: SimpleRule, SchemaReporting {
    static let configuration = """
        fields:
          thumbnail: {type: string, format: uri-reference}
        """

    public static let description = RuleDescription(
        id: "url-insecure",
        summary: "URLs should use https rather than http",
        defaultSeverity: .warning,
        enabledByDefault: false,
        tags: ["urls", "fields", "front-matter"],
        doc: RuleDoc(
            whatItChecks: "`uri` and `uri-reference` values that use `http` where the field allows `https`.",
            whyItMatters: """
                Browsers block or flag http images and scripts on an https page ("mixed content"), so the \
                thumbnail silently does not show.
                """,
            example: "---\nthumbnail: http://img.example.com/a.jpg\n---\n",
            useInstead: "---\nthumbnail: https://img.example.com/a.jpg\n---\n"),
        triggering: [
            RuleExample("---\nthumbnail: ↓http://img.example.com/a.jpg\n---\n", configuration: configuration),
            RuleExample("---\nthumbnail: ↓HTTP://img.example.com/a.jpg\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\nthumbnail: https://img.example.com/a.jpg\n---\n", configuration: configuration),
            RuleExample("---\nthumbnail: /img/a.jpg\n---\n", configuration: configuration),
        ])

    public init() {}
}
