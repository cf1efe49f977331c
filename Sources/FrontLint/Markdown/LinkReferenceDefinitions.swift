/// One line of an open paragraph: its content from the first non-space character to the end of the line
/// (before the line break), and its line number in the file.
struct ParagraphLine {
    var start: Int
    var end: Int
    var line: Int
}

/// Finds the link reference definitions a paragraph starts with (CommonMark 0.31.2, section 4.7). They are
/// not part of a setext heading's text, and a paragraph made only of them cannot become one.
///
/// A definition always ends at the end of a line, so the answer is a line index.
struct LinkReferenceDefinitions {
    let bytes: Bytes
    let lines: UnsafeBufferPointer<ParagraphLine>
    private var li = 0
    private var pos = 0

    init(bytes: Bytes, lines: UnsafeBufferPointer<ParagraphLine>) {
        self.bytes = bytes
        self.lines = lines
    }

    /// The index of the first line, at or after `from` (which must start a definition or the text), that is
    /// not part of a definition; `lines.count` when they all are.
    mutating func firstTextLine(from: Int) -> Int {
        var line = from
        while line < lines.count {
            li = line
            pos = lines[line].start
            guard let next = definition() else { return line }
            line = next
        }
        return line
    }

    private var atLineEnd: Bool { pos >= lines[li].end }
    private var byte: UInt8 { bytes[pos] }

    /// Moves to the start of the next line; false at the end of the paragraph.
    private mutating func nextLine() -> Bool {
        guard li + 1 < lines.count else { return false }
        li += 1
        pos = lines[li].start
        return true
    }

    private mutating func skipSpaces() -> Bool {
        let before = pos
        while !atLineEnd && ASCII.isSpaceOrTab(byte) { pos += 1 }
        return pos > before
    }

    /// Parses one definition starting at the current position; returns the index of the line after it.
    private mutating func definition() -> Int? {
        guard !atLineEnd, byte == ASCII.openBracket else { return nil }
        pos += 1
        guard label() else { return nil }
        guard !atLineEnd, byte == ASCII.colon else { return nil }
        pos += 1
        _ = skipSpaces()
        if atLineEnd {
            guard nextLine() else { return nil }
            _ = skipSpaces()
        }
        guard destination() else { return nil }
        let afterDestination = (li, pos)

        var separated = skipSpaces()
        if atLineEnd {
            guard nextLine() else { return li + 1 }  // the paragraph ends right after the destination
            separated = true
            _ = skipSpaces()
        }
        if separated && !atLineEnd && title() {
            _ = skipSpaces()
            if atLineEnd { return li + 1 }
        }
        // No valid title: the definition may still end after its destination.
        (li, pos) = afterDestination
        _ = skipSpaces()
        return atLineEnd ? li + 1 : nil
    }

    /// A link label after its `[`: up to 999 characters, no unescaped brackets, not only whitespace.
    private mutating func label() -> Bool {
        var count = 0
        var hasContent = false
        while true {
            if atLineEnd {
                guard nextLine() else { return false }
                count += 1
            } else {
                let b = byte
                if b == ASCII.closeBracket {
                    pos += 1
                    return hasContent
                }
                if b == ASCII.openBracket { return false }
                pos += 1
                count += 1
                if b == ASCII.backslash {
                    hasContent = true
                    if !atLineEnd && ASCII.isPunctuation(byte) {
                        pos += 1
                        count += 1
                    }
                } else if !ASCII.isSpaceOrTab(b) {
                    hasContent = true
                }
            }
            if count > 999 { return false }
        }
    }

    /// `<…>` on one line, or a non-empty run without spaces or controls whose parentheses balance.
    private mutating func destination() -> Bool {
        guard !atLineEnd else { return false }
        if byte == ASCII.lessThan {
            pos += 1
            while !atLineEnd {
                let b = byte
                pos += 1
                if b == ASCII.greaterThan { return true }
                if b == ASCII.lessThan { return false }
                if b == ASCII.backslash && !atLineEnd && ASCII.isPunctuation(byte) { pos += 1 }
            }
            return false
        }
        let start = pos
        var depth = 0
        while !atLineEnd {
            let b = byte
            if b <= ASCII.space || b == 0x7F { break }
            if b == ASCII.backslash {
                pos += 1
                if !atLineEnd && ASCII.isPunctuation(byte) { pos += 1 }
                continue
            }
            if b == ASCII.openParen {
                depth += 1
            } else if b == ASCII.closeParen {
                if depth == 0 { break }
                depth -= 1
            }
            pos += 1
        }
        return pos > start && depth == 0
    }

    /// `"…"`, `'…'` or `(…)`, possibly over several lines.
    private mutating func title() -> Bool {
        let open = byte
        let close: UInt8
        switch open {
        case ASCII.doubleQuote, ASCII.singleQuote: close = open
        case ASCII.openParen: close = ASCII.closeParen
        default: return false
        }
        pos += 1
        while true {
            if atLineEnd {
                guard nextLine() else { return false }
                continue
            }
            let b = byte
            pos += 1
            if b == close { return true }
            if open == ASCII.openParen && b == ASCII.openParen { return false }
            if b == ASCII.backslash && !atLineEnd && ASCII.isPunctuation(byte) { pos += 1 }
        }
    }
}
