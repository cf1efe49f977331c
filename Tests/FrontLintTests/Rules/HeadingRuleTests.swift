import Foundation
import Testing
@testable import FrontLint

@Suite struct HeadingRuleTests {
    /// The seed post has setext level-2 headings ending in `？`, under a front matter title.
    @Test func seedPostHasNoHeadingDiagnostic() throws {
        let path = TestPaths.fixtures.appendingPathComponent("seed-post.md").path
        let resolver = try ConfigurationResolver(configPath: nil, selection: RuleSelection(select: ["headings"]))
        let settings = try resolver.resolve(filePath: path).settings
        let result = LintRunner.lintFile(path: path, settings: settings)
        #expect(settings.rules.count == RuleRegistry.all.filter { $0.description.tags.contains("headings") }.count)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.range.start) \($0.rule) \($0.message)" })")
    }

    /// A page with five heading mistakes among the traps that are not headings, consistently setext-with-atx.
    @Test func pageWithTrapsReportsExactlyItsMistakes() throws {
        let text = """
            ---
            title: "Heading structure"
            date: 2025-02-13
            ---

            Heading structure
            =================

            The front matter's title is the page's level-1 heading: the one above is reported.

            ```sh
            # a shell comment, not a heading
            ```

                # indented code, not a heading

            #hashtag, not a heading

            <!--
            # inside a comment, not a heading
            -->

            Why it matters？
            ----------------

            #### Skipped a level

            Notes:
            ------

            Why it matters？
            ----------------

            ##
            """
        let result = try Linter.lint(text: text, configuration: "extends: [default]\n")
        let found = result.diagnostics.filter { $0.rule.hasPrefix("heading-") }.map { "\($0.range.start) \($0.rule)" }.sorted()
        #expect(found == ["26:1 heading-increment", "28:1 heading-trailing-punctuation", "31:1 heading-duplicate",
                          "34:1 heading-empty", "6:1 heading-title-h1"])
    }

    @Test func outlineIsScannedOncePerFile() {
        let context = LintContext(source: SourceFile(path: "a.md", text: "---\ntitle: x\n---\n## A\n\n<!-- c -->\n"),
                                  settings: try! LintSettings(layer: ConfigurationLoader.defaultConfiguration().layer(forRelativePath: "a.md")))
        #expect(context.headings.map(\.line) == [4])
        #expect(context.bodyOutline.htmlComments.count == 1)
    }

    @Test func titleKeyIsCaseInsensitiveAndEmptyTitlesDoNotCount() throws {
        func title(_ frontMatter: String) -> PageTitle {
            let context = LintContext(source: SourceFile(path: "a.md", text: "---\n\(frontMatter)\n---\n"),
                                      settings: try! LintSettings(layer: ConfigurationLoader.defaultConfiguration().layer(forRelativePath: "a.md")))
            return PageTitle.of(context, key: "title")
        }
        #expect(title("TITLE: Hello") == .present(key: "TITLE", line: 2))
        #expect(title("title: ''") == .absent)
        #expect(title("title: ~") == .absent)
        #expect(title("date: 2025-01-01") == .absent)
        #expect(title("title: \"unclosed") == .unknown)
    }

    /// The heading rules read the scalars at the ends of a heading's text from its bytes: two- and
    /// three-byte sequences are put together by hand, anything else (or anything malformed) by the
    /// standard library's parser, and both must give the scalar `String` sees.
    @Test func scalarsAreReadFromTheTextBytes() {
        for text in ["a", "é", "苹", "！", "😀", "a苹é😀b", "\u{800}", "\u{FFFD}"] {
            let bytes = Array(text.utf8)
            let scalars = bytes.withUnsafeBufferPointer { buffer -> [Unicode.Scalar] in
                var found: [Unicode.Scalar] = []
                var start = 0
                while start < buffer.count {
                    found.append(buffer.scalar(at: start))
                    start += String(found.last!).utf8.count
                }
                return found
            }
            #expect(scalars == Array(text.unicodeScalars), "\(text)")
        }
        // Malformed: cut short, an encoded surrogate, overlong forms, past U+10FFFF, a bad lead or
        // continuation byte.
        for bytes: [UInt8] in [[0xE8, 0x8B], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0xAF], [0xC0, 0xAF],
                               [0xF0, 0x80, 0x80, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80],
                               [0xE8, 0x41, 0x8B]] {
            #expect(bytes.withUnsafeBufferPointer { $0.scalar(at: 0) } == "\u{FFFD}")
        }
    }

    /// A title that a merge key brings in is the page's title, as it is for Hugo: the body's `#` heading is
    /// then a second level-1 heading.
    @Test func aMergedTitleIsThePageTitle() throws {
        let text = "---\nx-defaults: &d\n  title: From defaults\n<<: *d\n---\n\n# From defaults\n"
        let result = try Linter.lint(text: text, selection: RuleSelection(select: ["heading-title-h1"]))
        #expect(result.diagnostics.map { "\($0.range.start) \($0.rule)" } == ["7:1 heading-title-h1"])
        #expect(result.diagnostics.first?.message.contains("`title` (line 3)") == true)
    }

    /// heading-duplicate compares texts with runs of whitespace made one space and the ends trimmed; texts
    /// already written that way are used as they are, found eight bytes at a time.
    @Test func collapsedTextOfHeadingsShortAndLong() {
        let texts = ["阿里靠什么吸引了苹果", "阿里靠什么  吸引了苹果", "阿里靠什么吸引了苹果 ", " 阿里靠什么吸引了苹果",
                     "Apple and Alibaba in 2025", "Apple and  Alibaba in 2025", "Apple and Alibaba in  2025",
                     "阿里\t靠什么吸引了苹果阿里靠什么吸引了苹果", "abcdefgh ijklmnop  q", "abcdefg\nh", "a b", "a  b", "ab"]
        for text in texts {
            let heading = Heading(level: 2, style: .atx, line: 1, endLine: 1, text: text, range: 0..<1)
            let collapsed = HeadingDuplicateRule.withCollapsedText(heading) { String(decoding: $0, as: UTF8.self) }
            let expected = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
            #expect(collapsed == expected, "\(text.debugDescription)")
        }
    }
}
