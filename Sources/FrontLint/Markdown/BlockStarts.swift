/// Byte-level recognizers for the line starts CommonMark's block structure depends on.
///
/// Each looks at one line, `bytes[at..<end]` where `at` is the first non-space character and `end` is the end
/// of the line's content (before its line break). None of them allocates.
typealias Bytes = UnsafeBufferPointer<UInt8>

enum BlockStarts {
    /// Whether a line whose first byte is `byte` is text whatever follows, when no container, code block or
    /// HTML block is open: a non-ASCII byte, a letter, or ASCII punctuation that starts no block (`!`, `[`,
    /// `(`, `"`, …). Indentation, `>`, `#`, fences, `<`, setext underlines, thematic breaks and list
    /// markers (`-`, `+`, `*`, digits) start blocks, and control bytes are left to the full line step.
    @inline(__always)
    static func startsText(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x80...: return true
        case UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "<"),
             UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return false
        case 0x21...0x7E: return true
        default: return false
        }
    }

    /// `#` to `######` followed by a space, a tab or the end of the line: the heading's level.
    static func atxLevel(_ bytes: Bytes, at: Int, end: Int) -> Int? {
        var i = at
        while i < end && bytes[i] == ASCII.hash && i - at < 7 { i += 1 }
        let level = i - at
        guard level >= 1 && level <= 6 else { return nil }
        guard i == end || ASCII.isSpaceOrTab(bytes[i]) else { return nil }
        return level
    }

    /// The parts of an ATX heading line after its opening sequence (`afterMarker`).
    struct ATXContent {
        var content: Range<Int>
        /// End of the closing sequence when there is one, else the end of the content.
        var end: Int
        var hasClosingSequence: Bool
    }

    static func atxContent(_ bytes: Bytes, afterMarker: Int, end: Int) -> ATXContent {
        var start = afterMarker
        while start < end && ASCII.isSpaceOrTab(bytes[start]) { start += 1 }
        var trimmedEnd = end
        while trimmedEnd > start && ASCII.isSpaceOrTab(bytes[trimmedEnd - 1]) { trimmedEnd -= 1 }
        var hashes = trimmedEnd
        while hashes > start && bytes[hashes - 1] == ASCII.hash { hashes -= 1 }
        if hashes == trimmedEnd {
            return ATXContent(content: start..<trimmedEnd, end: trimmedEnd, hasClosingSequence: false)
        }
        if hashes == start {
            // Only a closing sequence: the heading is empty.
            return ATXContent(content: start..<start, end: trimmedEnd, hasClosingSequence: true)
        }
        guard ASCII.isSpaceOrTab(bytes[hashes - 1]) else {
            // `foo#` or `foo \#`: the hashes are content.
            return ATXContent(content: start..<trimmedEnd, end: trimmedEnd, hasClosingSequence: false)
        }
        var contentEnd = hashes
        while contentEnd > start && ASCII.isSpaceOrTab(bytes[contentEnd - 1]) { contentEnd -= 1 }
        return ATXContent(content: start..<contentEnd, end: trimmedEnd, hasClosingSequence: true)
    }

    /// An opening code fence: at least three backticks or tildes; a backtick fence's info string may hold
    /// no backtick. Returns the fence character and length.
    static func openingFence(_ bytes: Bytes, at: Int, end: Int) -> (char: UInt8, length: Int)? {
        let c = bytes[at]
        guard c == ASCII.backtick || c == ASCII.tilde else { return nil }
        var i = at
        while i < end && bytes[i] == c { i += 1 }
        let length = i - at
        guard length >= 3 else { return nil }
        if c == ASCII.backtick {
            while i < end {
                if bytes[i] == ASCII.backtick { return nil }
                i += 1
            }
        }
        return (c, length)
    }

    /// A closing fence for a fence of `char` × `length`: at least as long, followed only by spaces and tabs.
    static func isClosingFence(_ bytes: Bytes, at: Int, end: Int, char: UInt8, length: Int) -> Bool {
        var i = at
        while i < end && bytes[i] == char { i += 1 }
        guard i - at >= length else { return false }
        while i < end {
            if !ASCII.isSpaceOrTab(bytes[i]) { return false }
            i += 1
        }
        return true
    }

    /// A setext underline: a run of `=` (level 1) or `-` (level 2) followed only by spaces and tabs.
    static func setextLevel(_ bytes: Bytes, at: Int, end: Int) -> Int? {
        let c = bytes[at]
        guard c == ASCII.equals || c == ASCII.dash else { return nil }
        var i = at
        while i < end && bytes[i] == c { i += 1 }
        while i < end {
            if !ASCII.isSpaceOrTab(bytes[i]) { return nil }
            i += 1
        }
        return c == ASCII.equals ? 1 : 2
    }

    /// A list marker: `-`, `+`, `*`, or 1–9 digits followed by `.` or `)`, then a space, a tab or the end of
    /// the line.
    struct ListMarker {
        var length: Int
        var isOrdered: Bool
        var startsAtOne: Bool
    }

    static func listMarker(_ bytes: Bytes, at: Int, end: Int) -> ListMarker? {
        let c = bytes[at]
        var marker: ListMarker
        if c == ASCII.dash || c == ASCII.plus || c == ASCII.star {
            marker = ListMarker(length: 1, isOrdered: false, startsAtOne: false)
        } else if ASCII.isDigit(c) {
            var i = at
            var value = 0
            while i < end && ASCII.isDigit(bytes[i]) && i - at < 10 {
                value = value * 10 + Int(bytes[i] - ASCII.zero)
                i += 1
            }
            let digits = i - at
            guard digits <= 9, i < end, bytes[i] == ASCII.dot || bytes[i] == ASCII.closeParen else { return nil }
            marker = ListMarker(length: digits + 1, isOrdered: true, startsAtOne: value == 1)
        } else {
            return nil
        }
        let after = at + marker.length
        guard after == end || ASCII.isSpaceOrTab(bytes[after]) else { return nil }
        return marker
    }
}

/// The thematic break a line ends with, found once per line from its end, so that asking "is the rest of the
/// line a thematic break?" at every nesting level of `- - - - x` costs nothing after the first question.
struct ThematicBreakSuffix {
    /// The break character, or 0 when the line does not end in `-`, `_` or `*` (spaces aside).
    var char: UInt8 = 0
    /// Smallest index from which the line holds only `char`, spaces and tabs.
    var from = 0
    /// Index of the third `char` counting from the end of the line, or -1.
    var third = -1

    init(_ bytes: Bytes, start: Int, end: Int) {
        var i = end
        while i > start && ASCII.isSpaceOrTab(bytes[i - 1]) { i -= 1 }
        guard i > start else { return }
        let c = bytes[i - 1]
        guard c == ASCII.dash || c == ASCII.underscore || c == ASCII.star else { return }
        char = c
        var count = 0
        while i > start {
            let b = bytes[i - 1]
            if b == c {
                count += 1
                if count == 3 { third = i - 1 }
            } else if !ASCII.isSpaceOrTab(b) {
                break
            }
            i -= 1
        }
        from = i
    }

    /// Whether `bytes[at..<end]` is a thematic break (`at` being a non-space character).
    @inline(__always) func isBreak(_ bytes: Bytes, at: Int) -> Bool {
        char != 0 && bytes[at] == char && at >= from && at <= third
    }
}
