import Testing
@testable import FrontLint

/// Inputs built to make a naive scanner recurse deeply or go quadratic. Each must finish quickly; none
/// asserts a time, since a slow scanner shows here as a test that takes seconds, not as a failure message.
@Suite struct HostileInputTests {
    func scan(_ text: String) -> [Heading] {
        let source = SourceFile(path: "hostile.md", text: text)
        return BlockScanner.headings(in: source, body: 0..<source.bytes.count, firstLine: 1)
    }

    @Test func hundredThousandNestedBlockQuotesOnOneLine() {
        let markers = String(repeating: ">", count: 100_000)
        let found = scan(markers + " # Deep\n" + markers + " more\n\n" + String(repeating: "> ", count: 100_000) + "\n")
        #expect(found.map(\.text) == ["Deep"])
    }

    static let tenMegabytes = String(repeating: "a", count: 10_000_000)

    @Test func tenMegabyteParagraphLine() {
        #expect(scan(Self.tenMegabytes + "\n").count == 0)
    }

    @Test func tenMegabyteHeadingLine() {
        #expect(scan("# " + Self.tenMegabytes + " #\n").first?.text.utf8.count == 10_000_000)
    }

    @Test func tenMegabytesOfIndentation() {
        #expect(scan(String(repeating: " ", count: 10_000_000) + "x\n").count == 0)
    }

    @Test func twoHundredThousandListItemsOnOneLine() {
        // Every level asks whether the rest of the line is a thematic break; it is answered once per line.
        #expect(scan(String(repeating: "- ", count: 200_000) + "x\n\n" + String(repeating: " ", count: 400_000) + "# In\n")
            .map(\.line) == [3])
    }

    @Test func megabyteOfCodeSpansInASetextHeading() {
        let found = scan(String(repeating: "` \\`` ", count: 200_000) + "\n===\n")
        #expect(found.count == 1)
    }

    @Test func linkReferenceLabelTooLong() {
        #expect(scan("[" + Self.tenMegabytes + "]: /u\n===\n").count == 1)
    }

    @Test func linkReferenceTitleNeverCloses() {
        #expect(scan("[a]: /u '" + Self.tenMegabytes + "\n===\n").count == 1)
    }

    @Test func fiftyThousandUnclosedFences() {
        #expect(scan(String(repeating: "- ```\n  # in code\n", count: 50_000)).count == 0)
        #expect(scan(String(repeating: "> ~~~~\n", count: 50_000) + "# After\n").map(\.line) == [50_001])
        #expect(scan(String(repeating: "```x`\n", count: 50_000)).count == 0)
    }

    @Test func tenThousandDeepListOnOneLine() {
        let depth = 10_000
        var text = String(repeating: "- ", count: depth) + "x\n"
        text += String(repeating: "\n", count: 10_000)  // blank lines keep every item open
        text += String(repeating: " ", count: 2 * depth) + "# Deepest\n"
        text += String(repeating: "x\n", count: 10_000)  // lazy continuation lines
        text += String(repeating: "1. ", count: depth) + "# Ordered\n"
        let found = scan(text)
        #expect(found.map(\.text) == ["Deepest", "Ordered"])
        #expect(found.map(\.line) == [10_002, 20_003])
    }

    @Test func deepIndentedListStaircase() {
        let depth = 2_000
        var text = ""
        for level in 0..<depth {
            text += String(repeating: "  ", count: level) + "- item \(level)\n"
        }
        text += "\n" + String(repeating: "  ", count: depth) + "## Bottom\n"
        text += String(repeating: "\n", count: 10_000) + "# Top\n"
        let found = scan(text)
        #expect(found.map(\.text) == ["Bottom", "Top"])
    }

    @Test func hundredThousandLinesOfHashes() {
        #expect(scan(String(repeating: "#\n", count: 100_000)).count == 100_000)
        let sevens = scan(String(repeating: "####### x\n", count: 100_000) + "===\n")
        #expect(sevens.count == 1)
        #expect(sevens.first?.endLine == 100_001)
    }

    @Test func longParagraphOfLinkReferenceDefinitions() {
        let found = scan(String(repeating: "[a]: /u\n", count: 100_000) + "===\n===\n")
        // The first underline follows only definitions, so it is paragraph text; the second underlines it.
        #expect(found.map(\.text) == ["==="])
        #expect(found.map(\.line) == [100_001])
    }

    @Test func manyBacktickRunsInOneHeading() {
        var text = "# "
        for n in 1...2_000 { text += String(repeating: "`", count: n) + " " }
        #expect(scan(text + "\n").count == 1)
    }
}
