/// `heading-trailing-punctuation`: a heading is a title, not a sentence.
public struct HeadingTrailingPunctuationRule: Rule {
    static let defaultPunctuation = ".,;:!。，；：！"

    public static let description = RuleDescription(
        id: "heading-trailing-punctuation",
        summary: "Headings must not end with punctuation (question marks are fine)",
        defaultSeverity: .warning,
        tags: ["headings"],
        doc: RuleDoc(
            whatItChecks: """
                Headings whose text ends with one of the characters of `punctuation` (by default \
                `.,;:!` and their full-width forms `。，；：！`). Question marks (`?`, `？`) are not in the \
                default set: headings ask questions. A heading ending in an HTML entity such as `&amp;` is \
                not reported for its `;`.
                """,
            whyItMatters: """
                A heading is a title, not a sentence: a trailing colon or full stop is usually a paragraph \
                that was turned into a heading, and it shows up in the table of contents and in anchors.
                """,
            example: "## Installation:\n\n阿里靠什么吸引了苹果！\n-----------\n",
            useInstead: "## Installation\n\n阿里靠什么吸引了苹果？\n-----------\n"),
        options: [
            RuleOptionDescription("punctuation", "The characters a heading must not end with.",
                                  default: "\".,;:!。，；：！\""),
        ],
        triggering: [
            RuleExample("↓## Summary:\n"),
            RuleExample("## Fine\n\n↓阿里靠什么吸引了苹果！\n-----------\n"),
            RuleExample("↓### Done. ###\n"),
            RuleExample("↓## Why?\n", configuration: "rules:\n  heading-trailing-punctuation: {punctuation: \"?？\"}\n"),
        ],
        nonTriggering: [
            RuleExample("阿里靠什么吸引了苹果？\n-----------\n"),
            RuleExample("## What is frontlint?\n\n## Version 1.0\n"),
            RuleExample("## Fish &amp; chips: R&amp;\n"),
            RuleExample("## Summary:\n", configuration: "rules:\n  heading-trailing-punctuation: {punctuation: \"。\"}\n"),
        ])

    let punctuation: Set<Character>
    /// The punctuation as scalars when each one is a plain scalar (as by default), so that a heading ending
    /// in a plain scalar is checked by comparing scalars; nil otherwise.
    let plainPunctuation: [Unicode.Scalar]?

    public init(options: RuleOptions) throws(ConfigurationError) {
        punctuation = Set(try options.string("punctuation", default: Self.defaultPunctuation))
        let scalars = punctuation.compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil }
        plainPunctuation = scalars.count == punctuation.count && scalars.allSatisfy(\.isPlain) ? scalars : nil
    }

    public func check(_ file: LintContext) -> [Finding] {
        // By index through a buffer, reading each heading in place: `for heading in file.headings` would copy
        // each.
        file.withHeadings { headings in
            var findings: [Finding] = []
            for index in headings.indices {
                guard let last = trailingPunctuation(of: headings, index) else { continue }
                findings.append(Finding("heading ends with `\(last)`; expected no trailing punctuation",
                                        help: "remove the trailing `\(last)`", at: file.range(of: headings[index])))
            }
            return findings
        }
    }

    /// `trailingPunctuation(headings[index])`, reading the heading in place for the usual test of its last
    /// scalar: passed whole to a function, the heading would be copied first.
    func trailingPunctuation(of headings: UnsafeBufferPointer<Heading>, _ index: Int) -> Character? {
        if let plainPunctuation, let last = headings[index].withTextBytes(Self.plainLastScalar), last != ";" {
            return plainPunctuation.contains(last) ? Character(last) : nil
        }
        return trailingPunctuation(headings[index])
    }

    /// The character of `punctuation` the text ends with, if any.
    func trailingPunctuation(_ heading: Heading) -> Character? {
        // Most headings end in a plain scalar, which then is the last Character: comparing scalars is enough,
        // unless it is a `;` that may end an entity.
        if let plainPunctuation, let last = heading.withTextBytes(Self.plainLastScalar), last != ";" {
            return plainPunctuation.contains(last) ? Character(last) : nil
        }
        let trimmed = heading.text.reversed().drop(while: \.isWhitespace).reversed()
        guard let last = trimmed.last, punctuation.contains(last), !Self.endsWithEntity(trimmed) else { return nil }
        return last
    }

    /// The text's last scalar when it is plain and so is the scalar before it, or that one is ASCII: then
    /// it is a Character by itself, and not whitespace.
    static func plainLastScalar(_ text: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard !text.isEmpty else { return nil }
        let lastStart = text.scalarStart(before: text.count)
        let last = text.scalar(at: lastStart)
        guard last.isPlain else { return nil }
        if lastStart > 0 {
            let previous = text.scalar(at: text.scalarStart(before: lastStart))
            guard previous.isASCII || previous.isPlain else { return nil }
        }
        return last
    }

    /// Whether the text ends with an HTML entity or character reference (`&amp;`, `&#123;`, `&#x1F600;`).
    static func endsWithEntity(_ text: some BidirectionalCollection<Character>) -> Bool {
        guard text.last == ";" else { return false }
        let name = text.dropLast().reversed().prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "#") }
        guard !name.isEmpty, name.count <= 32 else { return false }
        return text.dropLast(name.count + 1).last == "&"
    }
}
