/// What the block scanner reports about a Markdown body.
public struct BodyOutline: Sendable, Equatable {
    /// The body's headings, in order.
    public var headings: [Heading]
    /// Byte ranges of the HTML comments that open an HTML block (kind 2: a line starting with `<!--`), from
    /// `<!--` to the end of the first `-->` after it, or to the end of the block's last line when the comment
    /// is never closed. Where suppression comments live.
    public var htmlComments: [Range<Int>]

    public init(headings: [Heading] = [], htmlComments: [Range<Int>] = []) {
        self.headings = headings
        self.htmlComments = htmlComments
    }
}

/// Reads the block structure of a Markdown body as CommonMark 0.31.2 does, to find its headings.
///
/// One pass over the bytes, in time linear in the body's size however the input is nested: open containers
/// live on an explicit stack, and nothing is rescanned when a line is added.
public enum BlockScanner {
    /// Headings of the Markdown body `source.bytes[body]`, whose first line is file line `firstLine`.
    /// Lines and byte ranges in the result are positions in the whole file.
    public static func headings(in source: SourceFile, body: Range<Int>, firstLine: Int) -> [Heading] {
        scan(in: source, body: body, firstLine: firstLine).headings
    }

    /// Headings and line-starting HTML comments of the body `source.bytes[body]`, whose first line is file
    /// line `firstLine`.
    public static func scan(in source: SourceFile, body: Range<Int>, firstLine: Int) -> BodyOutline {
        scan(in: source, body: body, firstLine: firstLine, isValidUTF8: TextEncoding.problem(in: source.bytes) == nil)
    }

    /// The same, for a file whose encoding has been checked: `isValidUTF8` when `TextEncoding` found no
    /// problem in it.
    static func scan(in source: SourceFile, body: Range<Int>, firstLine: Int, isValidUTF8: Bool) -> BodyOutline {
        let upper = min(body.upperBound, source.bytes.count)
        var lower = max(0, min(body.lowerBound, upper))
        if lower == 0 && source.hasByteOrderMark { lower = min(3, upper) }
        return source.bytes.withUnsafeBufferPointer { bytes in
            var parser = BlockParser(bytes: bytes, validUTF8File: isValidUTF8 ? source.bytes : nil)
            parser.parse(lower..<upper, firstLine: firstLine, lineStarts: source.lineStarts)
            return BodyOutline(headings: parser.headings, htmlComments: parser.htmlComments)
        }
    }
}
