/// `heading-duplicate`: two headings under the same parent must not have the same text.
public struct HeadingDuplicateRule: Rule {
    public static let description = RuleDescription(
        id: "heading-duplicate",
        summary: "Headings under the same parent must have different text",
        defaultSeverity: .warning,
        tags: ["headings"],
        doc: RuleDoc(
            whatItChecks: """
                Headings whose text is the same as an earlier heading's under the same parent heading (the \
                nearest heading before it with a lower level; headings before any such heading share the \
                page as parent). Text is compared as written, with runs of spaces and line breaks counted as \
                one space. With `scope: document`, a heading is reported when any earlier heading has its \
                text. Empty headings are left to `heading-empty`.
                """,
            whyItMatters: """
                Two sections with one name are ambiguous in the table of contents, and Hugo gives them the \
                anchors `#notes` and `#notes-1`: links and bookmarks to the second go to the first.
                """,
            example: "## Install\n\n### Linux\n\n### macOS\n\n### Linux\n",
            useInstead: "## Install\n\n### Linux\n\n### macOS\n\n### Linux on ARM\n"),
        options: [
            RuleOptionDescription(
                "scope", "`siblings`: only headings under the same parent heading; `document`: anywhere on the page.",
                default: "siblings"),
        ],
        triggering: [
            RuleExample("## Install\n\n### Linux\n\n### macOS\n\n↓### Linux\n"),
            RuleExample("## Notes\n\nText.\n\n↓Notes\n-----\n"),
            RuleExample("## Install\n\n### Notes\n\n## Usage\n\n↓### Notes\n",
                        configuration: "rules:\n  heading-duplicate: {scope: document}\n"),
        ],
        nonTriggering: [
            RuleExample("## Install\n\n### Notes\n\n## Usage\n\n### Notes\n"),
            RuleExample("## Linux\n\n## linux on ARM\n\n## macOS\n"),
            RuleExample("## Intro\n\n```md\n## Intro\n```\n"),
        ])

    let wholeDocument: Bool

    public init(options: RuleOptions) throws(ConfigurationError) {
        wholeDocument = try options.choice("scope", of: ["siblings", "document"], default: "siblings") == "document"
    }

    private struct Key: Hashable {
        var parent: Int
        var text: [UInt8]

        func hash(into hasher: inout Hasher) {
            hasher.combine(parent)
            text.withUnsafeBytes { hasher.combine(bytes: $0) }  // all at once, not byte by byte
        }
    }

    public func check(_ file: LintContext) -> [Finding] {
        let headings = file.headings
        guard headings.count > 1 else { return [] }
        var findings: [Finding] = []
        var seen: [Key: Int] = [:]
        // Indices of the open headings, each of a lower level than the next: the last is the parent.
        var ancestors: [Int] = []
        for (index, heading) in headings.enumerated() {
            while let last = ancestors.last, headings[last].level >= heading.level { ancestors.removeLast() }
            let parent = ancestors.last ?? -1
            ancestors.append(index)
            let text = Self.collapsingWhitespace(heading.text)
            guard !text.isEmpty else { continue }
            let key = Key(parent: wholeDocument ? -1 : parent, text: text)
            guard let earlier = seen[key] else {
                seen[key] = index
                continue
            }
            let firstLine = headings[earlier].line
            let under: String
            if wholeDocument {
                under = ""
            } else if parent >= 0 {
                under = " under the same heading (line \(headings[parent].line))"
            } else {
                under = " at the top of the outline"
            }
            findings.append(Finding(
                "heading \(heading.quotedText) repeats the heading on line \(firstLine)\(under); expected a distinct name",
                help: "rename one of them: both get the same anchor, and links to the second go to the first",
                at: file.range(of: heading)))
        }
        return findings
    }

    /// The text with runs of ASCII whitespace made one space and the ends trimmed, on bytes: splitting
    /// into `Character`s would cost a grapheme-breaking pass over every CJK heading.
    static func collapsingWhitespace(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(byte)
            }
        }
        return out
    }
}
