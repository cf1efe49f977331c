import Foundation
import Testing
@testable import FrontLint

/// The CommonMark 0.31.2 spec examples, with the headings each one's reference rendering contains.
///
/// The data lives in `shared/commonmark/` beside the repository (`<repo>/../shared` in CI), found through
/// `TestPaths.shared`.
struct SpecExample: Sendable, CustomTestStringConvertible {
    struct ExpectedHeading: Sendable, Decodable {
        var level: Int
        var text: String
        var line: Int
        var end_line: Int
        var style: String
    }

    var number: Int
    var section: String
    var markdown: String
    var headings: [ExpectedHeading]
    /// Rendered heading text from `headings.json`, by position.
    var renderedTexts: [String]

    var testDescription: String { "example \(number) (\(section))" }

    /// `shared/` beside the checkout (see `TestPaths.shared`), when it holds the spec data.
    static let sharedDirectory: URL? = {
        let shared = TestPaths.shared
        let spec = shared.appendingPathComponent("commonmark/spec.json")
        return FileManager.default.fileExists(atPath: spec.path) ? shared : nil
    }()

    static let all: [SpecExample] = {
        guard let shared = sharedDirectory?.appendingPathComponent("commonmark") else { return [] }
        struct Raw: Decodable { var markdown: String; var example: Int; var section: String }
        struct Lines: Decodable { var example: Int; var headings: [ExpectedHeading] }
        struct Rendered: Decodable {
            struct H: Decodable { var level: Int; var text: String }
            var example: Int
            var headings: [H]
        }
        do {
            let decoder = JSONDecoder()
            let raw = try decoder.decode([Raw].self, from: Data(contentsOf: shared.appendingPathComponent("spec.json")))
            let rendered = try decoder.decode([Rendered].self, from: Data(contentsOf: shared.appendingPathComponent("headings.json")))
            let jsonl = try String(contentsOf: shared.appendingPathComponent("spec-heading-lines.jsonl"), encoding: .utf8)
            var lines: [Int: [ExpectedHeading]] = [:]
            for row in jsonl.split(separator: "\n") where !row.isEmpty {
                let entry = try decoder.decode(Lines.self, from: Data(row.utf8))
                lines[entry.example] = entry.headings
            }
            let texts = Dictionary(uniqueKeysWithValues: rendered.map { ($0.example, $0.headings.map(\.text)) })
            return raw.map {
                SpecExample(number: $0.example, section: $0.section, markdown: $0.markdown,
                            headings: lines[$0.example] ?? [], renderedTexts: texts[$0.example] ?? [])
            }
        } catch {
            return []
        }
    }()
}

@Suite struct CommonMarkConformanceTests {
    @Test func specDataIsPresent() {
        #expect(SpecExample.sharedDirectory != nil, "shared/commonmark/spec.json not found above \(#filePath)")
        #expect(SpecExample.all.count == 655)
        #expect(SpecExample.all.filter { !$0.headings.isEmpty }.count == 40)
        // The examples carry real tabs, not the spec's → notation.
        #expect(SpecExample.all.contains { $0.markdown.contains("\t") })
        #expect(!SpecExample.all.contains { $0.markdown.contains("→") })
    }

    @Test(arguments: SpecExample.all)
    func headingsMatchTheReference(_ example: SpecExample) {
        let source = SourceFile(path: "example-\(example.number).md", text: example.markdown)
        let found = BlockScanner.headings(in: source, body: 0..<source.bytes.count, firstLine: 1)
        let expected = example.headings
        #expect(found.count == expected.count, "\(found.map { ($0.level, $0.line, $0.text) })")
        for (heading, want) in zip(found, expected) {
            #expect(heading.level == want.level)
            #expect(heading.line == want.line)
            #expect(heading.endLine == want.end_line)
            #expect(heading.style.rawValue == want.style)
        }
        // The reference text is rendered HTML text (markup removed, entities decoded); compare it where
        // the heading holds no inline markup, so that rendering would not change it.
        for (heading, rendered) in zip(found, example.renderedTexts) where !Self.mayHoldInlineMarkup(heading.text) {
            #expect(heading.text == rendered)
        }
    }

    /// Guards the text comparison above against quietly skipping everything.
    @Test func textIsComparedForMostSpecHeadings() {
        var compared = 0
        var total = 0
        for example in SpecExample.all {
            let source = SourceFile(path: "x.md", text: example.markdown)
            let found = BlockScanner.headings(in: source, body: 0..<source.bytes.count, firstLine: 1)
            total += example.renderedTexts.count
            for (heading, rendered) in zip(found, example.renderedTexts) where !Self.mayHoldInlineMarkup(heading.text) {
                #expect(heading.text == rendered, "example \(example.number)")
                compared += 1
            }
        }
        #expect(total == 62)
        #expect(compared >= 54, "compared \(compared) of \(total)")
    }

    static func mayHoldInlineMarkup(_ text: String) -> Bool {
        text.contains { "*_`<&[]!".contains($0) }
    }
}
