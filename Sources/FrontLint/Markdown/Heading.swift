/// How a heading is written.
public enum HeadingStyle: String, Sendable, Codable {
    /// `## Title` (possibly with a closing sequence, `## Title ##`).
    case atx
    /// `Title` underlined with `===` (level 1) or `---` (level 2).
    case setext
}

/// A heading found in the body, as CommonMark reads it.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var style: HeadingStyle
    /// 1-based line in the file of the heading (for setext: its first text line).
    public var line: Int
    /// 1-based line where the heading ends (for setext: the underline; for ATX: `line`).
    public var endLine: Int
    /// The heading's content: ATX markers, closing sequence and surrounding spaces removed, backslash
    /// escapes resolved; for a multi-line setext heading the lines are joined with `\n`.
    public var text: String
    /// Byte range in the file of the whole heading's first line from its marker (or first text character)
    /// to the end of its content; where diagnostics point.
    public var range: Range<Int>
    /// Whether an ATX heading has a closing sequence (`## Title ##`).
    public var hasClosingSequence: Bool
    /// Byte range in the file of the heading's content as written: for ATX, between the opening and closing
    /// sequences without surrounding spaces; for setext, from the first text character to the end of the
    /// last text line (before the underline).
    public var contentRange: Range<Int>

    public init(level: Int, style: HeadingStyle, line: Int, endLine: Int, text: String, range: Range<Int>,
                hasClosingSequence: Bool = false, contentRange: Range<Int>? = nil) {
        self.level = level
        self.style = style
        self.line = line
        self.endLine = endLine
        self.text = text
        self.range = range
        self.hasClosingSequence = hasClosingSequence
        self.contentRange = contentRange ?? range
    }
}
