import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import FrontLint

/// Escaping, column units, fingerprints and the run controls, on results made by hand.
@Suite struct ReporterTests {
    /// `title: 苹果😀 bad`: "bad" starts at scalar column 12 and UTF-16 column 13 (the emoji is two units).
    static let text = "---\ntitle: 苹果😀 bad\n---\n"

    static func result(path: String = "content/a.md", message: String = "bad value", severity: Severity = .error,
                       help: String? = nil) -> FileResult {
        let source = SourceFile(path: path, text: text)
        let start = Array(text.utf8).firstRange(of: Array("bad".utf8))!.lowerBound
        let range = source.range(start..<(start + 3))
        return FileResult(path: path, source: source, diagnostics: [
            Diagnostic(rule: "key-duplicate", severity: severity, message: message, help: help, range: range),
        ])
    }

    static func render(_ format: ReportFormat, _ results: [FileResult]) -> String {
        var reporter = format.makeReporter(ReportOptions(workingDirectory: "/site"))
        return reporter.render(results)
    }

    /// A run lets results go without their text when no report reads it (`ReportFormat.readsSource`): each
    /// format that says it does not read the text renders the same without it, and each that says it does
    /// renders something else.
    @Test func formatsThatReadTheTextAreThoseThatNeedIt() {
        let withText = Self.result()
        let withoutText = FileResult(path: withText.path, source: nil, diagnostics: withText.diagnostics)
        for format in ReportFormat.allCases {
            let same = Self.render(format, [withText]) == Self.render(format, [withoutText])
            #expect(same == !format.readsSource, "\(format)")
        }
    }

    /// `LintRequest.keepSources`: without it, results with diagnostics come without the file's text.
    @Test func runsKeepTheTextOfFilesWithDiagnosticsOnlyWhenAsked() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("frontlint-keep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "---\ntitle: a\ntitle: b\n---\n".write(to: directory.appendingPathComponent("dup.md"), atomically: false, encoding: .utf8)
        try "---\ntitle: a\n---\n".write(to: directory.appendingPathComponent("ok.md"), atomically: false, encoding: .utf8)
        for (keep, jobs) in [(true, 1), (false, 1), (true, 2), (false, 2)] {
            var request = LintRequest()
            request.paths = [directory.path]
            request.keepSources = keep
            request.jobs = jobs
            var results: [FileResult] = []
            _ = try LintRunner.run(request) { results.append($0) }
            #expect(results.map { $0.diagnostics.isEmpty } == [false, true])
            #expect(results.map { $0.source != nil } == [keep, false], "keep \(keep), jobs \(jobs)")
        }
    }

    @Test func columnsAfterCJKAndAnEmojiInEachUnit() throws {
        let results = [Self.result()]
        // json: Unicode scalars.
        let json = Self.render(.json, results)
        #expect(json.contains(#""start": {"line": 2, "column": 12, "offset": 22}, "end": {"line": 2, "column": 15, "offset": 25}"#), "\(json)")
        // concise and human: scalars too.
        #expect(Self.render(.concise, results) == "content/a.md:2:12: error[key-duplicate] bad value\n")
        // sarif: UTF-16 code units.
        #expect(Self.render(.sarif, results).contains(#""region": {"startLine": 2, "startColumn": 13, "endLine": 2, "endColumn": 16}"#))
        // github: UTF-16 code units.
        #expect(Self.render(.github, results).contains("line=2,col=13,endLine=2,endColumn=16,"))
    }

    @Test func githubEscapesMessageAndProperties() {
        let result = Self.result(path: "content/my post/苹果, a:b.md", message: "100% sure: a, b\nnext\r", severity: .warning)
        #expect(Self.render(.github, [result]) ==
            "::warning file=content/my post/苹果%2C a%3Ab.md,line=2,col=13,endLine=2,endColumn=16,title=frontlint key-duplicate::100%25 sure: a, b%0Anext%0D\n")
    }

    @Test func githubLeavesColumnsOutOfMultiLineRanges() {
        let source = SourceFile(path: "a.md", text: Self.text)
        let result = FileResult(path: "a.md", source: source, diagnostics: [
            Diagnostic(rule: "yaml-syntax", severity: .error, message: "m", range: source.range(4..<28)),
        ])
        #expect(Self.render(.github, [result]) == "::error file=a.md,line=2,endLine=3,title=frontlint yaml-syntax::m\n")
    }

    @Test func sarifURIsArePercentEncodedAndRelative() {
        let inside = Self.render(.sarif, [Self.result(path: "/site/content/my post 苹果.md")])
        #expect(inside.contains(#""uri": "content/my%20post%20%E8%8B%B9%E6%9E%9C.md", "uriBaseId": "%SRCROOT%""#))
        let outside = Self.render(.sarif, [Self.result(path: "/elsewhere/a.md")])
        #expect(outside.contains(#""uri": "file:///elsewhere/a.md"}"#))
    }

    @Test func junitEscapesMarkupAndControlCharacters() throws {
        let result = Self.result(path: "a&b <c>.md", message: "found \"<x>\" & 'y'\u{1}\u{0B} here", help: "tab\there")
        let xml = Self.render(.junit, [result])
        let document = try XMLDocument(data: Data(xml.utf8))
        let failure = try #require(document.rootElement()?.elements(forName: "testsuite").first?
            .elements(forName: "testcase").first?.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == "found \"<x>\" & 'y'\u{FFFD}\u{FFFD} here")
        #expect(document.rootElement()?.elements(forName: "testsuite").first?.attribute(forName: "name")?.stringValue == "a&b <c>.md")
        #expect(failure.stringValue?.contains("help: tab\there") == true)
    }

    @Test func gitlabFingerprintsSurviveMovedLinesAndSeparateRepeats() throws {
        func fingerprints(_ text: String, lines: [Int]) throws -> [String] {
            let source = SourceFile(path: "a.md", text: text)
            let result = FileResult(path: "a.md", source: source, diagnostics: lines.map {
                Diagnostic(rule: "key-duplicate", severity: .error, message: "m", range: SourceRange(at: source.startOfLine($0)))
            })
            let issues = try #require(try JSONSerialization.jsonObject(with: Data(Self.render(.gitlab, [result]).utf8)) as? [[String: Any]])
            return issues.compactMap { $0["fingerprint"] as? String }
        }
        let before = try fingerprints("a\nbad: 1\nbad: 1\n", lines: [2, 3])
        let after = try fingerprints("new line\na\nbad: 1\nbad: 1\n", lines: [3, 4])
        #expect(before == after, "moving the lines keeps the fingerprints")
        #expect(Set(before).count == 2, "the same finding on two equal lines has two fingerprints")
        #expect(try fingerprints("a\nbad: 2\n", lines: [2]) != [before[0]])
    }

    @Test func fnv1aMatchesKnownValues() {
        var empty = FNV1a64()
        #expect(empty.hex == "cbf29ce484222325")
        empty.add("a".utf8)
        #expect(empty.hex == "af63dc4c8601ec8c")
    }

    @Test func formatsPairWithOutputsInOrder() throws {
        #expect(try ReportPlan(formats: [], outputs: []).reports == [.init(format: .human, path: nil)])
        let plan = try ReportPlan(formats: [.human, .sarif], outputs: ["-", "out.sarif"])
        #expect(plan.reports == [.init(format: .human, path: nil), .init(format: .sarif, path: "out.sarif")])
        #expect(plan.statisticsGoToStandardOutput)
        #expect(try !ReportPlan(formats: [.json], outputs: []).statisticsGoToStandardOutput)
        #expect(try ReportPlan(formats: [.json], outputs: ["r.json"]).statisticsGoToStandardOutput)
        #expect(throws: ReportPlanError.self) { try ReportPlan(formats: [.human, .json], outputs: []) }
        #expect(throws: ReportPlanError.self) { try ReportPlan(formats: [.human, .json], outputs: ["a"]) }
        #expect(throws: ReportPlanError.self) { try ReportPlan(formats: [.human, .json], outputs: ["-", "-"]) }
        #expect(throws: ReportPlanError.self) { try ReportPlan(formats: [.sarif, .json], outputs: ["a", "./a"]) }
    }

    @Test func exitCodes() {
        var summary = RunSummary()
        summary.warnings = 3
        #expect(ExitPolicy().exitCode(summary) == 0)
        #expect(ExitPolicy(maxWarnings: 3).exitCode(summary) == 0)
        #expect(ExitPolicy(maxWarnings: 2).exitCode(summary) == 1)
        summary.errors = 1
        #expect(ExitPolicy().exitCode(summary) == 1)
        #expect(ExitPolicy(maxWarnings: 2, exitZero: true).exitCode(summary) == 0)
    }

    @Test func statisticsSortByCountThenRule() {
        var statistics = RuleStatistics()
        let source = SourceFile(path: "a.md", text: "x\n")
        func d(_ rule: String) -> Diagnostic { Diagnostic(rule: rule, severity: .error, message: "m", range: source.rangeOfLine(1)) }
        statistics.add(FileResult(path: "a.md", source: source, diagnostics: [d("yaml-syntax"), d("key-duplicate"), d("field-required"), d("key-duplicate")]))
        #expect(statistics.sorted.map { "\($0.count) \($0.rule)" } == ["2 key-duplicate", "1 field-required", "1 yaml-syntax"])
        #expect(statistics.render().hasPrefix("2  key-duplicate   A key must not appear twice"))
    }

    @Test func reportFilesAreReplacedAtomically() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("frontlint-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.sarif").path
        try "old".write(toFile: path, atomically: false, encoding: .utf8)

        let discarded = try ReportFile(path: path)
        discarded.write("half a report")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old", "nothing replaces the file before commit")
        discarded.discard()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")

        let file = try ReportFile(path: path)
        file.write("new ")
        file.write("report")
        try file.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new report")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.sarif"], "no temporary file is left")
        #expect(throws: ReportFileError.self) { try ReportFile(path: directory.appendingPathComponent("missing/r.json").path) }
    }
}
