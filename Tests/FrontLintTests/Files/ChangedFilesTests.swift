import Foundation
import Testing
@testable import FrontLint

/// A real git repository in a temporary directory.
final class TemporaryRepository {
    let tree: TemporaryTree
    var root: String { tree.root }

    init() throws {
        tree = try TemporaryTree()
        try git("init", "--quiet", "-b", "main")
    }

    func file(_ relative: String, _ contents: String = "---\ntitle: x\n---\n") throws {
        try tree.file(relative, contents)
    }

    /// Runs git in the repository (or in `directory` under it), ignoring the user's own git configuration.
    @discardableResult
    func git(_ arguments: String..., in directory: String = "") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                             "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory.isEmpty ? root : tree.path(directory))
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }

    func commit(_ message: String) throws {
        try git("add", "--all")
        try git("commit", "--quiet", "-m", message)
    }
}

@Suite struct ChangedFilesTests {
    /// main: a.md, keep.md, gone.md, old-name.md, untouched.md …; the branch `feature` then commits a
    /// change, a rename and a deletion, stages a new file, leaves a change unstaged and adds untracked
    /// files, some ignored or hidden; meanwhile main gains a file the branch never saw.
    static func makeRepository() throws -> TemporaryRepository {
        let repo = try TemporaryRepository()
        try repo.file(".gitignore", "ignored/\n*.draft.md\n")
        for name in ["a.md", "keep.md", "gone.md", "vanished.md", "untouched.md", "content/post.markdown"] {
            try repo.file(name)
        }
        try repo.file("old-name.md", "---\ntitle: a file long enough for git to see that it was renamed\n---\nbody\n")
        try repo.file("notes.txt", "text\n")
        try repo.commit("initial")
        try repo.git("checkout", "--quiet", "-b", "feature")

        try repo.file("a.md", "---\ntitle: changed\n---\n")
        try repo.file("content/post.markdown", "---\ntitle: changed\n---\n")
        try repo.file("notes.txt", "changed\n")
        try repo.commit("change a.md")
        try repo.git("mv", "old-name.md", "new-name.md")
        try repo.git("rm", "--quiet", "gone.md")
        try repo.commit("rename and delete")
        try repo.file("staged.md")
        try repo.git("add", "staged.md")
        try repo.file("keep.md", "---\ntitle: unstaged change\n---\n")
        try FileManager.default.removeItem(atPath: repo.tree.path("vanished.md"))
        try repo.file("new.md")
        try repo.file("sub/deep.MD")
        try repo.file("ignored/x.md")
        try repo.file("wip.draft.md")
        try repo.file(".github/hidden.md")
        try repo.file("new.txt", "not Markdown\n")

        // A commit on main after the branch left it is not the branch's change.
        try repo.git("stash", "--quiet", "--include-untracked")
        try repo.git("checkout", "--quiet", "main")
        try repo.file("main-only.md")
        try repo.commit("later on main")
        try repo.git("checkout", "--quiet", "feature")
        try repo.git("stash", "pop", "--quiet", "--index")
        return repo
    }

    @Test func listsWhatTheBranchChangedSinceTheMergeBasePlusUntrackedFiles() throws {
        let repo = try Self.makeRepository()
        let files = try ChangedFiles.markdownFiles(since: "main", in: repo.root)
        #expect(files == ["a.md", "content/post.markdown", "keep.md", "new-name.md", "new.md", "staged.md", "sub/deep.MD"])
    }

    @Test func acceptsAnyCommitNotOnlyBranches() throws {
        let repo = try Self.makeRepository()
        #expect(try ChangedFiles.markdownFiles(since: "HEAD", in: repo.root)
                == ["keep.md", "new.md", "staged.md", "sub/deep.MD"])
        let first = try repo.git("rev-list", "--max-parents=0", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try ChangedFiles.markdownFiles(since: first, in: repo.root).count == 7)
    }

    @Test func keepsToThePathsGivenAndToTheWorkingDirectory() throws {
        let repo = try Self.makeRepository()
        #expect(try ChangedFiles.markdownFiles(since: "main", paths: ["sub", "a.md", "content/"], in: repo.root)
                == ["a.md", "content/post.markdown", "sub/deep.MD"])
        #expect(try ChangedFiles.markdownFiles(since: "main", in: repo.tree.path("content"))
                == ["post.markdown"], "relative to the working directory, and only under it")
        #expect(try ChangedFiles.markdownFiles(since: "main", paths: ["*.md"], in: repo.root) == [],
                "paths are names, not patterns")
    }

    @Test func saysWhyItCannotAnswer() throws {
        let repo = try Self.makeRepository()
        #expect(throws: ChangedFiles.Failure.unknownRevision("no-such-branch")) {
            try ChangedFiles.markdownFiles(since: "no-such-branch", in: repo.root)
        }
        #expect(throws: ChangedFiles.Failure.unknownRevision("--output=x")) {
            try ChangedFiles.markdownFiles(since: "--output=x", in: repo.root)
        }
        try repo.git("checkout", "--quiet", "--orphan", "unrelated")
        try repo.git("commit", "--quiet", "-m", "unrelated history")
        #expect(throws: ChangedFiles.Failure.noMergeBase("main")) {
            try ChangedFiles.markdownFiles(since: "main", in: repo.root)
        }

        let outside = try TemporaryTree()
        #expect(throws: ChangedFiles.Failure.notARepository(directory: outside.root)) {
            try ChangedFiles.markdownFiles(since: "main", in: outside.root)
        }
        #expect(ChangedFiles.Failure.unknownRevision("origin/main").description.contains("`origin/main` is not a commit"))
    }
}
