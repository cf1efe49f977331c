/// `heading-title-h1`: the page has one level-1 heading, and when the front matter has a title, that is it.
public struct HeadingTitleH1Rule: Rule {
    public static let description = RuleDescription(
        id: "heading-title-h1",
        summary: "No level-1 heading in the body when the front matter has a title; otherwise at most one",
        defaultSeverity: .warning,
        tags: ["headings"],
        doc: RuleDoc(
            whatItChecks: """
                Level-1 headings (`# …` or text underlined with `===`) in the body. When the front matter has \
                a non-empty title (key `title`, any capitalisation, or the key set by `title-key`), every \
                level-1 heading in the body is reported. Without a title, the second and later ones are. When \
                the front matter cannot be read (TOML, JSON, a YAML error), only the second rule applies.
                """,
            whyItMatters: """
                Hugo and Jekyll themes render the front matter's title as the page's `<h1>`. A `#` heading in \
                the body makes a second one: the outline has two roots, and search engines and screen \
                readers see two competing page titles.
                """,
            example: "---\ntitle: Apple and Alibaba\n---\n\n# Apple and Alibaba\n\nText.\n\n## Why Alibaba?\n",
            useInstead: "---\ntitle: Apple and Alibaba\n---\n\nText.\n\n## Why Alibaba?\n"),
        options: [titleKeyOption],
        triggering: [
            RuleExample("---\ntitle: Hello\n---\n\n↓# Hello\n\nText.\n"),
            RuleExample("---\ntitle: Hello\n---\n\n↓Hello\n=====\n\n## Section\n"),
            RuleExample("# One\n\n## Section\n\n↓# Two\n"),
            RuleExample("---\nname: Hello\n---\n\n↓# Hello\n", configuration: "rules:\n  heading-title-h1: {title-key: name}\n"),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: Hello\n---\n\n## Section\n\n### Sub\n"),
            RuleExample("# The only level-1 heading\n\n## Section\n"),
            RuleExample("---\ntitle: Hello\n---\n\n```md\n# not a heading\n```\n\n    # nor this\n"),
            RuleExample("---\ntitle: \"\"\n---\n\n# An empty title leaves the H1 to the body\n"),
        ])

    let titleKey: String

    public init(options: RuleOptions) throws(ConfigurationError) {
        titleKey = try options.string("title-key", default: "title")
    }

    public func check(_ file: LintContext) -> [Finding] {
        let headings = file.headings
        // Most pages have no level-1 heading: look for one in place before gathering them.
        guard headings.contains(where: { $0.level == 1 }) else { return [] }
        let topLevel = headings.filter { $0.level == 1 }
        let first = topLevel[0]
        if case .present(let key, let line) = PageTitle.of(file, key: titleKey) {
            return topLevel.map { heading in
                Finding("level-1 heading in the body, but the front matter's `\(key)` (line \(line)) is already the page's level-1 heading; expected level 2 or deeper",
                        help: "make it a level-2 heading (`## …`), or remove it if it repeats the title",
                        at: file.range(of: heading))
            }
        }
        return topLevel.dropFirst().map { heading in
            Finding("a second level-1 heading; the page's level-1 heading is already on line \(first.line)",
                    help: "make it a level-2 heading (`## …`); a page has one level-1 heading",
                    at: file.range(of: heading))
        }
    }
}
