import Glibc

/// A `frontlint-disable…` or `frontlint-enable…` comment, as written.
struct SuppressionDirective: Sendable {
    enum Kind: String, Sendable {
        case disableLine = "disable-line"
        case disableNextLine = "disable-next-line"
        case disableFile = "disable-file"
        case disable
        case enable
    }

    /// A rule id or tag named by a directive, with where it is written (for reporting an unknown one).
    struct Name: Sendable {
        var text: String
        var range: SourceRange
    }

    var kind: Kind
    /// Empty means every rule.
    var names: [Name]
    /// The whole comment, from `#` or `<!--` to its end.
    var range: SourceRange
    /// The line the directive is about: its own for `disable-line`, the next one for `disable-next-line`,
    /// where it is written for `disable` and `enable`.
    var line: Int
}

/// A comment that starts with `frontlint-disable` or `frontlint-enable` but is not a directive frontlint
/// knows in that place (a typo, or a body-only directive in the front matter).
struct MalformedSuppression: Sendable {
    var keyword: String
    var range: SourceRange
    var expected: [SuppressionDirective.Kind]
}

/// Finds suppression comments by scanning bytes: YAML (and TOML) comments in the front matter, and HTML
/// comments that start a line in the body. Linear in the size of the file.
enum SuppressionScanner {
    static let frontMatterKinds: [SuppressionDirective.Kind] = [.disableLine, .disableNextLine, .disableFile]
    static let bodyKinds: [SuppressionDirective.Kind] = [.disable, .enable, .disableNextLine, .disableFile]

    struct Result {
        var directives: [SuppressionDirective] = []
        var malformed: [MalformedSuppression] = []
    }

    /// `bodyComments` gives the HTML comments that open a block in the body, as the CommonMark scanner
    /// found them (so a comment inside fenced code, a list or a block quote is read as CommonMark reads it);
    /// it is asked only when the file mentions frontlint at all.
    static func scan(_ source: SourceFile, split: SplitDocument, bodyComments: () -> [Range<Int>]) -> Result {
        var result = Result()
        guard mentionsFrontlint(source.bytes) else { return result }
        if let fm = split.frontMatter, fm.format != .json {
            for comment in yamlComments(source, in: fm.content) {
                parse(comment, in: source, kinds: frontMatterKinds, into: &result)
            }
        }
        for comment in htmlComments(source, bodyComments()) {
            parse(comment, in: source, kinds: bodyKinds, into: &result)
        }
        return result
    }

    /// A comment found by a scanner: the whole comment and the bytes of its text.
    struct Comment {
        var whole: Range<Int>
        var text: Range<Int>
    }

    /// Quick rejection: most files never mention frontlint.
    static func mentionsFrontlint(_ bytes: [UInt8]) -> Bool {
        // memchr finds each candidate `f` at memory speed; only those are compared.
        let needle: StaticString = "frontlint-"
        let length = needle.utf8CodeUnitCount
        return bytes.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress, haystack.count >= length else { return false }
            var offset = 0
            while offset + length <= haystack.count {
                guard let hit = memchr(base + offset, Int32(UInt8(ascii: "f")), haystack.count - offset - length + 1) else {
                    return false
                }
                let at = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self)
                if memcmp(at, needle.utf8Start, length) == 0 { return true }
                offset = at - base + 1
            }
            return false
        }
    }

    /// YAML comments in the front matter, line by line: `#` starts a comment at the start of a line or
    /// after a space or tab, outside quotes. A quote opens a quoted scalar only where a scalar can start
    /// (line start, after a space, `[`, `{` or `,`), so the apostrophe in `it's` does not. Quotes are
    /// followed within one line only: a multi-line quoted scalar is rare in front matter, and an
    /// unclosed quote then cannot hide every later comment.
    static func yamlComments(_ source: SourceFile, in content: Range<Int>) -> [Comment] {
        let bytes = source.bytes
        var comments: [Comment] = []
        var i = content.lowerBound
        // Inside a block scalar (`key: |` or `>`), `#` is text: the indentation of the line that opened it,
        // while its more-indented (or blank) lines follow.
        var blockScalarIndent: Int?
        while i < content.upperBound {
            let lineStart = i
            var indent = 0
            while lineStart + indent < content.upperBound && bytes[lineStart + indent] == 0x20 { indent += 1 }
            let first = lineStart + indent < content.upperBound ? bytes[lineStart + indent] : 0x0A
            let isBlank = first == 0x0A || first == 0x0D
            if let opener = blockScalarIndent, isBlank || indent > opener {
                while i < content.upperBound && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
                while i < content.upperBound && (bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 }
                continue
            }
            blockScalarIndent = nil
            var quote: UInt8 = 0
            var previous: UInt8 = 0x0A
            var contentEnd = lineStart  // end of the line's text before any comment
            lineLoop: while i < content.upperBound {
                let b = bytes[i]
                if b == 0x0A || b == 0x0D { break }
                if quote == UInt8(ascii: "'") {
                    if b == quote {
                        if i + 1 < content.upperBound && bytes[i + 1] == quote { i += 1 } else { quote = 0 }
                    }
                } else if quote == UInt8(ascii: "\"") {
                    if b == UInt8(ascii: "\\") { i += 1 } else if b == quote { quote = 0 }
                } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                    if [0x0A, 0x20, 0x09, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ",")].contains(previous) { quote = b }
                } else if b == UInt8(ascii: "#") && (previous == 0x0A || previous == 0x20 || previous == 0x09) {
                    let start = i
                    while i < content.upperBound && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
                    comments.append(Comment(whole: start..<trimmedEnd(bytes, start, i), text: (start + 1)..<i))
                    break lineLoop
                }
                previous = b
                i += 1
                contentEnd = i
            }
            if quote == 0, opensBlockScalar(bytes, lineStart..<contentEnd) { blockScalarIndent = indent }
            while i < content.upperBound && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
            while i < content.upperBound && (bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 }
        }
        return comments
    }

    /// Whether a line ends with a block scalar header: `|` or `>`, then chomping and indentation indicators
    /// (`|-`, `>+2`), after a space, `:` or `-`.
    static func opensBlockScalar(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        var end = line.upperBound
        while end > line.lowerBound && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        var j = end
        while j > line.lowerBound, bytes[j - 1] == UInt8(ascii: "+") || bytes[j - 1] == UInt8(ascii: "-")
                || (bytes[j - 1] >= UInt8(ascii: "1") && bytes[j - 1] <= UInt8(ascii: "9")) {
            j -= 1
        }
        guard j > line.lowerBound, end - j <= 2, bytes[j - 1] == UInt8(ascii: "|") || bytes[j - 1] == UInt8(ascii: ">") else {
            return false
        }
        let before = j - 1
        return before == line.lowerBound || bytes[before - 1] == 0x20 || bytes[before - 1] == 0x09
    }

    /// HTML comments (`<!--` … `-->`) that start a line of the body, after at most three spaces, outside
    /// fenced code blocks. A stand-in until the Markdown scanner reports HTML blocks: replace this function
    /// with one that reads them from there.
    /// The closed comments among the scanner's, with the bytes between `<!--` and `-->`.
    static func htmlComments(_ source: SourceFile, _ ranges: [Range<Int>]) -> [Comment] {
        let bytes = source.bytes
        return ranges.compactMap { range in
            guard range.count >= 7, bytes[range.upperBound - 3..<range.upperBound].elementsEqual("-->".utf8) else { return nil }
            return Comment(whole: range, text: (range.lowerBound + 4)..<(range.upperBound - 3))
        }
    }


    private static func trimmedEnd(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start && (bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09) { e -= 1 }
        return e
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }

    /// Reads `frontlint-KIND [NAME[, NAME]…] [-- reason]` from a comment's text.
    static func parse(_ comment: Comment, in source: SourceFile, kinds: [SuppressionDirective.Kind], into result: inout Result) {
        let bytes = source.bytes
        var i = comment.text.lowerBound
        let end = comment.text.upperBound
        func skipSpace() { while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 } }
        skipSpace()
        let prefix = Array("frontlint-".utf8)
        guard bytes[i..<end].starts(with: prefix) else { return }
        let keywordStart = i + prefix.count
        i = keywordStart
        while i < end && isNameByte(bytes[i]) { i += 1 }
        let keyword = source.text(keywordStart..<i)
        guard keyword.hasPrefix("disable") || keyword.hasPrefix("enable") else { return }  // e.g. frontlint-expect
        guard let kind = SuppressionDirective.Kind(rawValue: keyword), kinds.contains(kind) else {
            result.malformed.append(MalformedSuppression(keyword: "frontlint-" + keyword,
                                                         range: source.range(comment.whole), expected: kinds))
            return
        }
        var names: [SuppressionDirective.Name] = []
        while true {
            while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == UInt8(ascii: ",")) { i += 1 }
            guard i < end else { break }
            let start = i
            while i < end && !(bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == UInt8(ascii: ",")) { i += 1 }
            let name = source.text(start..<i)
            if name.hasPrefix("--") { break }  // the rest is the reason
            names.append(SuppressionDirective.Name(text: name, range: source.range(start..<i)))
        }
        let range = source.range(comment.whole)
        let line: Int
        switch kind {
        case .disableLine, .disable, .enable, .disableFile: line = range.start.line
        case .disableNextLine: line = range.end.line + 1
        }
        result.directives.append(SuppressionDirective(kind: kind, names: names, range: range, line: line))
    }
}
