import Testing
@testable import FrontLint

/// Loads the front matter of `text` (which must start with `---`).
private func loadFrontMatter(_ text: String) -> (SourceFile, YAMLDocument) {
    loadFrontMatter(Array(text.utf8))
}

private func loadFrontMatter(_ bytes: [UInt8]) -> (SourceFile, YAMLDocument) {
    let source = SourceFile(path: "t.md", bytes: bytes)
    let split = FrontMatterSplitter.split(source)
    let fm = split.frontMatter!
    return (source, YAMLLoader().load(source, range: fm.content))
}

/// Where the loaded front matter starts and ends in the file.
private func frontMatterContent(_ source: SourceFile) -> Range<Int> {
    FrontMatterSplitter.split(source).frontMatter!.content
}

/// The range of `marks` as a reference works it out, independently of `MarkPositions`: the byte offset of a
/// character index by adding up the UTF-8 lengths of the loaded text's Unicode scalars before it, then the
/// line and column from the file's line index.
private func expectedRange(_ marks: YAMLMarks, _ source: SourceFile, content: Range<Int>) -> SourceRange {
    let scalars = String(decoding: source.bytes[content], as: UTF8.self).unicodeScalars
    func position(_ index: UInt32) -> Position {
        source.position(atOffset: content.lowerBound + scalars.prefix(Int(index)).reduce(0) { $0 + UTF8.width($1) })
    }
    return SourceRange(start: position(marks.start), end: position(marks.end))
}

/// The text a range covers.
private func covered(_ source: SourceFile, _ range: SourceRange) -> String {
    source.text(range.start.offset..<range.end.offset)
}

@Suite struct YAMLLoaderTests {
    /// Front matter whose marks move across lines, back and forth (block collections end at the next
    /// token), over CJK, tabs, CRLF, lone CRs, U+2028 inside a quoted scalar and multi-line scalars.
    static let positionCases: [String] = [
        "---\ntitle: \"苹果\"\ntags:\n  - a\n  - b\nmenu:\n  main:\n    weight: 1\nlast: x\n---\n",
        "---\r\ntitle: a\r\nlist:\r\n  - [1, 2]\r\n  - {k: 中文}\r\nz: 1\r\n---\r\n",
        "---\rtitle: a\rtags:\r  - x\rnext: y\r---\r",
        "---\nquote: \"a\u{2028}b\"\nafter: 题目\n---\n",
        "---\nlead: |\n  line one\n  第二行\nfolded: >\n  a\n  b\nend: \"x\n  y\"\n---\n",
        "---\nk:\t v\nnested:\n- - deep\n  - 深\n- tail\n? complex\n: value\n---\n",
        "---\nbase: &b {x: 1}\nuse: *b\nseq: &s\n  - 1\n---\n",
    ]

    @Test(arguments: positionCases)
    func everyNodePositionAgreesWithTheLineIndex(_ text: String) throws {
        let (source, doc) = loadFrontMatter(text)
        #expect(doc.problems.isEmpty)
        #expect(!doc.nodes.isEmpty)
        for id in doc.nodes.indices.map(NodeID.init) {
            let range = doc.range(of: id)
            #expect(range.start == source.position(atOffset: range.start.offset), "\(doc[id].kind)")
            #expect(range.end == source.position(atOffset: range.end.offset), "\(doc[id].kind)")
            #expect(range == expectedRange(doc[id].marks, source, content: frontMatterContent(source)), "\(doc[id].kind)")
        }
    }

    /// Positions are worked out when asked, from the start of the front matter or, past a kilobyte, from
    /// checkpoints: random front matter, short and long, with multi-byte text (three- and four-byte
    /// characters across eight-byte words), LF, CRLF and lone CR line ends, flow collections, block and
    /// multi-line quoted scalars, its nodes asked for in a random order, against the reference.
    @Test func positionsAgreeWithAReferenceInAnyOrder() throws {
        var generator = SeededGenerator(seed: 0x9051_7105)
        let values = [
            "word", "中文字符串", "\"x😀y 引号\"", "[a, 中, 😀b, {k: 值}]", "{k: v, 键: 值, e: 😀}",
            "|{br}  line 一{br}  line 二", ">-{br}  a 文{br}  b", "\"first{br}  second 第二\"", "{br}  - 一{br}  - two😀",
            "'single 单引号 ''quoted'''", "2025-02-13", "",
        ]
        for round in 0..<60 {
            let lineBreak = ["\n", "\r\n", "\r"][round % 3]
            var text = "---" + lineBreak
            for key in 0..<Int.random(in: 1...(round < 30 ? 12 : 120), using: &generator) {
                let value = values.randomElement(using: &generator)!
                let name = Bool.random(using: &generator) ? "k\(key)" : "键\(key)"
                text += "\(name): " + value.replacingOccurrences(of: "{br}", with: lineBreak) + lineBreak
            }
            text += "---" + lineBreak
            let (source, doc) = loadFrontMatter(text)
            #expect(doc.problems.isEmpty, "round \(round)")
            let content = frontMatterContent(source)
            for id in doc.nodes.indices.map(NodeID.init).shuffled(using: &generator) {
                #expect(doc.range(of: id) == expectedRange(doc[id].marks, source, content: content),
                        "round \(round), node \(id): \(doc[id].kind)")
            }
        }
    }

    /// Marks where eight-byte steps of the walk end inside a multi-byte character, or just before one: the
    /// front matter shifted by 0 to 16 bytes against the words.
    @Test func positionsAtEveryAlignmentOfMultiByteText() throws {
        for padding in 0...16 {
            let text = "---\nk" + String(repeating: "x", count: padding) + ": abcd中\nz: [中, 😀e, abcdefg😀]\nw: \"中中\r\n 😀\"\n---\n"
            let (source, doc) = loadFrontMatter(text)
            #expect(doc.problems.isEmpty)
            let content = frontMatterContent(source)
            for id in doc.nodes.indices.map(NodeID.init) {
                #expect(doc.range(of: id) == expectedRange(doc[id].marks, source, content: content),
                        "padding \(padding), node \(id): \(doc[id].kind)")
            }
            let entries = try #require(doc.rootEntries)
            #expect(covered(source, doc.range(of: entries[0].value)) == "abcd中")
        }
    }

    @Test func aProblemAfterALongFrontMatterIsOnItsLine() throws {
        var text = "---\n"
        for i in 0..<200 { text += "k\(i): 中文 \(i)\n" }
        text += "summary: \"an unclosed quote\nlead: x\n---\nbody\n"
        let (_, doc) = loadFrontMatter(text)
        let problem = try #require(doc.problems.first)
        #expect(problem.help?.contains("line 202, column 10") == true)
        #expect(problem.range.start.line == 204)
    }

    @Test func keysAndValuesCarryExactPositions() throws {
        let (source, doc) = loadFrontMatter("---\ntitle: \"苹果的中国AI\"\ndate: 2025-02-13\n---\nbody\n")
        let entries = try #require(doc.rootEntries)
        #expect(entries.count == 2)
        let title = doc[entries[0].value]
        #expect(doc.range(of: entries[0].value).start == Position(line: 2, column: 8, offset: 11))
        #expect(covered(source, doc.range(of: entries[0].value)) == "\"苹果的中国AI\"")
        #expect(title.scalar?.style == .doubleQuoted)
        #expect(doc.value(of: entries[0].value) == "苹果的中国AI")
        let dateKey = doc.range(of: entries[1].key)
        #expect(dateKey.start.line == 3)
        #expect(dateKey.start.column == 1)
        let date = doc[entries[1].value]
        #expect(doc.range(of: entries[1].value).start.column == 7)
        #expect(covered(source, doc.range(of: entries[1].value)) == "2025-02-13")
        #expect(date.scalar?.style == .plain)
    }

    @Test func positionsAfterCJKTextOnTheSameLineCountScalars() throws {
        let (source, doc) = loadFrontMatter("---\n{题目: 中文, 日期: x}\n---\n")
        let entries = try #require(doc.rootEntries)
        let second = doc.range(of: entries[1].key)
        #expect(second.start.column == 10)
        #expect(covered(source, second) == "日期")
        #expect(doc[try #require(doc.root)].isFlow)
    }

    @Test func positionsInCRLFFilesWithAByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: a\r\ntags:\r\n  - x\r\n  - y\r\n---\r\n".utf8)
        let (source, doc) = loadFrontMatter(bytes)
        let entries = try #require(doc.rootEntries)
        let items = try #require(doc.items(entries[1].value))
        let y = doc.range(of: items[1])
        #expect(y.start.line == 5)
        #expect(y.start.column == 5)
        #expect(covered(source, y) == "y")
        #expect(source.bytes[y.start.offset] == UInt8(ascii: "y"))
    }

    @Test func multiLineScalarsSpanTheirLines() throws {
        let (source, doc) = loadFrontMatter("---\nsummary: |\n  one\n  two\nlead: >-\n  folded\n  text\n---\n")
        let entries = try #require(doc.rootEntries)
        let summary = doc[entries[0].value]
        #expect(summary.scalar?.style == .literal)
        #expect(doc.value(of: entries[0].value) == "one\ntwo\n")
        #expect(doc.range(of: entries[0].value).start.line == 2)
        #expect(doc.range(of: entries[0].value).end.line >= 4)
        let lead = doc[entries[1].value]
        #expect(lead.scalar?.style == .folded)
        #expect(doc.value(of: entries[1].value) == "folded text")
        _ = source
    }

    @Test func scalarValuesAreReadExactlyAtEveryLength() throws {
        // Empty, the longest string kept inline (15 bytes), the shortest kept in storage (16), and
        // multi-byte text on both sides of that line.
        let values = ["", "abcdefghijklmno", "abcdefghijklmnop", "中文字符五", "中文字符五六", "é😀"]
        let text = "---\n" + values.enumerated().map { "k\($0.offset): \"\($0.element)\"\n" }.joined() + "---\n"
        let (_, doc) = loadFrontMatter(text)
        let entries = try #require(doc.rootEntries)
        #expect(entries.map { doc.scalar($0.value)?.value } == values)
    }

    @Test func scalarStylesAndTagsAreKept() throws {
        let (_, doc) = loadFrontMatter("---\na: 'x'\nb: !!str 12\nc: false\nd: \"false\"\n---\n")
        let entries = try #require(doc.rootEntries)
        #expect(doc.scalar(entries[0].value)?.style == .singleQuoted)
        #expect(doc.scalar(entries[1].value)?.tag == "tag:yaml.org,2002:str")
        #expect(doc.scalar(entries[2].value)?.isPlainUntagged == true)
        #expect(doc.scalar(entries[3].value)?.style == .doubleQuoted)
    }

    @Test func duplicateKeysAreRecordedNotDropped() throws {
        let (_, doc) = loadFrontMatter("---\ntags: [a]\ntitle: x\ntags:\n  - again\n---\n")
        #expect(doc.rootEntries?.count == 3)
        let dup = try #require(doc.duplicateKeys.first)
        #expect(dup.key == "tags")
        #expect(doc.range(of: dup.first).start.line == 2)
        #expect(doc.range(of: dup.duplicate).start.line == 4)
    }

    /// Duplicate keys against a plain reading of the same mappings: many mappings of 1 to 80 keys (past
    /// the switch from a search to a dictionary at 32), drawn from few names so that keys repeat and their
    /// hashes share filter bits, some nested, some written twice with different case or quoting.
    @Test func duplicateKeysAgreeWithAReferenceOnRandomMappings() throws {
        var generator = SeededGenerator(seed: 0x5EED_D0C5)
        for round in 0..<120 {
            let count = Int.random(in: 1...80, using: &generator)
            let pool = Int.random(in: 1...60, using: &generator)
            var text = "---\n"
            var keys: [String] = []
            var nested: [String] = []
            for _ in 0..<count {
                let name = "k\(Int.random(in: 0..<pool, using: &generator))"
                let written = Bool.random(using: &generator) ? name : "\"\(name)\""
                keys.append(name)
                if Int.random(in: 0..<10, using: &generator) == 0 {
                    let inner = "n\(Int.random(in: 0..<3, using: &generator))"
                    nested.append(inner)
                    text += "\(written):\n  \(inner): 1\n  N: 2\n"
                } else {
                    text += "\(written): \(round)\n"
                }
            }
            text += "---\n"
            let (_, doc) = loadFrontMatter(text)
            #expect(doc.problems.isEmpty)
            // The reference: each key that appeared before in the same mapping, in order.
            var seen: Set<String> = []
            var expected: [String] = []
            for key in keys {
                if !seen.insert(key).inserted { expected.append(key) }
            }
            let root = doc.duplicateKeys.filter { doc.range(of: $0.duplicate).start.column == 1 }
            #expect(root.map(\.key) == expected, "round \(round)")
            for duplicate in root {
                #expect(doc.scalar(duplicate.first)?.value == duplicate.key)
                #expect(doc.range(of: duplicate.first).start.offset < doc.range(of: duplicate.duplicate).start.offset)
            }
            // Nested mappings have distinct keys of their own: none is reported.
            #expect(doc.duplicateKeys.count == expected.count, "round \(round)")
        }
    }

    @Test func unclosedQuoteIsReportedWithWhereItStarted() throws {
        let (_, doc) = loadFrontMatter("---\ntitle: ok\nsummary: \"an unclosed quote\nlead: x\n---\nbody\n")
        let problem = try #require(doc.problems.first)
        #expect(problem.kind == .syntax)
        #expect(problem.message.contains("never closed"))
        #expect(problem.help?.contains("line 3, column 10") == true)
        #expect(problem.range.start.line == 5)
    }

    @Test func badIndentationIsReportedOnItsLine() throws {
        let (_, doc) = loadFrontMatter("---\ntitle: ok\n  bad: x\n---\n")
        let problem = try #require(doc.problems.first)
        #expect(problem.range.start.line == 3)
        #expect(problem.range.start.column == 6)
    }

    @Test func invalidUTF8IsAReaderErrorAtItsByte() throws {
        let bytes = Array("---\ntitle: ab".utf8) + [0xFF] + Array("\n---\n".utf8)
        let (_, doc) = loadFrontMatter(bytes)
        let problem = try #require(doc.problems.first)
        #expect(problem.message.contains("UTF-8"))
        #expect(problem.range.start.offset == 13)
        #expect(problem.range.start.line == 2)
    }

    @Test func aliasBombIsLoadedWithoutCopying() throws {
        var text = "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...30 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        text += "---\n"
        let (_, doc) = loadFrontMatter(text)
        #expect(doc.problems.isEmpty)
        #expect(doc.nodes.count < 1000)
        let last = try #require(doc.rootEntries?.last)
        let items = try #require(doc.items(last.value))
        #expect(items.count == 10)
        guard case .alias(let name, let target) = doc[items[0]].kind else {
            Issue.record("expected an alias node"); return
        }
        #expect(doc.text(name) == "a29")
        #expect(target != nil)
    }

    @Test func deepFlowNestingStopsAtTheLimit() throws {
        let depth = 100_000
        let text = "---\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\n"
        let (_, doc) = loadFrontMatter(text)
        let problem = try #require(doc.problems.first)
        #expect(problem.kind == .tooDeep)
        #expect(problem.range.start.line == 2)
    }

    @Test func deepBlockNestingStopsAtTheLimit() throws {
        var text = "---\n"
        for i in 0..<2000 { text += String(repeating: " ", count: i) + "k:\n" }
        text += "---\n"
        let (_, doc) = loadFrontMatter(text)
        #expect(doc.problems.first?.kind == .tooDeep)
    }

    @Test func aSecondDocumentIsReported() throws {
        let (_, doc) = loadFrontMatter("---\ntitle: a\n...\n--- \n")
        // `--- ` closes the front matter, so libyaml sees `title: a\n...\n` only: one document.
        #expect(doc.problems.isEmpty)
        let (_, doc2) = loadFrontMatter("---\ntitle: a\n--- b\n---\n")
        #expect(doc2.problems.first?.kind == .multipleDocuments)
        #expect(doc2.problems.first?.range.start.line == 3)
    }

    @Test func emptyFrontMatterHasNoRoot() {
        let (_, doc) = loadFrontMatter("---\n---\n")
        #expect(doc.root == nil)
        #expect(doc.problems.isEmpty)
    }
}
