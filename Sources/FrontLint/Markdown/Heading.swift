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
    /// Byte range in the file of the whole heading's first line from its marker (or first text character)
    /// to the end of its content; where diagnostics point.
    public var range: Range<Int>
    /// Whether an ATX heading has a closing sequence (`## Title ##`).
    public var hasClosingSequence: Bool
    /// Byte range in the file of the heading's content as written: for ATX, between the opening and closing
    /// sequences without surrounding spaces; for setext, from the first text character to the end of the
    /// last text line (before the underline).
    public var contentRange: Range<Int>

    /// The text's UTF-8 bytes are `textBytes[textRange]`. Almost every heading's text is its content as
    /// written (one line, no backslash escape): then `textBytes` is the file's bytes, shared, and no `String`
    /// is made unless one is asked for.
    let textBytes: [UInt8]
    let textRange: Range<Int>

    /// The heading's content: ATX markers, closing sequence and surrounding spaces removed, backslash
    /// escapes resolved; for a multi-line setext heading the lines are joined with `\n`.
    public var text: String { String(decoding: textBytes[textRange], as: UTF8.self) }

    /// Calls `body` with the UTF-8 bytes of `text`, without making a `String` of them.
    @inline(__always)
    func withTextBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        textBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[textRange])) }
    }

    public static func == (lhs: Heading, rhs: Heading) -> Bool {
        lhs.level == rhs.level && lhs.style == rhs.style && lhs.line == rhs.line && lhs.endLine == rhs.endLine
            && lhs.range == rhs.range && lhs.hasClosingSequence == rhs.hasClosingSequence
            && lhs.contentRange == rhs.contentRange && lhs.text == rhs.text
    }
}

// The public initialiser lives in an extension so that the struct keeps its memberwise initialiser, which
// the block parser uses: a value built by it goes into the headings array directly, where one built by an
// explicit `init` is copied and destroyed through the type's value witnesses.
extension Heading {
    public init(level: Int, style: HeadingStyle, line: Int, endLine: Int, text: String, range: Range<Int>,
                hasClosingSequence: Bool = false, contentRange: Range<Int>? = nil) {
        let bytes = Array(text.utf8)
        self.init(level: level, style: style, line: line, endLine: endLine, range: range,
                  hasClosingSequence: hasClosingSequence, contentRange: contentRange ?? range,
                  textBytes: bytes, textRange: 0..<bytes.count)
    }
}
