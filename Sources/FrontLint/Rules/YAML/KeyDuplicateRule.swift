/// `key-duplicate`: a key must appear once in its mapping.
public struct KeyDuplicateRule: SimpleRule {
    public static let description = RuleDescription(
        id: "key-duplicate",
        summary: "A key must not appear twice in the same mapping",
        tags: ["yaml", "front-matter"],
        doc: RuleDoc(
            whatItChecks: """
                Keys that appear more than once in one mapping of the front matter, at any depth. The \
                diagnostic points at the repeated key and names the line of the first.
                """,
            whyItMatters: """
                YAML forbids duplicate keys, but most loaders keep one of the values silently: Hugo fails on \
                some and keeps the last value of others, so half of what was written is lost without a word.
                """,
            example: "---\ntags: [swift]\ntitle: Hello\ntags: [yaml]\n---\n",
            useInstead: "---\ntags: [swift, yaml]\ntitle: Hello\n---\n"),
        triggering: [
            RuleExample("---\ntags: [a]\ntitle: x\n↓tags:\n  - again\n---\n"),
            RuleExample("---\nthumbnail:\n  src: a.png\n  ↓src: b.png\n---\n"),
        ],
        nonTriggering: [
            RuleExample("---\ntags: [a, again]\ntitle: x\n---\n"),
            RuleExample("---\na: {src: x}\nb: {src: y}\n---\n"),
        ])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] {
        guard let document = file.document else { return [] }
        return document.duplicateKeys.map { duplicate in
            let firstLine = document.range(of: duplicate.first).start.line
            return Finding("key `\(duplicate.key)` appears twice in the same mapping; it was first set on line \(firstLine)",
                           help: "keep one `\(duplicate.key)`; YAML loaders silently drop one of the values",
                           at: document.range(of: duplicate.duplicate))
        }
    }
}
