/// Finds front matter whose closing `---` line is missing but which seems closed, because a `---` further
/// down the body (a thematic break, a setext underline) closes it instead. Hugo then reads the body's
/// first paragraphs as YAML and fails with a syntax error far from the real mistake.
///
/// The block is judged runaway when its YAML fails to parse, and it holds a blank line such that the YAML
/// before it parses cleanly while the first line after it does not look like YAML at all (no `key:`, no
/// `- ` item, no indentation, no comment): that line is where the body really starts.
enum RunawayFrontMatter {
    /// The 1-based line where the body apparently starts, or nil when the block looks like front matter
    /// with a YAML mistake in it.
    static func bodyStart(in source: SourceFile, frontMatter fm: FrontMatter, loader: YAMLLoader) -> Int? {
        let bytes = source.bytes
        var line = fm.contentLine
        let lastLine = source.line(containing: max(fm.content.lowerBound, fm.content.upperBound - 1))
        while line < lastLine {
            let range = source.lineContentRange(line)
            if isBlank(bytes, range) {
                var next = line + 1
                while next <= lastLine && isBlank(bytes, source.lineContentRange(next)) { next += 1 }
                guard next <= lastLine else { return nil }
                if !looksLikeYAML(bytes, source.lineContentRange(next)) {
                    let prefix = fm.content.lowerBound..<source.lineStarts[line - 1]
                    let document = loader.load(source, range: prefix)
                    return document.problems.isEmpty ? next : nil
                }
                line = next
                continue
            }
            line += 1
        }
        return nil
    }

    static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Whether a line could continue a YAML mapping: indented, a list item, a comment, a document marker,
    /// or a plain key followed by `:` and a space or the end of the line.
    static func looksLikeYAML(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard let first = range.first.map({ bytes[$0] }) else { return true }
        switch first {
        case 0x20, 0x09, UInt8(ascii: "-"), UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: "["),
             UInt8(ascii: "{"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "&"), UInt8(ascii: "!"):
            return true
        default:
            break
        }
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] == UInt8(ascii: ":") {
                return i + 1 == range.upperBound || bytes[i + 1] == 0x20 || bytes[i + 1] == 0x09
            }
            i += 1
        }
        return false
    }
}
