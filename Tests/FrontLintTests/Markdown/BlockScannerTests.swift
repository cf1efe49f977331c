import Testing
@testable import FrontLint

/// The traps real posts contain, as the block scanner must read them.
@Suite struct BlockScannerTests {
    struct Found: Equatable, CustomStringConvertible {
        var level: Int
        var style: HeadingStyle
        var line: Int
        var endLine: Int
        var text: String
        var description: String { "h\(level) \(style) \(line)-\(endLine) \(text.debugDescription)" }
    }

    func headings(_ markdown: String) -> [Found] {
        let source = SourceFile(path: "post.md", text: markdown)
        return BlockScanner.headings(in: source, body: 0..<source.bytes.count, firstLine: 1).map {
            Found(level: $0.level, style: $0.style, line: $0.line, endLine: $0.endLine, text: $0.text)
        }
    }

    func atx(_ level: Int, _ line: Int, _ text: String) -> Found {
        Found(level: level, style: .atx, line: line, endLine: line, text: text)
    }

    func setext(_ level: Int, _ line: Int, _ endLine: Int, _ text: String) -> Found {
        Found(level: level, style: .setext, line: line, endLine: endLine, text: text)
    }

    // MARK: Code

    @Test func hashInsideBacktickFenceIsCode() {
        #expect(headings("```bash\n# install\nmake\n```\n# After\n") == [atx(1, 5, "After")])
    }

    @Test func hashInsideTildeFenceIsCode() {
        #expect(headings("~~~\n# comment\n```\n# still code\n~~~\n") == [])
    }

    @Test func shorterClosingFenceDoesNotClose() {
        #expect(headings("````\n```\n# code\n````\n# Real\n") == [atx(1, 5, "Real")])
    }

    @Test func unclosedFenceRunsToTheEndOfItsContainer() {
        #expect(headings("> ```\n> # code\n\n# Out\n") == [atx(1, 4, "Out")])
        #expect(headings("```\n# code\n") == [])
    }

    @Test func hashInIndentedCodeIsCode() {
        #expect(headings("Text\n\n    # comment\n    ## more\n") == [])
    }

    @Test func indentedLineAfterParagraphIsContinuation() {
        #expect(headings("Text\n    # not code, not heading\n") == [])
    }

    // MARK: Not headings

    @Test func hashtagIsNotAHeading() {
        #expect(headings("#hashtag\n#swift #linux\n") == [])
        #expect(headings("####### seven\n") == [])
    }

    @Test func htmlCommentBlockHidesHeadingsAndIsReported() {
        let text = "Intro\n\n<!--\n# draft\n-->\n# Kept\n<!-- frontlint-disable --> tail\n"
        #expect(headings(text) == [atx(1, 6, "Kept")])
        let source = SourceFile(path: "post.md", text: text)
        let outline = BlockScanner.scan(in: source, body: 0..<source.bytes.count, firstLine: 1)
        #expect(outline.htmlComments.map { source.text($0) } == ["<!--\n# draft\n-->", "<!-- frontlint-disable -->"])
    }

    @Test func unclosedHtmlCommentRunsToTheEndOfItsContainer() {
        let text = "> <!-- open\n> # hidden\n\n# Shown\n"
        #expect(headings(text) == [atx(1, 4, "Shown")])
        let source = SourceFile(path: "post.md", text: text)
        let outline = BlockScanner.scan(in: source, body: 0..<source.bytes.count, firstLine: 1)
        #expect(outline.htmlComments.map { source.text($0) } == ["<!-- open\n> # hidden"])
    }

    @Test func htmlBlockOfKindSixEndsAtABlankLine() {
        #expect(headings("<div>\n# inside\n\n# outside\n") == [atx(1, 4, "outside")])
        #expect(headings("<details>\n<summary>x</summary>\n\n## Body\n</details>\n") == [atx(2, 4, "Body")])
    }

    @Test func closingTagAloneOpensAnHTMLBlock() {
        // As the reference parsers read it (commonmark-spec#517): kind 7 excludes only *open* raw-text tags.
        #expect(headings("</pre>\n# inside\n\n# outside\n") == [atx(1, 4, "outside")])
        #expect(headings("<pre/>\n# inside\n") == [atx(1, 2, "inside")])
        // Kind 7 cannot interrupt a paragraph.
        #expect(headings("Text\n<custom-tag>\nTitle\n---\n") == [setext(2, 1, 4, "Text\n<custom-tag>\nTitle")])
    }

    @Test func dashesAfterABlankLineAreAThematicBreak() {
        #expect(headings("Foo\n\n---\n") == [])
        #expect(headings("Foo\n***\n") == [])
    }

    @Test func underlineInLazyContinuationIsNotSetext() {
        #expect(headings("> Foo\n---\n") == [])
        #expect(headings("> Foo\n===\n") == [])
        #expect(headings("- Foo\n---\n") == [])
    }

    // MARK: Setext

    @Test func dashesUnderTextMakeAnH2() {
        #expect(headings("Foo\n---\n") == [setext(2, 1, 2, "Foo")])
        #expect(headings("Foo\nbar\n  baz  \n===\n") == [setext(1, 1, 4, "Foo\nbar\nbaz")])
    }

    @Test func cjkSetextHeadingWithFullWidthQuestionMark() {
        let text = "これは何ですか？\n==========\n"
        let source = SourceFile(path: "post.md", text: text)
        let found = BlockScanner.headings(in: source, body: 0..<source.bytes.count, firstLine: 1)
        #expect(found.count == 1)
        #expect(found.first?.text == "これは何ですか？")
        #expect(found.first.map { source.text($0.range) } == "これは何ですか？")
        #expect(found.first.map { source.position(atOffset: $0.range.upperBound).column } == 9)
    }

    @Test func linkReferenceDefinitionsAreNotHeadingText() {
        #expect(headings("[a]: /url\n===\n") == [])
        #expect(headings("[a]: /url\n'title'\nHeading\n---\n") == [setext(2, 3, 4, "Heading")])
        #expect(headings("[a]: /url 'open\nHeading\n---\n") == [setext(2, 1, 3, "[a]: /url 'open\nHeading")])
    }

    /// Lines the parser takes without its full line step: text that starts with punctuation, and lines of
    /// a fenced code block that cannot close it.
    @Test func linesStartingWithPunctuationAndFencedCodeLines() {
        #expect(headings("![cover](a.png)\n---\n") == [setext(2, 1, 2, "![cover](a.png)")])
        #expect(headings("[ref]: /url\n===\n\n\"Quoted\"\n===\n") == [setext(1, 4, 5, "\"Quoted\"")])
        #expect(headings("```\n# code\n\n~~~\n  ```\n# After\n") == [atx(1, 6, "After")])
        #expect(headings("~~~~\n~~~\n# code\n ~~~~~\n## After\n") == [atx(2, 5, "After")])
    }

    // MARK: Line endings and positions

    @Test func crlfLineEndings() {
        let text = "# One\r\n\r\nTwo\r\n---\r\n```\r\n# no\r\n```\r\n"
        let source = SourceFile(path: "post.md", text: text)
        let found = BlockScanner.headings(in: source, body: 0..<source.bytes.count, firstLine: 1)
        #expect(found.map(\.text) == ["One", "Two"])
        #expect(found.map(\.line) == [1, 3])
        #expect(found.map(\.endLine) == [1, 4])
        #expect(found.map { source.text($0.range) } == ["# One", "Two"])
    }

    @Test func loneCarriageReturnEndsALine() {
        #expect(headings("# A\rB\r===\r") == [atx(1, 1, "A"), setext(1, 2, 3, "B")])
    }

    /// A body that runs to the end of the file takes its line ends from the file's line index; one that
    /// stops short of it finds them itself. Both must read every kind of line break alike.
    @Test func bodyStoppingBeforeTheEndOfTheFileIsReadAlike() {
        let text = "# One\r\n\r\nTwo\r\n---\rThree\n===\n\n```\r# no\r```\r\n## Four ##\r\n"
        let whole = SourceFile(path: "post.md", text: text)
        let longer = SourceFile(path: "post.md", text: text + "# Not in the body\n")
        let fromIndex = BlockScanner.headings(in: whole, body: 0..<whole.bytes.count, firstLine: 1)
        let searched = BlockScanner.headings(in: longer, body: 0..<whole.bytes.count, firstLine: 1)
        #expect(fromIndex.map(\.text) == ["One", "Two", "Three", "Four"])
        #expect(fromIndex.map(\.line) == [1, 3, 5, 11])
        #expect(fromIndex.map(\.endLine) == [1, 4, 6, 11])
        #expect(searched == fromIndex)
    }

    @Test func bodyAfterFrontMatterHasFileLinesAndOffsets() {
        let text = "---\ntitle: Post\ntags: [a]\n---\n\nIntro\n\n## Section ##\n\nSub\n---\n"
        let source = SourceFile(path: "post.md", text: text)
        let split = FrontMatterSplitter.split(source)
        #expect(split.bodyLine == 5)
        let found = BlockScanner.headings(in: source, body: split.body, firstLine: split.bodyLine)
        #expect(found.map(\.line) == [8, 10])
        #expect(found.map(\.endLine) == [8, 11])
        #expect(found.map { source.text($0.range) } == ["## Section ##", "Sub"])
        #expect(found.map { source.text($0.contentRange) } == ["Section", "Sub"])
        #expect(found.first?.hasClosingSequence == true)
        #expect(found.first.map { source.position(atOffset: $0.range.lowerBound) } == Position(line: 8, column: 1, offset: 38))
    }

    @Test func byteOrderMarkIsNotContent() {
        let source = SourceFile(path: "post.md", bytes: [0xEF, 0xBB, 0xBF] + Array("# Title\n".utf8))
        let found = BlockScanner.headings(in: source, body: 0..<source.bytes.count, firstLine: 1)
        #expect(found.map(\.text) == ["Title"])
        #expect(found.first?.range == 3..<10)
    }

    // MARK: Containers

    @Test func headingsInsideBlockQuotesAndListItems() {
        let text = """
        > # Quoted
        > Para
        > ---

        - ## In item
          Item text
          ===
        - Next
        1. # Ordered
           > ### Deep
        """
        #expect(headings(text) == [
            atx(1, 1, "Quoted"), setext(2, 2, 3, "Para"), atx(2, 5, "In item"), setext(1, 6, 7, "Item text"),
            atx(1, 9, "Ordered"), atx(3, 10, "Deep"),
        ])
    }

    @Test func itemContinuationNeedsIndentation() {
        #expect(headings("- item\n\n  # in item\n\n # not in item, still heading\n") == [
            atx(1, 3, "in item"), atx(1, 5, "not in item, still heading"),
        ])
        // Five columns after the marker: the item's content is indented code.
        #expect(headings("-      # code\n") == [])
    }

    @Test func tabsExpandToTabStops() {
        #expect(headings("#\tTab\n") == [atx(1, 1, "Tab")])
        // `>` takes one column of the tab as its optional space; two columns remain.
        #expect(headings(">\t# Quoted\n") == [atx(1, 1, "Quoted")])
        // Here six columns remain: indented code.
        #expect(headings(">\t\t# code\n") == [])
        #expect(headings("-\tfoo\n\n\t# in item\n") == [atx(1, 3, "in item")])
        #expect(headings("\t# code\n") == [])
    }

    // MARK: Text

    @Test func textResolvesEscapesButNotInsideCodeSpans() {
        #expect(headings("# foo \\# bar `\\#` ##\n") == [atx(1, 1, "foo # bar `\\#`")])
        #expect(headings("## C\\+\\+ *and* \\\\ more\n") == [atx(2, 1, "C++ *and* \\ more")])
        #expect(headings("# \\`not code` \\a\n") == [atx(1, 1, "`not code` \\a")])
        #expect(headings("Line\\\nbreak\n---\n") == [setext(2, 1, 3, "Line\nbreak")])
        #expect(headings("### foo \\###\n") == [atx(3, 1, "foo ###")])
    }

    @Test func emptyHeadings() {
        let source = SourceFile(path: "post.md", text: "#\n## ##\n")
        let found = BlockScanner.headings(in: source, body: 0..<source.bytes.count, firstLine: 1)
        #expect(found.map(\.text) == ["", ""])
        #expect(found.map { source.text($0.range) } == ["#", "## ##"])
    }
}
