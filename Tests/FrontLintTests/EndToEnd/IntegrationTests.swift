import Foundation
import Testing
@testable import FrontLint

/// The ways frontlint is called from other tools — an editor, a pull-request job, pre-commit — through
/// the real binary.
@Suite struct IntegrationTests {
    static let siteConfig = "fields: {title: {required: true}}\nexclude: [\"drafts/**\"]\n"

    private func jsonFiles(_ run: RunResult) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
                                "\(run.stdout)\n\(run.stderr)")
        return try #require(json["files"] as? [[String: Any]])
    }

    private func diagnostics(_ file: [String: Any]) throws -> [[String: Any]] {
        try #require(file["diagnostics"] as? [[String: Any]])
    }

    // MARK: Editors: --stdin --stdin-filename PATH --format json

    @Test func anEditorsUnsavedBufferIsLintedWithTheConfigurationOfItsPath() throws {
        let site = try TemporaryTree()
        try site.file(".frontlint.yml", Self.siteConfig)
        // On disk the post is fine; the buffer being edited has lost its title.
        try site.file("content/posts/hello.md", "---\ntitle: Hello\n---\n")
        let path = site.path("content/posts/hello.md")
        let unsaved = "---\ndate: 2025-01-01\n---\n"

        // Editors run linters from anywhere: the configuration comes from PATH, not the working directory.
        let elsewhere = try TemporaryTree()
        let run = try runFrontlint(["--stdin", "--stdin-filename", path, "--format", "json"], stdin: unsaved,
                                   in: URL(fileURLWithPath: elsewhere.root))
        #expect(run.status == 1)
        let files = try jsonFiles(run)
        #expect(files.count == 1)
        #expect(files.first?["path"] as? String == path)
        let found = try diagnostics(try #require(files.first))
        #expect(found.map { $0["rule"] as? String } == ["field-required"])

        // And the other way round: the file on disk is broken, the buffer is fixed.
        try site.file("content/posts/hello.md", "---\ndate: 2025-01-01\n---\n")
        let fixed = try runFrontlint(["--stdin", "--stdin-filename", "content/posts/hello.md", "--format", "json"],
                                     stdin: "---\ntitle: Fixed\n---\n", in: URL(fileURLWithPath: site.root))
        #expect(fixed.status == 0)
        #expect(try jsonFiles(fixed).first?["path"] as? String == "content/posts/hello.md")
        #expect(try diagnostics(try #require(try jsonFiles(fixed).first)).isEmpty)

        // The same buffer under a path outside the site gets the default configuration: no title needed.
        let outside = try runFrontlint(["--stdin", "--stdin-filename", elsewhere.path("note.md"), "--format", "json"],
                                       stdin: unsaved, in: URL(fileURLWithPath: elsewhere.root))
        #expect(outside.status == 0)
    }

    @Test func positionsAreWhatAnEditorNeedsToPlaceAMark() throws {
        let site = try TemporaryTree()
        try site.file(".frontlint.yml", Self.siteConfig)
        // The second `中` starts at column 14 (Unicode scalars) but at byte 28 of the buffer.
        let buffer = "---\ntitle: x\ntags: {中: 1, 中: 2}\n---\n"
        let run = try runFrontlint(["--stdin", "--stdin-filename", "post.md", "--format", "json"], stdin: buffer,
                                   in: URL(fileURLWithPath: site.root))
        let found = try diagnostics(try #require(try jsonFiles(run).first))
        let duplicate = try #require(found.first { $0["rule"] as? String == "key-duplicate" })
        let range = try #require(duplicate["range"] as? [String: [String: Int]])
        #expect(range["start"] == ["line": 3, "column": 14, "offset": 28])
        #expect(range["end"] == ["line": 3, "column": 15, "offset": 31], "half-open: the first position after `中`")
        let bytes = Array(buffer.utf8)
        #expect(String(decoding: bytes[28..<31], as: UTF8.self) == "中")
    }

    // MARK: CI: --changed-since REF

    @Test func changedSinceLintsOnlyWhatTheBranchTouched() throws {
        let repo = try TemporaryRepository()
        try repo.file(".frontlint.yml", Self.siteConfig)
        try repo.file("legacy.md", "---\nno: title\n---\n")
        try repo.file("good.md")
        try repo.commit("initial")
        try repo.git("checkout", "--quiet", "-b", "feature")
        try repo.file("good.md", "---\ntitle: still good\n---\n")
        try repo.file("bad.md", "---\ndate: 2025-01-01\n---\n")
        try repo.file("drafts/bad.md", "---\ndate: 2025-01-01\n---\n")

        let run = try runFrontlint(["--changed-since", "main", "--format", "json"], in: URL(fileURLWithPath: repo.root))
        #expect(run.status == 1)
        let files = try jsonFiles(run)
        #expect(files.map { $0["path"] as? String } == ["bad.md", "good.md"],
                "legacy.md is unchanged and drafts/ is excluded by the configuration")

        let underDrafts = try runFrontlint(["--changed-since", "main", "drafts"], in: URL(fileURLWithPath: repo.root))
        #expect(underDrafts.status == 0)
        #expect(underDrafts.stdout.hasSuffix("in 0 files.\n"))

        try repo.commit("feature work")
        try repo.git("checkout", "--quiet", "main")
        let nothing = try runFrontlint(["--changed-since", "feature", "--format", "json"], in: URL(fileURLWithPath: repo.root))
        #expect(nothing.status == 0, "main has nothing the feature branch lacks")
        #expect(try jsonFiles(nothing).isEmpty)

        let unknown = try runFrontlint(["--changed-since", "origin/main"], in: URL(fileURLWithPath: repo.root))
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("frontlint: --changed-since: `origin/main` is not a commit"))

        let outside = try TemporaryTree()
        let notARepository = try runFrontlint(["--changed-since", "main"], in: URL(fileURLWithPath: outside.root))
        #expect(notARepository.status == 2)
        #expect(notARepository.stderr.contains("is not in one"))

        let withStdin = try runFrontlint(["--stdin", "--changed-since", "main"], stdin: "")
        #expect(withStdin.status == 2)
    }

    // MARK: pre-commit: the staged files, named one by one

    @Test func namedFilesGetTheirOwnConfigurationAndForceExcludeHonoursExclude() throws {
        let site = try TemporaryTree()
        try site.file(".git/HEAD", "ref: refs/heads/main\n")
        try site.file(".frontlint.yml", Self.siteConfig)
        try site.file("content/.frontlint.yml", "fields: {draft: {required: true}}\n")
        try site.file("content/posts/no-draft.md", "---\ntitle: x\n---\n")
        try site.file("top.md", "---\ndraft: true\n---\n")
        try site.file("drafts/bad.md", "---\ndate: 2025-01-01\n---\n")
        let root = URL(fileURLWithPath: site.root)

        // Each named file is linted with the configuration of its own directory, and nothing else is linted.
        let run = try runFrontlint(["--format", "json", "top.md", "content/posts/no-draft.md"], in: root)
        let files = try jsonFiles(run)
        #expect(files.map { $0["path"] as? String } == ["content/posts/no-draft.md", "top.md"])
        let messages = try files.map { try diagnostics($0).map { $0["message"] as? String ?? "" } }
        #expect(messages[0].contains { $0.contains("`draft`") }, "content/.frontlint.yml applies")
        #expect(messages[1].contains { $0.contains("`title`") }, ".frontlint.yml applies")

        #expect(try runFrontlint(["drafts/bad.md"], in: root).status == 1, "a named file is linted even if excluded")
        let forced = try runFrontlint(["--force-exclude", "--format", "json", "drafts/bad.md", "top.md"], in: root)
        #expect(try jsonFiles(forced).map { $0["path"] as? String } == ["top.md"])
    }
}
