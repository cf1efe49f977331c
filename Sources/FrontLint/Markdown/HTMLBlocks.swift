/// The seven kinds of HTML block (CommonMark 0.31.2, section 4.6): how they start and how kinds 1–5 end.
/// Kinds 6 and 7 end at a blank line, which the block parser handles.
enum HTMLBlocks {
    /// Kind 1: raw text elements, which end at their closing tag.
    private static let rawTextNames: [[UInt8]] = ["pre", "script", "style", "textarea"].map { Array($0.utf8) }

    /// Kind 6: block-level element names.
    private static let blockNames: Set<[UInt8]> = Set([
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "track", "ul",
    ].map { Array($0.utf8) })

    /// The kind of HTML block that `bytes[at..<end]` (starting with `<`) opens, if any. Kind 7 is reported
    /// only when `allowKind7` (it cannot interrupt a paragraph).
    static func startKind(_ bytes: Bytes, at: Int, end: Int, allowKind7: Bool) -> Int? {
        guard at + 1 < end, bytes[at] == ASCII.lessThan else { return nil }
        let c = bytes[at + 1]
        if c == ASCII.bang {
            if matches(bytes, at + 2, end, "--") { return 2 }
            if matches(bytes, at + 2, end, "[CDATA[") { return 5 }
            if at + 2 < end && ASCII.isLetter(bytes[at + 2]) { return 4 }
            return nil
        }
        if c == ASCII.question { return 3 }

        let isClosing = c == ASCII.slash
        let nameStart = isClosing ? at + 2 : at + 1
        var nameEnd = nameStart
        while nameEnd < end && nameEnd - nameStart <= 10 && (ASCII.isLetter(bytes[nameEnd]) || ASCII.isDigit(bytes[nameEnd])) {
            nameEnd += 1
        }
        if nameEnd > nameStart && nameEnd - nameStart <= 10 {
            let name = lowercasedName(bytes, nameStart, nameEnd)
            let next: UInt8? = nameEnd < end ? bytes[nameEnd] : nil
            if !isClosing && rawTextNames.contains(name) {
                if next == nil || ASCII.isSpaceOrTab(next!) || next == ASCII.greaterThan { return 1 }
            }
            if blockNames.contains(name) {
                if next == nil || ASCII.isSpaceOrTab(next!) || next == ASCII.greaterThan { return 6 }
                if next == ASCII.slash && nameEnd + 1 < end && bytes[nameEnd + 1] == ASCII.greaterThan { return 6 }
            }
        }
        if allowKind7, let tagEnd = completeTag(bytes, at: at, end: end) {
            var i = tagEnd
            while i < end && ASCII.isSpaceOrTab(bytes[i]) { i += 1 }
            if i == end { return 7 }
        }
        return nil
    }

    /// Where the end condition of a kind 1–5 block is met in `bytes[from..<end]`: the index just after the
    /// closing marker, or nil.
    static func endOfBlock(kind: Int, _ bytes: Bytes, from: Int, end: Int) -> Int? {
        switch kind {
        case 1:
            var i = from
            while i + 1 < end {
                if bytes[i] == ASCII.lessThan && bytes[i + 1] == ASCII.slash {
                    for name in rawTextNames {
                        let nameEnd = i + 2 + name.count
                        if nameEnd < end && bytes[nameEnd] == ASCII.greaterThan && equalsLowercased(bytes, i + 2, name) {
                            return nameEnd + 1
                        }
                    }
                }
                i += 1
            }
            return nil
        case 2: return find(bytes, from, end, "-->")
        case 3: return find(bytes, from, end, "?>")
        case 4: return find(bytes, from, end, ">")
        case 5: return find(bytes, from, end, "]]>")
        default: return nil
        }
    }

    // MARK: - Complete tags (kind 7)

    /// The end of a complete open tag or closing tag starting at `at`, confined to one line.
    static func completeTag(_ bytes: Bytes, at: Int, end: Int) -> Int? {
        var i = at + 1
        guard i < end else { return nil }
        let isClosing = bytes[i] == ASCII.slash
        if isClosing { i += 1 }
        guard i < end, ASCII.isLetter(bytes[i]) else { return nil }
        let nameStart = i
        while i < end && (ASCII.isLetter(bytes[i]) || ASCII.isDigit(bytes[i]) || bytes[i] == ASCII.dash) { i += 1 }
        // The spec names no raw text element for kind 7; its author reads that as applying to open tags only
        // (commonmark-spec#517), which is what the reference parsers do: `</pre>` alone opens a block.
        if !isClosing && i - nameStart <= 8 && rawTextNames.contains(lowercasedName(bytes, nameStart, i)) { return nil }
        if isClosing {
            while i < end && ASCII.isSpaceOrTab(bytes[i]) { i += 1 }
            return i < end && bytes[i] == ASCII.greaterThan ? i + 1 : nil
        }
        while true {
            let beforeSpace = i
            while i < end && ASCII.isSpaceOrTab(bytes[i]) { i += 1 }
            guard i < end else { return nil }
            let c = bytes[i]
            if c == ASCII.greaterThan { return i + 1 }
            if c == ASCII.slash { return i + 1 < end && bytes[i + 1] == ASCII.greaterThan ? i + 2 : nil }
            // An attribute must be preceded by whitespace.
            guard i > beforeSpace, isAttributeNameStart(c) else { return nil }
            i += 1
            while i < end && isAttributeNameChar(bytes[i]) { i += 1 }
            let afterName = i
            while i < end && ASCII.isSpaceOrTab(bytes[i]) { i += 1 }
            guard i < end, bytes[i] == ASCII.equals else {
                i = afterName
                continue
            }
            i += 1
            while i < end && ASCII.isSpaceOrTab(bytes[i]) { i += 1 }
            guard i < end else { return nil }
            let q = bytes[i]
            if q == ASCII.doubleQuote || q == ASCII.singleQuote {
                i += 1
                while i < end && bytes[i] != q { i += 1 }
                guard i < end else { return nil }
                i += 1
            } else {
                let valueStart = i
                while i < end && isUnquotedValueChar(bytes[i]) { i += 1 }
                guard i > valueStart else { return nil }
            }
        }
    }

    private static func isAttributeNameStart(_ b: UInt8) -> Bool {
        ASCII.isLetter(b) || b == ASCII.underscore || b == ASCII.colon
    }

    private static func isAttributeNameChar(_ b: UInt8) -> Bool {
        ASCII.isLetter(b) || ASCII.isDigit(b) || b == ASCII.underscore || b == ASCII.dot || b == ASCII.colon || b == ASCII.dash
    }

    private static func isUnquotedValueChar(_ b: UInt8) -> Bool {
        !(b <= ASCII.space || b == ASCII.doubleQuote || b == ASCII.singleQuote || b == ASCII.equals
            || b == ASCII.lessThan || b == ASCII.greaterThan || b == ASCII.backtick)
    }

    // MARK: - Helpers

    private static func lowercasedName(_ bytes: Bytes, _ from: Int, _ to: Int) -> [UInt8] {
        var name = [UInt8]()
        name.reserveCapacity(to - from)
        for i in from..<to { name.append(ASCII.lowercased(bytes[i])) }
        return name
    }

    private static func equalsLowercased(_ bytes: Bytes, _ at: Int, _ name: [UInt8]) -> Bool {
        for k in 0..<name.count where ASCII.lowercased(bytes[at + k]) != name[k] { return false }
        return true
    }

    private static func matches(_ bytes: Bytes, _ at: Int, _ end: Int, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard at + n <= end else { return false }
        let p = literal.utf8Start
        for k in 0..<n where bytes[at + k] != p[k] { return false }
        return true
    }

    private static func find(_ bytes: Bytes, _ from: Int, _ end: Int, _ literal: StaticString) -> Int? {
        let n = literal.utf8CodeUnitCount
        let first = literal.utf8Start[0]
        var i = from
        while i + n <= end {
            if bytes[i] == first && matches(bytes, i, end, literal) { return i + n }
            i += 1
        }
        return nil
    }
}
