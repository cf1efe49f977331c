/// The formats Hugo reads front matter in.
public enum FrontMatterFormat: String, Sendable {
    case yaml = "YAML"
    case toml = "TOML"
    case json = "JSON"
}

/// Where the front matter sits in a file, as byte ranges of the original file.
public struct FrontMatter: Sendable, Equatable {
    public var format: FrontMatterFormat
    /// The opening delimiter line (`---`, `+++`, or `{`), without its line break.
    public var opening: Range<Int>
    /// The bytes between the delimiters: what the YAML parser reads. For JSON, this includes the braces.
    public var content: Range<Int>
    /// The closing delimiter line, without its line break; `nil` when the block is never closed.
    public var closing: Range<Int>?
    /// The 1-based line on which `content` starts.
    public var contentLine: Int

    public var isTerminated: Bool { closing != nil }
}

/// A file split into front matter and body.
public struct SplitDocument: Sendable, Equatable {
    public var frontMatter: FrontMatter?
    /// The Markdown body: everything after the closing delimiter's line (the whole file when there is no
    /// front matter; empty when the front matter is never closed).
    public var body: Range<Int>
    /// The 1-based line on which the body starts.
    public var bodyLine: Int
    /// For front matter that was meant to end earlier but ran on to a `---` in the body: that line. The
    /// front matter is then treated as unterminated and the body starts where it apparently does.
    public var runawayClosingLine: Int?

    /// Whether the front matter block is missing its closing line (or ran past it into the body).
    public var isUnterminated: Bool {
        guard let frontMatter else { return false }
        return !frontMatter.isTerminated || runawayClosingLine != nil
    }
}

/// Splits front matter from the body the way Hugo and Jekyll read it.
///
/// YAML front matter opens with a `---` line as the very first line (after an optional UTF-8 BOM) and closes
/// at the next `---` line; trailing spaces or tabs on either delimiter line are allowed, and lines may end
/// in LF, CRLF or CR. `+++` opens TOML front matter, and `{` at the very start opens JSON front matter.
public enum FrontMatterSplitter {
    public static func split(_ source: SourceFile) -> SplitDocument {
        let bytes = source.bytes
        let firstLine = 1
        let start = source.lineStarts[0]
        let firstRange = source.lineContentRange(firstLine)

        func isDelimiter(_ line: Range<Int>, _ mark: UInt8) -> Bool {
            guard line.count >= 3, bytes[line.lowerBound] == mark,
                  bytes[line.lowerBound + 1] == mark, bytes[line.lowerBound + 2] == mark else { return false }
            var i = line.lowerBound + 3
            while i < line.upperBound {
                if bytes[i] != 0x20 && bytes[i] != 0x09 { return false }
                i += 1
            }
            return true
        }

        let noFrontMatter = SplitDocument(frontMatter: nil, body: start..<bytes.count, bodyLine: 1)
        guard start < bytes.count else { return noFrontMatter }

        let format: FrontMatterFormat
        let mark: UInt8
        if isDelimiter(firstRange, UInt8(ascii: "-")) {
            format = .yaml; mark = UInt8(ascii: "-")
        } else if isDelimiter(firstRange, UInt8(ascii: "+")) {
            format = .toml; mark = UInt8(ascii: "+")
        } else if bytes[start] == UInt8(ascii: "{") {
            format = .json; mark = UInt8(ascii: "}")
        } else {
            return noFrontMatter
        }

        let lineCount = source.lineStarts.count
        // JSON front matter is an object whose first line is the opening brace line itself.
        let contentLine = format == .json ? 1 : 2
        let contentStart = format == .json ? start : (lineCount >= 2 ? source.lineStarts[1] : bytes.count)
        var line = 2
        while line <= lineCount {
            // A closing line starts with the mark; most lines start with another byte, and only the lines that
            // start with it are read whole.
            let lineStart = source.lineStarts[line - 1]
            guard lineStart < bytes.count, bytes[lineStart] == mark else {
                line += 1
                continue
            }
            let r = source.lineContentRange(line)
            let closes: Bool
            if format == .json {
                closes = r.count >= 1 && bytes[r.lowerBound] == mark && bytes[r].dropFirst().allSatisfy { $0 == 0x20 || $0 == 0x09 }
            } else {
                closes = isDelimiter(r, mark)
            }
            if closes {
                let contentEnd = format == .json ? r.upperBound : source.lineStarts[line - 1]
                let bodyStart = line < lineCount ? source.lineStarts[line] : bytes.count
                let fm = FrontMatter(format: format, opening: firstRange,
                                     content: contentStart..<max(contentStart, contentEnd),
                                     closing: r, contentLine: contentLine)
                return SplitDocument(frontMatter: fm, body: bodyStart..<bytes.count, bodyLine: line + 1)
            }
            line += 1
        }
        let fm = FrontMatter(format: format, opening: firstRange, content: contentStart..<bytes.count,
                             closing: nil, contentLine: contentLine)
        return SplitDocument(frontMatter: fm, body: bytes.count..<bytes.count, bodyLine: lineCount + 1)
    }
}
