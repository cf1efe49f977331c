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
}

/// Generated posts with injected defects: every heading defect is reported at its line, and clean files get
/// no heading diagnostic. The bodies hold the traps (`#` lines in code, `#hashtags`, HTML comments,
/// thematic breaks, setext headings, CJK text).
@Suite struct HeadingCorpusTests {
    static let ruleForKind = ["heading-increment": "heading-increment", "heading-h1": "heading-title-h1",
                              "heading-empty": "heading-empty"]

    struct Expectation: Decodable {
        var file: String
        var line: Int
        var kind: String
    }

    @Test(arguments: [3, 11])
    func generatedCorpus(seed: Int) throws {
        let generator = TestPaths.shared.appendingPathComponent("bench/gen_corpus.py")
        try #require(FileManager.default.fileExists(atPath: generator.path), "missing \(generator.path)")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("frontlint-headings-\(seed)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", generator.path, out.path, "--files", "600", "--seed", "\(seed)"]
        python.standardOutput = FileHandle.nullDevice
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0)

        let expectations = try String(contentsOf: out.appendingPathComponent("expected.jsonl"), encoding: .utf8)
            .split(separator: "\n")
            .map { try JSONDecoder().decode(Expectation.self, from: Data($0.utf8)) }
        let filesWithDefects = Set(expectations.map(\.file))
        let headingExpectations = expectations.filter { Self.ruleForKind[$0.kind] != nil }

        var request = LintRequest()
        request.paths = [out.appendingPathComponent("content").path]
        request.configPath = out.appendingPathComponent(".frontlint.yml").path
        var reported: [String: [Diagnostic]] = [:]
        var fileCount = 0
        _ = try LintRunner.run(request) { result in
            fileCount += 1
            let relative = String(result.path.dropFirst(out.path.count + 1))
            reported[relative] = result.diagnostics.filter { $0.rule.hasPrefix("heading-") }
        }
        #expect(fileCount == 600)

        var found = 0
        for expectation in headingExpectations {
            let rule = Self.ruleForKind[expectation.kind]!
            let hit = reported[expectation.file, default: []].contains { $0.rule == rule && $0.range.start.line == expectation.line }
            #expect(hit, "\(expectation.file):\(expectation.line) \(rule) not reported; got \(reported[expectation.file, default: []].map { "\($0.range.start) \($0.rule)" })")
            if hit { found += 1 }
        }
        var falsePositives = 0
        for (file, diagnostics) in reported where !filesWithDefects.contains(file) && !diagnostics.isEmpty {
            falsePositives += diagnostics.count
            Issue.record("clean file \(file) got \(diagnostics.map { "\($0.range.start) \($0.rule): \($0.message)" })")
        }
        #expect(headingExpectations.count > 0)
        print("heading corpus seed \(seed): \(found)/\(headingExpectations.count) heading defects reported, \(falsePositives) heading diagnostics on \(600 - filesWithDefects.count) clean files")
    }
}
