import Foundation
import Testing
@testable import FrontLint

/// `frontlint inspect`, run through the real binary.
@Suite struct InspectCommandTests {
    static let seed = TestPaths.fixtures.appendingPathComponent("seed-post.md")

    static func scannedHeadings(_ url: URL) throws -> [Heading] {
        let source = SourceFile(path: url.path, bytes: Array(try Data(contentsOf: url)))
        let split = FrontMatterSplitter.split(source)
        return BlockScanner.headings(in: source, body: split.body, firstLine: split.bodyLine)
    }

    @Test func jsonParsesAndHeadingsMatchTheScanner() throws {
        let run = try runFrontlint(["inspect", "fixtures/seed-post.md", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["path", "frontMatter", "headings"])
        #expect(object["path"] as? String == "fixtures/seed-post.md")

        let headings = try #require(object["headings"] as? [[String: Any]])
        let expected = try Self.scannedHeadings(Self.seed)
        #expect(headings.count == expected.count && expected.count == 2)
        for (json, heading) in zip(headings, expected) {
            #expect(Set(json.keys) == ["level", "style", "line", "endLine", "text"])
            #expect(json["level"] as? Int == heading.level)
            #expect(json["style"] as? String == heading.style.rawValue)
            #expect(json["line"] as? Int == heading.line)
            #expect(json["endLine"] as? Int == heading.endLine)
            #expect(json["text"] as? String == heading.text)
        }
        #expect(headings.first?["text"] as? String == "阿里靠什么吸引了苹果？")

        let frontMatter = try #require(object["frontMatter"] as? [String: Any])
        #expect(frontMatter["format"] as? String == "yaml")
        let root = try #require(frontMatter["root"] as? [String: Any])
        #expect(root["type"] as? String == "object")
        let entries = try #require(root["entries"] as? [[String: Any]])
        let byKey = Dictionary(entries.map { ($0["key"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byKey["comments"]?["type"] as? String == "boolean")
        #expect(byKey["comments"]?["style"] as? String == "plain")
        #expect(byKey["date"]?["type"] as? String == "string")
        #expect(byKey["date"]?["style"] as? String == "double-quoted")
        let widgets = try #require(byKey["widgets"]?["items"] as? [[String: Any]])
        #expect(widgets.map { $0["value"] as? String } == ["search", "recent", "taglist"])
        let range = try #require(byKey["title"]?["keyRange"] as? [String: Any])
        #expect((range["start"] as? [String: Any])?["line"] as? Int == 2)
    }

    @Test func humanFormIsAnIndentedOutline() throws {
        let run = try runFrontlint(["inspect", "fixtures/seed-post.md"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "fixtures/seed-post.md")
        #expect(lines.contains("  comments: false  (boolean, plain, 16:11-16:16)"))
        #expect(lines.contains { $0.hasPrefix("    - \"search\"  (string, double-quoted,") })
        #expect(lines.contains("headings: 2"))
        #expect(lines.contains("    h2 阿里靠什么吸引了苹果？  (setext, lines 48–49)"))
    }

    @Test func aliasesAreShownByNameNotExpanded() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("frontlint-inspect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var yaml = "---\na0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<30 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n" }
        try (yaml + "---\n# Bomb\n").write(to: directory.appendingPathComponent("bomb.md"), atomically: true, encoding: .utf8)

        let run = try runFrontlint(["inspect", "bomb.md", "--format", "json"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.utf8.count < 200_000)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let root = try #require((object["frontMatter"] as? [String: Any])?["root"] as? [String: Any])
        let last = try #require((root["entries"] as? [[String: Any]])?.last)
        let items = try #require(last["items"] as? [[String: Any]])
        #expect(items.first?["alias"] as? String == "a28")
        #expect(items.first?["type"] as? String == "array")
        #expect(items.first?["items"] == nil)
    }

    @Test func withoutFrontMatterAndForAMissingFile() throws {
        let run = try runFrontlint(["inspect", "fixtures/no-front-matter.md", "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["frontMatter"] is NSNull)

        let missing = try runFrontlint(["inspect", "no-such-file.md"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-file.md"))
    }
}
