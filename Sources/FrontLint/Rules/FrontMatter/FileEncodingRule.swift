/// `file-encoding`: Markdown files must be UTF-8 text.
public struct FileEncodingRule: SimpleRule {
    public static let description = RuleDescription(
        id: "file-encoding",
        summary: "A Markdown file must be UTF-8 text, without NUL bytes",
        tags: ["files"],
        doc: RuleDoc(
            whatItChecks: """
                That the file is UTF-8: it reports UTF-16 and UTF-32 files (with or without a byte order \
                mark; nothing else is checked in them), the first byte sequence that is not valid UTF-8 \
                (including overlong forms and encoded surrogates), and the first NUL byte, each at its exact \
                position.
                """,
            whyItMatters: """
                Hugo and Jekyll read UTF-8. A file saved as UTF-16 by an editor on Windows has no front \
                matter as far as they can tell, and invalid bytes show up as replacement characters on the \
                page, or stop the YAML parser.
                """,
            example: "A file saved as \"Unicode\" (UTF-16) by an old Windows editor.",
            useInstead: "Save the file as UTF-8 (without a byte order mark)."),
        triggering: [
            RuleExample("---\ntitle: caf\u{FFFD}\n---\n↓\u{0}\n"),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: café 中文 🙂\n---\n"),
        ])

    public init() {}

    public func check(_ file: LintContext) -> [Finding] {
        guard let problem = file.encodingProblem else { return [] }
        let source = file.source
        switch problem {
        case .wideEncoding(let name, let hasBOM):
            return [Finding("the file is \(name)\(hasBOM ? " (it starts with a byte order mark)" : ""), not UTF-8; frontlint does not check it",
                            help: "save it as UTF-8: Hugo and Jekyll read front matter as UTF-8",
                            at: SourceRange(at: Position(line: 1, column: 1, offset: 0)))]
        case .invalidUTF8(let offset):
            let byte = source.bytes[offset]
            let hex = String(byte, radix: 16, uppercase: true)
            return [Finding("byte 0x\(hex.count == 1 ? "0" + hex : hex) does not start a valid UTF-8 character",
                            help: "the file is not UTF-8 here (perhaps Latin-1 or Windows-1252 text); save it as UTF-8",
                            at: source.range(offset..<offset + 1))]
        case .nulByte(let offset):
            return [Finding("NUL byte in the file: a text file never contains one",
                            help: "this looks like a binary file or a broken save; remove the NUL bytes",
                            at: source.range(offset..<offset + 1))]
        }
    }
}
