import Glibc

/// The CommonMark block parsing strategy (spec appendix, "A parsing strategy"), reduced to what headings
/// depend on: each line first continues the open blocks it can, then may open new ones, and what remains is
/// text for the innermost open block or a lazy continuation of an open paragraph.
///
/// List items are tracked without the lists around them: a list's only effect on block structure is through
/// its items. Leaves never nest, so the open leaf is a single value below the innermost open container.
struct BlockParser {
    private struct Container {
        var isBlockQuote: Bool
        /// For a list item: the columns its continuation lines must be indented by.
        var contentIndent: Int
        var hasChildren: Bool
        /// A blank line closes a block quote, and a list item that has no content yet.
        var failsOnBlankLine: Bool { isBlockQuote || !hasChildren }
    }

    private enum Leaf: Equatable {
        case none
        case paragraph
        case fencedCode(char: UInt8, length: Int, indent: Int)
        case indentedCode
        case html(kind: Int)
    }

    private let bytes: Bytes
    /// The file whose bytes `bytes` points to, when it is valid UTF-8: headings whose text is their content
    /// as written keep it there instead of in a `String`.
    private let validUTF8File: [UInt8]?

    // The current line and the scanning position in it. Columns count from the start of the line, with tab
    // stops every 4 columns.
    private var lineStart = 0
    private var lineEnd = 0
    private var lineNumber = 0
    private var offset = 0
    private var column = 0
    private var nextNonspace = 0
    private var nextNonspaceColumn = 0
    private var indent = 0
    private var blank = false
    /// `bytes[spaceScanFrom..<nextNonspace]` is all spaces and tabs, so the next non-space character needs
    /// no new scan while `offset` stays in that run (deep list items would otherwise rescan the indentation
    /// once per level).
    private var spaceScanFrom = -1
    private var thematicBreak: ThematicBreakSuffix?

    // Open blocks.
    private var containers: [Container] = []
    /// Indices of the open containers that a blank line closes, ascending, so that a blank line is matched
    /// against a deep stack in logarithmic time.
    private var blankLineFailures: [Int] = []
    private var leaf: Leaf = .none
    private var matchedContainers = 0
    private var leafMatched = false
    private var allClosed = true

    private var paragraph: [ParagraphLine] = []
    /// Lines of the paragraph before this one are known to be link reference definitions.
    private var paragraphTextLine = 0

    private var commentStart = -1
    private var commentEnd = 0

    private(set) var headings: [Heading] = []
    private(set) var htmlComments: [Range<Int>] = []

    init(bytes: Bytes, validUTF8File: [UInt8]?) {
        self.bytes = bytes
        self.validUTF8File = validUTF8File
    }

    /// Reads the lines of `bytes[body]`, the first of which is file line `firstLine`. `lineStarts` are where
    /// the file's lines start (`SourceFile.lineStarts`): when the body runs to the end of the file from one
    /// of them, as it does in a linted file, they give each line's end without a search for it.
    mutating func parse(_ body: Range<Int>, firstLine: Int, lineStarts: [Int]) {
        if body.upperBound == bytes.count && firstLine >= 1 && firstLine <= lineStarts.count
            && lineStarts[firstLine - 1] == body.lowerBound {
            lineStarts.withUnsafeBufferPointer { parse(body, firstLine: firstLine, lineStarts: $0) }
        } else {
            parse(body, firstLine: firstLine)
        }
        closeLeaf()
        containers.removeAll()
        blankLineFailures.removeAll()
    }

    private mutating func parse(_ body: Range<Int>, firstLine: Int, lineStarts starts: UnsafeBufferPointer<Int>) {
        let upper = body.upperBound
        var start = body.lowerBound
        // The current line is file line `next`, and `starts[next]` is where the line after it starts.
        var next = firstLine
        while start < upper {
            // The line ends at the line break (`\n`, `\r\n` or `\r`) before the next line's start.
            var end = upper
            if next < starts.count {
                end = starts[next] - 1
                if end > start && bytes[end] == ASCII.lineFeed && bytes[end - 1] == ASCII.carriageReturn { end -= 1 }
            }
            lineStart = start
            lineEnd = end
            lineNumber = next
            processLine()
            start = next < starts.count ? starts[next] : upper
            next += 1
        }
    }

    private mutating func parse(_ body: Range<Int>, firstLine: Int) {
        var start = body.lowerBound
        var number = firstLine
        let upper = body.upperBound
        // Without a carriage return in the body (almost always), memchr finds each line end.
        let base = bytes.baseAddress
        let hasCarriageReturn = base.map { memchr($0 + start, Int32(ASCII.carriageReturn), upper - start) != nil } ?? false
        while start < upper {
            var end = start
            if !hasCarriageReturn, let base {
                if bytes[start] == ASCII.lineFeed {
                    // An empty line, as a third of all lines are: nothing to search.
                } else if let hit = memchr(base + start, Int32(ASCII.lineFeed), upper - start) {
                    end = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
                } else {
                    end = upper
                }
            } else {
                while end < upper && bytes[end] != ASCII.lineFeed && bytes[end] != ASCII.carriageReturn { end += 1 }
            }
            lineStart = start
            lineEnd = end
            lineNumber = number
            processLine()
            if end < upper {
                end += bytes[end] == ASCII.carriageReturn && end + 1 < upper && bytes[end + 1] == ASCII.lineFeed ? 2 : 1
            }
            start = end
            number += 1
        }
    }

    // MARK: - One line

    /// Most lines are outside any container and need none of the steps of `processLineInFull`. With no
    /// code or HTML block open, an empty line only closes an open paragraph, and a line starting with text
    /// (`BlockStarts.startsText`: no block marker or indentation) starts or continues one. In a fenced code
    /// block, a line that is empty or starts with neither indentation nor the fence's character cannot
    /// close it, and is code. Those lines are handled here, in the loop over the lines, without a call.
    @inline(__always)
    private mutating func processLine() {
        if containers.isEmpty {
            switch leaf {
            case .none, .paragraph:
                if lineStart == lineEnd {
                    if leaf == .paragraph { closeLeaf() }
                    return
                }
                if BlockStarts.startsText(bytes[lineStart]) {
                    leaf = .paragraph
                    paragraph.append(ParagraphLine(start: lineStart, end: lineEnd, line: lineNumber))
                    return
                }
            case let .fencedCode(char, _, _):
                if lineStart == lineEnd { return }
                let first = bytes[lineStart]
                if first != char && !ASCII.isSpaceOrTab(first) { return }
            default:
                break
            }
        }
        processLineInFull()
    }

    private mutating func processLineInFull() {
        offset = lineStart
        column = 0
        spaceScanFrom = -1
        thematicBreak = nil

        // 1. Continue the open containers the line continues.
        let depth = containers.count
        var matched = 0
        while matched < depth {
            findNextNonspace()
            if blank {
                matched = firstBlankLineFailure(atOrAfter: matched) ?? depth
                advanceNextNonspace()
                break
            }
            if containers[matched].isBlockQuote {
                guard indent <= 3 && bytes[nextNonspace] == ASCII.greaterThan else { break }
                consumeBlockQuoteMarker()
            } else {
                let needed = containers[matched].contentIndent
                guard indent >= needed else { break }
                advanceOffset(needed, columns: true)
            }
            matched += 1
        }
        matchedContainers = matched
        leafMatched = false
        if matched == depth {
            findNextNonspace()
            switch leaf {
            case .none:
                break
            case .paragraph:
                leafMatched = !blank
            case let .fencedCode(char, length, fenceIndent):
                if indent <= 3 && !blank && bytes[nextNonspace] == char
                    && BlockStarts.isClosingFence(bytes, at: nextNonspace, end: lineEnd, char: char, length: length) {
                    closeLeaf()
                    return
                }
                var remaining = fenceIndent
                while remaining > 0 && offset < lineEnd && ASCII.isSpaceOrTab(bytes[offset]) {
                    advanceOffset(1, columns: true)
                    remaining -= 1
                }
                leafMatched = true
            case .indentedCode:
                if indent >= 4 {
                    advanceOffset(4, columns: true)
                    leafMatched = true
                } else if blank {
                    advanceNextNonspace()
                    leafMatched = true
                }
            case let .html(kind):
                leafMatched = !(blank && kind >= 6)
            }
        }
        allClosed = matched == depth && (leaf == .none || leafMatched)

        // 2. Open new blocks, unless the line belongs to an open code or HTML block.
        var containerIsParagraph = leafMatched && leaf == .paragraph
        if !(leafMatched && leaf != .paragraph) {
            starts: while true {
                findNextNonspace()
                if blank {
                    advanceNextNonspace()
                    break
                }
                if indent >= 4 {
                    // Indented code cannot interrupt a paragraph, nor a lazy continuation of one.
                    if leaf == .paragraph {
                        advanceNextNonspace()
                    } else {
                        advanceOffset(4, columns: true)
                        openLeaf(.indentedCode)
                    }
                    break
                }
                let at = nextNonspace
                let c = bytes[at]
                switch c {
                case ASCII.greaterThan:
                    consumeBlockQuoteMarker()
                    openContainer(Container(isBlockQuote: true, contentIndent: 0, hasChildren: false))
                    containerIsParagraph = false
                    continue starts
                case ASCII.hash:
                    if let level = BlockStarts.atxLevel(bytes, at: at, end: lineEnd) {
                        addATXHeading(level: level, at: at)
                        return
                    }
                case ASCII.backtick, ASCII.tilde:
                    if let fence = BlockStarts.openingFence(bytes, at: at, end: lineEnd) {
                        openLeaf(.fencedCode(char: fence.char, length: fence.length, indent: indent))
                        advanceNextNonspace()
                        advanceOffset(fence.length, columns: false)
                        break starts
                    }
                case ASCII.lessThan:
                    let mayBeLazy = !allClosed && leaf == .paragraph
                    if let kind = HTMLBlocks.startKind(bytes, at: at, end: lineEnd, allowKind7: !containerIsParagraph && !mayBeLazy) {
                        openLeaf(.html(kind: kind))
                        if kind == 2 { commentStart = at }
                        break starts
                    }
                default:
                    break
                }
                if containerIsParagraph && (c == ASCII.equals || c == ASCII.dash),
                   let level = BlockStarts.setextLevel(bytes, at: at, end: lineEnd),
                   addSetextHeading(level: level) {
                    return
                }
                if (c == ASCII.dash || c == ASCII.underscore || c == ASCII.star) && isThematicBreak(at: at) {
                    closeUnmatched()
                    closeLeaf()
                    markChildAdded()
                    return
                }
                if openListItem(at: at, interruptsParagraph: containerIsParagraph) {
                    containerIsParagraph = false
                    continue starts
                }
                advanceNextNonspace()
                break
            }
        }

        // 3. What remains of the line is text.
        if !allClosed && !blank && leaf == .paragraph {
            appendParagraphLine()  // lazy continuation
            return
        }
        closeUnmatched()
        switch leaf {
        case .paragraph:
            appendParagraphLine()
        case let .html(kind):
            if kind == 2 { commentEnd = lineEnd }
            if kind <= 5 {
                let from = kind == 2 && commentStart >= lineStart ? commentStart : offset
                if let end = HTMLBlocks.endOfBlock(kind: kind, bytes, from: from, end: lineEnd) {
                    if kind == 2 { commentEnd = end }
                    closeLeaf()
                }
            }
        case .fencedCode, .indentedCode:
            break
        case .none:
            if !blank {
                openLeaf(.paragraph)
                appendParagraphLine()
            }
        }
    }

    // MARK: - Block starts

    private mutating func consumeBlockQuoteMarker() {
        advanceNextNonspace()
        advanceOffset(1, columns: false)
        if offset < lineEnd && ASCII.isSpaceOrTab(bytes[offset]) { advanceOffset(1, columns: true) }
    }

    private mutating func isThematicBreak(at: Int) -> Bool {
        if thematicBreak == nil { thematicBreak = ThematicBreakSuffix(bytes, start: lineStart, end: lineEnd) }
        return thematicBreak!.isBreak(bytes, at: at)
    }

    private mutating func openListItem(at: Int, interruptsParagraph: Bool) -> Bool {
        guard let marker = BlockStarts.listMarker(bytes, at: at, end: lineEnd) else { return false }
        if interruptsParagraph {
            // Only a non-empty item, and for an ordered list one numbered 1, may interrupt a paragraph.
            if marker.isOrdered && !marker.startsAtOne { return false }
            var i = at + marker.length
            while i < lineEnd && ASCII.isSpaceOrTab(bytes[i]) { i += 1 }
            if i == lineEnd { return false }
        }
        let markerIndent = indent
        advanceNextNonspace()
        advanceOffset(marker.length, columns: true)
        let spacesStartColumn = column
        let spacesStartOffset = offset
        repeat {
            advanceOffset(1, columns: true)
        } while column - spacesStartColumn < 5 && offset < lineEnd && ASCII.isSpaceOrTab(bytes[offset])
        let spaces = column - spacesStartColumn
        let padding: Int
        if spaces >= 5 || spaces < 1 || offset >= lineEnd {
            // Content indented by 5 or more columns is indented code inside the item; an empty item's
            // content starts one column after the marker.
            padding = marker.length + 1
            column = spacesStartColumn
            offset = spacesStartOffset
            if offset < lineEnd && ASCII.isSpaceOrTab(bytes[offset]) { advanceOffset(1, columns: true) }
        } else {
            padding = marker.length + spaces
        }
        openContainer(Container(isBlockQuote: false, contentIndent: markerIndent + padding, hasChildren: false))
        return true
    }

    private mutating func addATXHeading(level: Int, at: Int) {
        closeUnmatched()
        closeLeaf()
        markChildAdded()
        let markerEnd = at + level
        let parts = BlockStarts.atxContent(bytes, afterMarker: markerEnd, end: lineEnd)
        let end = parts.content.isEmpty && !parts.hasClosingSequence ? markerEnd : parts.end
        let text = text(ofLine: parts.content)
        addHeading(Heading(
            level: level, style: .atx, line: lineNumber, endLine: lineNumber, range: at..<end,
            hasClosingSequence: parts.hasClosingSequence, contentRange: parts.content,
            textBytes: text.bytes, textRange: text.range))
    }

    private mutating func addHeading(_ heading: Heading) {
        // Room for a page's usual few headings at once, rather than growing the array to 1, 2, 4 and 8.
        if headings.capacity == 0 { headings.reserveCapacity(8) }
        headings.append(heading)
    }

    /// The text of a heading on one line, as `Heading` keeps it: the file's own bytes, unless a backslash
    /// escape is to be resolved or the file is not valid UTF-8 (the text must read as a `String` repairs it).
    private func text(ofLine content: Range<Int>) -> (bytes: [UInt8], range: Range<Int>) {
        if let validUTF8File, let base = bytes.baseAddress,
           memchr(base + content.lowerBound, Int32(ASCII.backslash), content.count) == nil {
            return (validUTF8File, content)
        }
        return resolvedText([content])
    }

    private func resolvedText(_ segments: [Range<Int>]) -> (bytes: [UInt8], range: Range<Int>) {
        let text = HeadingText.text(bytes, segments: segments)
        return (text, 0..<text.count)
    }

    /// Turns the open paragraph, less the link reference definitions it starts with, into a setext heading
    /// underlined by this line. False when the paragraph holds nothing but definitions.
    private mutating func addSetextHeading(level: Int) -> Bool {
        let bytes = self.bytes
        let from = paragraphTextLine
        let first = paragraph.withUnsafeBufferPointer { lines in
            var definitions = LinkReferenceDefinitions(bytes: bytes, lines: lines)
            return definitions.firstTextLine(from: from)
        }
        paragraphTextLine = first
        guard first < paragraph.count else { return false }
        func trimmed(_ line: ParagraphLine) -> Range<Int> {
            var end = line.end
            while end > line.start && ASCII.isSpaceOrTab(bytes[end - 1]) { end -= 1 }
            return line.start..<end
        }
        let firstLine = trimmed(paragraph[first])
        let lastLine = trimmed(paragraph[paragraph.count - 1])
        let text = first == paragraph.count - 1 ? text(ofLine: firstLine) : resolvedText(paragraph[first...].map(trimmed))
        addHeading(Heading(
            level: level, style: .setext, line: paragraph[first].line, endLine: lineNumber, range: firstLine,
            hasClosingSequence: false, contentRange: firstLine.lowerBound..<lastLine.upperBound,
            textBytes: text.bytes, textRange: text.range))
        closeLeaf()
        return true
    }

    // MARK: - Opening and closing blocks

    private mutating func openContainer(_ container: Container) {
        closeUnmatched()
        closeLeaf()
        markChildAdded()
        containers.append(container)
        if container.failsOnBlankLine { blankLineFailures.append(containers.count - 1) }
        matchedContainers = containers.count
    }

    private mutating func openLeaf(_ newLeaf: Leaf) {
        closeUnmatched()
        closeLeaf()
        markChildAdded()
        leaf = newLeaf
        leafMatched = true
    }

    /// Records that the innermost open container has content: from now on a list item survives blank lines.
    private mutating func markChildAdded() {
        guard let top = containers.indices.last, !containers[top].hasChildren else { return }
        containers[top].hasChildren = true
        if !containers[top].isBlockQuote && blankLineFailures.last == top { blankLineFailures.removeLast() }
    }

    /// Closes the blocks the line did not continue, once it is clear the line is not a lazy continuation.
    private mutating func closeUnmatched() {
        guard !allClosed else { return }
        if matchedContainers < containers.count {
            closeLeaf()
            containers.removeSubrange(matchedContainers...)
            while let last = blankLineFailures.last, last >= matchedContainers { blankLineFailures.removeLast() }
        } else if !leafMatched {
            closeLeaf()
        }
        allClosed = true
    }

    private mutating func closeLeaf() {
        switch leaf {
        case .html(kind: 2) where commentStart >= 0:
            htmlComments.append(commentStart..<commentEnd)
            commentStart = -1
        case .paragraph:
            // Line by line: most paragraphs have one, and `removeAll(keepingCapacity:)` costs several times
            // what popping it does.
            while paragraph.popLast() != nil {}
            paragraphTextLine = 0
        default:
            break
        }
        leaf = .none
        leafMatched = false
    }

    private mutating func appendParagraphLine() {
        var start = offset
        while start < lineEnd && ASCII.isSpaceOrTab(bytes[start]) { start += 1 }
        paragraph.append(ParagraphLine(start: start, end: lineEnd, line: lineNumber))
    }

    private func firstBlankLineFailure(atOrAfter index: Int) -> Int? {
        var lo = 0
        var hi = blankLineFailures.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if blankLineFailures[mid] < index { lo = mid + 1 } else { hi = mid }
        }
        return lo < blankLineFailures.count ? blankLineFailures[lo] : nil
    }

    // MARK: - Moving through the line

    private mutating func findNextNonspace() {
        if !(spaceScanFrom >= 0 && spaceScanFrom <= offset && offset <= nextNonspace) {
            var i = offset
            var columns = column
            while i < lineEnd {
                let b = bytes[i]
                if b == ASCII.space {
                    columns += 1
                } else if b == ASCII.tab {
                    columns += 4 - columns % 4
                } else {
                    break
                }
                i += 1
            }
            spaceScanFrom = offset
            nextNonspace = i
            nextNonspaceColumn = columns
        }
        indent = nextNonspaceColumn - column
        blank = nextNonspace >= lineEnd
    }

    private mutating func advanceNextNonspace() {
        offset = nextNonspace
        column = nextNonspaceColumn
    }

    /// Moves `count` characters, or with `columns` `count` columns, where a tab may be consumed in part.
    private mutating func advanceOffset(_ count: Int, columns: Bool) {
        var count = count
        while count > 0 && offset < lineEnd {
            if bytes[offset] == ASCII.tab {
                let toTabStop = 4 - column % 4
                if columns {
                    let step = min(toTabStop, count)
                    column += step
                    if step == toTabStop { offset += 1 }
                    count -= step
                } else {
                    column += toTabStop
                    offset += 1
                    count -= 1
                }
            } else {
                offset += 1
                column += 1
                count -= 1
            }
        }
    }
}
