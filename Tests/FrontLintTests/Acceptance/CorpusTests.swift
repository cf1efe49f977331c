import Foundation
import Testing
@testable import FrontLint

/// The acceptance check of the rules: generated corpora of Hugo/Mainroad posts with injected defects
/// (shared/bench/gen_corpus.py), linted with the corpus's own configuration. Every injected defect must be
/// reported at its line — front matter and heading defects alike — and a clean file (one with no line in
/// expected.jsonl) must get no diagnostic at all. The bodies hold the usual traps: `#` lines in code,
/// `#hashtags`, HTML comments, thematic breaks, setext headings, CJK text.
@Suite struct CorpusTests {
    /// Which rules may report each kind of injected defect.
    static let rulesForKind: [String: Set<String>] = [
        "date-invalid": ["date-format"],
        "date-format": ["date-format"],
        "required-missing": ["field-required"],
        "widget-unknown": ["field-enum"],
        "sidebar-enum": ["field-enum"],
        "widget-duplicate": ["list-duplicate"],
        "thumbnail-invalid": ["url-invalid", "url-scheme"],
        "type-mismatch": ["field-type"],
        "key-duplicate": ["key-duplicate"],
        "unknown-key": ["key-unknown"],
        "yaml-syntax": ["yaml-syntax"],
        "unterminated": ["front-matter-unterminated"],
        "heading-increment": ["heading-increment"],
        "heading-h1": ["heading-title-h1"],
        "heading-empty": ["heading-empty"],
    ]

    struct Expected: Decodable {
        var file: String
        var line: Int
        var kind: String
    }

    @Test(arguments: [1, 11, 2025])
    func everyDefectIsFoundAndCleanFilesStayClean(seed: Int) throws {
        let generator = TestPaths.shared.appendingPathComponent("bench/gen_corpus.py")
        try #require(FileManager.default.fileExists(atPath: generator.path), "shared/bench/gen_corpus.py is missing")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("frontlint-corpus-\(seed)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", generator.path, out.path, "--files", "600", "--seed", String(seed)]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)

        let expected = try String(contentsOf: out.appendingPathComponent("expected.jsonl"), encoding: .utf8)
            .split(separator: "\n")
            .map { try JSONDecoder().decode(Expected.self, from: Data($0.utf8)) }
        var request = LintRequest()
        request.paths = [out.path]
        request.configPath = out.appendingPathComponent(".frontlint.yml").path
        var byFile: [String: [Diagnostic]] = [:]
        _ = try LintRunner.run(request) { result in
            byFile[String(result.path.dropFirst(out.path.count + 1))] = result.diagnostics
        }
        #expect(byFile.count == 600)

        var found: [String: Int] = [:], missed: [String] = []
        for defect in expected {
            let rules = try #require(Self.rulesForKind[defect.kind], "unknown defect kind \(defect.kind)")
            let diagnostics = byFile[defect.file] ?? []
            // A YAML error is reported where libyaml notices it: anywhere in that front matter.
            let hit = diagnostics.contains { rules.contains($0.rule) && (defect.kind == "yaml-syntax" || $0.range.start.line == defect.line) }
            if hit { found[defect.kind, default: 0] += 1 } else {
                missed.append("\(defect.file):\(defect.line) \(defect.kind); got \(diagnostics.map { "\($0.range.start.line) \($0.rule): \($0.message)" })")
            }
        }
        let defective = Set(expected.map(\.file))
        var falsePositives: [String] = []
        for (file, diagnostics) in byFile where !defective.contains(file) {
            falsePositives += diagnostics.map { "\(file):\($0.range.start) \($0.rule): \($0.message)" }
        }
        print("corpus seed \(seed): \(found.values.reduce(0, +))/\(expected.count) defects found "
              + "(\(found.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))), "
              + "\(falsePositives.count) diagnostics on \(byFile.count - defective.count) clean files")
        #expect(!expected.isEmpty)
        #expect(missed.isEmpty, "missed: \(missed.prefix(10))")
        #expect(falsePositives.isEmpty, "false positives: \(falsePositives.prefix(10))")
    }

    /// The seed post from shared/seeds lints clean under `extends: [mainroad]` plus fields for its `lang`
    /// and `translations` keys (fixtures/.frontlint.yml).
    @Test(arguments: ["fixtures/seed-post.md", "../shared/seeds/000_7638e87b2286deb5.txt"])
    func seedPostIsClean(path: String) throws {
        let url: URL
        if path.hasPrefix("../shared/") {
            url = TestPaths.shared.appendingPathComponent(String(path.dropFirst("../shared/".count)))
        } else {
            url = TestPaths.repositoryRoot.appendingPathComponent(path)
        }
        try #require(FileManager.default.fileExists(atPath: url.path))
        let text = try String(contentsOf: url, encoding: .utf8)
        let configuration = try String(contentsOf: TestPaths.fixtures.appendingPathComponent(".frontlint.yml"), encoding: .utf8)
        let result = try Linter.lint(text: text, path: "seed-post.md", configuration: configuration)
        let diagnostics = result.diagnostics.filter { !$0.rule.hasPrefix("heading-") }
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.range.start) \($0.rule): \($0.message)" })")
    }
}
