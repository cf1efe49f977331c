import Foundation
import Testing
@testable import FrontLint

@Suite struct FileDiscoveryTests {
    @Test func walksNestedDirectoriesForMarkdownInAnyCase() throws {
        let tree = try TemporaryTree()
        for name in ["a.md", "b.markdown", "C.MD", "d.txt", "mdx", "sub/e.md", "sub/deep/f.Markdown",
                     ".hidden/g.md", "sub/.h.md", "sub/readme"] {
            try tree.file(name)
        }
        let result = FileDiscovery.collect(paths: [tree.root])
        #expect(tree.relativePaths(result) == ["C.MD", "a.md", "b.markdown", "sub/deep/f.Markdown", "sub/e.md"])
        #expect(result.problems.isEmpty)
        #expect(result.files.allSatisfy { !$0.isExplicit })
    }

    @Test func hiddenEntriesCanBeIncluded() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        for name in [".hidden/g.md", ".h.md", "a.md"] { try tree.file(name) }
        let result = FileDiscovery.collect(paths: [tree.root], options: .init(includeHidden: true))
        #expect(tree.relativePaths(result) == [".h.md", ".hidden/g.md", "a.md"])
    }

    @Test func pathsKeepTheFormTheyWereGivenIn() throws {
        let tree = try TemporaryTree()
        try tree.file("content/a.md")
        let withSlash = FileDiscovery.collect(paths: [tree.root + "/content/"])
        #expect(withSlash.files.map(\.path) == [tree.root + "/content/a.md"])
        let withDot = FileDiscovery.collect(paths: [tree.root + "/./content"])
        #expect(withDot.files.map(\.path) == [tree.root + "/./content/a.md"])
    }

    @Test func gitignoreRulesApplyInsideACheckout() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git/info")
        try tree.file(".git/info/exclude", "# local only\nfrom-info.md\n")
        try tree.file(".gitignore", """
            # generated
            *.tmp.md
            /build/
            notes.md/
            ignored/
            !ignored/keep.md
            \\#hash.md
            trailing.md   \n
            """)
        try tree.file("content/.gitignore", "secret*.md\n!secret-ok.md\n/local.md\r\n")
        let files = [
            "a.md", "x.tmp.md", "from-info.md", "#hash.md", "trailing.md",
            "build/a.md", "sub/build/b.md",
            "notes.md", "other/notes.md/z.md",
            "ignored/keep.md",
            "content/secret1.md", "content/secret-ok.md", "content/local.md",
            "content/x/local.md", "content/x/secret2.md",
        ]
        for name in files { try tree.file(name) }

        let result = FileDiscovery.collect(paths: [tree.root])
        #expect(tree.relativePaths(result) == [
            "a.md", "content/secret-ok.md", "content/x/local.md", "notes.md", "sub/build/b.md",
        ])

        let ignoring = FileDiscovery.collect(paths: [tree.root], options: .init(respectGitignore: false))
        #expect(ignoring.files.count == files.count)
    }

    @Test func rulesFromAboveApplyWhenTheWalkStartsInASubdirectory() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        try tree.file(".gitignore", "*.tmp.md\ncontent/drafts/\n")
        try tree.file("content/.gitignore", "local.md\n")
        for name in ["content/posts/a.md", "content/posts/b.tmp.md", "content/posts/local.md", "content/drafts/c.md"] {
            try tree.file(name)
        }
        let result = FileDiscovery.collect(paths: [tree.path("content/posts")])
        #expect(tree.relativePaths(result) == ["content/posts/a.md"])
        let drafts = FileDiscovery.collect(paths: [tree.path("content")])
        #expect(tree.relativePaths(drafts) == ["content/posts/a.md"])
        // Named explicitly, an ignored directory is walked.
        let named = FileDiscovery.collect(paths: [tree.path("content/drafts")])
        #expect(tree.relativePaths(named) == ["content/drafts/c.md"])
    }

    @Test func gitFileMarksALinkedWorktree() throws {
        let tree = try TemporaryTree()
        try tree.directory("main.git/worktrees/wt")
        try tree.file("main.git/info/exclude", "private.md\n")
        try tree.file("main.git/worktrees/wt/commondir", "../..\n")
        try tree.file("wt/.git", "gitdir: \(tree.path("main.git/worktrees/wt"))\n")
        try tree.file("wt/.gitignore", "*.tmp.md\n")
        for name in ["wt/a.md", "wt/b.tmp.md", "wt/private.md"] { try tree.file(name) }
        let result = FileDiscovery.collect(paths: [tree.path("wt")])
        #expect(tree.relativePaths(result) == ["wt/a.md"])
    }

    @Test func gitignoreMeansNothingOutsideACheckout() throws {
        let tree = try TemporaryTree()
        try tree.file(".gitignore", "*.md\n")
        try tree.file("a.md")
        #expect(tree.relativePaths(FileDiscovery.collect(paths: [tree.root])) == ["a.md"])
    }

    @Test func aNestedCheckoutHasItsOwnRules() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        try tree.file(".gitignore", "*.gen.md\n")
        try tree.directory("vendor/theme/.git")
        try tree.file("vendor/theme/.gitignore", "skip.md\n")
        for name in ["a.gen.md", "vendor/theme/b.gen.md", "vendor/theme/skip.md", "vendor/c.gen.md"] {
            try tree.file(name)
        }
        let result = FileDiscovery.collect(paths: [tree.root])
        #expect(tree.relativePaths(result) == ["vendor/theme/b.gen.md"])
    }

    @Test func excludedPathsAreSkippedWithEverythingBelow() throws {
        let tree = try TemporaryTree()
        for name in ["a.md", "drafts/b.md", "content/drafts/c.md", "content/old/x/d.md", "content/e.md"] {
            try tree.file(name)
        }
        let exclude = try PathPatterns(["drafts", "content/old/**"], baseDirectory: tree.root)
        var asked: [String] = []
        let result = FileDiscovery.collect(paths: [tree.root]) { path, isDirectory in
            asked.append(path)
            return exclude.matches(path, isDirectory: isDirectory)
        }
        #expect(tree.relativePaths(result) == ["a.md", "content/e.md"])
        #expect(!asked.contains(tree.path("drafts/b.md")), "nothing below an excluded directory is visited")
    }

    @Test func explicitFilesAreAlwaysIncluded() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        try tree.file(".gitignore", "ignored.md\n")
        for name in ["notes.txt", ".hidden.md", "ignored.md", "a.md"] { try tree.file(name) }
        let paths = ["notes.txt", ".hidden.md", "ignored.md"].map(tree.path)
        let result = FileDiscovery.collect(paths: paths) { _, _ in true }
        #expect(tree.relativePaths(result) == [".hidden.md", "ignored.md", "notes.txt"])
        #expect(result.files.allSatisfy { $0.isExplicit })
    }

    @Test func aMissingPathIsACommandLineError() throws {
        let tree = try TemporaryTree()
        try tree.file("a.md")
        let missing = tree.path("nope")
        let result = FileDiscovery.collect(paths: [tree.root, missing, tree.path("a.md/child")])
        #expect(tree.relativePaths(result) == ["a.md"])
        #expect(result.problems.map(\.kind) == [.notFound, .notFound])
        #expect(result.commandLineErrors.count == 2)
        #expect(result.problems.first?.description == "\(tree.path("a.md/child")): no such file or directory")
    }

    @Test func symbolicLinksDoNotHangTheWalkAndBrokenOnesAreReported() throws {
        let tree = try TemporaryTree()
        try tree.file("real/target.md")
        try tree.file("sub/e.md")
        try tree.symlink("loop", to: ".")
        try tree.symlink("sub/up", to: "..")
        try tree.symlink("linkdir", to: "sub")
        try tree.symlink("linked.md", to: "real/target.md")
        try tree.symlink("broken.md", to: "nowhere.md")
        try tree.symlink("self.md", to: "self.md")
        let result = FileDiscovery.collect(paths: [tree.root])
        #expect(tree.relativePaths(result) == ["linked.md", "real/target.md", "sub/e.md"])
        #expect(result.problems.map(\.path) == [tree.path("broken.md"), tree.path("self.md")])
        #expect(result.problems.map(\.kind) == [.brokenSymbolicLink, .symbolicLinkLoop])
        #expect(result.problems.allSatisfy { !$0.isCommandLineArgument })

        // A link named on the command line is followed, even to a directory.
        let named = FileDiscovery.collect(paths: [tree.path("linkdir"), tree.path("broken.md")])
        #expect(tree.relativePaths(named) == ["linkdir/e.md"])
        #expect(named.commandLineErrors.map(\.kind) == [.brokenSymbolicLink])
    }

    @Test func specialFilesAreNeverOpened() throws {
        let tree = try TemporaryTree()
        try tree.file("a.md")
        #expect(mkfifo(tree.path("pipe.md"), 0o644) == 0)
        let walked = FileDiscovery.collect(paths: [tree.root])
        #expect(tree.relativePaths(walked) == ["a.md"])
        #expect(walked.problems.isEmpty)
        let named = FileDiscovery.collect(paths: [tree.path("pipe.md")])
        #expect(named.files.isEmpty)
        #expect(named.problems.map(\.kind) == [.notARegularFile])
        #expect(named.problems.first?.reason.contains("FIFO") == true)
    }

    @Test func unreadableDirectoriesAreReportedAndTheWalkGoesOn() throws {
        guard geteuid() != 0 else { return } // root reads everything
        let tree = try TemporaryTree()
        try tree.file("a.md")
        try tree.file("locked/b.md")
        #expect(chmod(tree.path("locked"), 0) == 0)
        defer { chmod(tree.path("locked"), 0o755) }
        let result = FileDiscovery.collect(paths: [tree.root])
        #expect(tree.relativePaths(result) == ["a.md"])
        #expect(result.problems.map(\.kind) == [.unreadable])
    }

    @Test func resultsAreSortedByteWiseAndDeduplicated() throws {
        let tree = try TemporaryTree()
        for name in ["b.md", "B.md", "a/z.md", "a-b.md", "é.md", "z.md"] { try tree.file(name) }
        let once = FileDiscovery.collect(paths: [tree.root, tree.path("z.md"), tree.root + "/./z.md", tree.path("a")])
        #expect(tree.relativePaths(once) == ["B.md", "a-b.md", "a/z.md", "b.md", "z.md", "é.md"])
        #expect(once.files.first { $0.path.hasSuffix("/z.md") && !$0.path.hasSuffix("a/z.md") }?.isExplicit == true)
        let again = FileDiscovery.collect(paths: [tree.root])
        #expect(again.files.map(\.path) == once.files.map(\.path))
    }

    /// A walk hands on files and problems as it finds them, already in the order `collect` sorts them
    /// into: a directory's contents come at its name followed by `/`, a problem with the directory itself
    /// at its name.
    @Test func aWalkHandsThingsOnInByteWiseOrder() throws {
        let tree = try TemporaryTree()
        for name in ["a/x.md", "a-b/y.md", "a.d/q.md", "a.md", "a-c.md", "a0.md", "b/c/d.md", "b/c-x/e.md", "b.md",
                     "B.md", "é.md", "z/ s.md", "z/1.md", "z.md"] {
            try tree.file(name)
        }
        try tree.symlink("a.broken.md", to: "nowhere.md")
        try tree.symlink("a/loop.md", to: "loop.md")
        var streamed: [String] = []
        FileDiscovery.walk(path: tree.root) { item in
            switch item {
            case .file(let file): streamed.append(file.path)
            case .problem(let problem): streamed.append(problem.path)
            }
        }
        let collected = FileDiscovery.collect(paths: [tree.root])
        let sorted = (collected.files.map(\.path) + collected.problems.map(\.path)).sorted { PathNames.precedesBytewise($0, $1) }
        #expect(streamed == sorted)
        #expect(collected.problems.count == 2)
    }

    @Test func theMarkdownTestLooksOnlyAtTheExtension() {
        func check(_ name: String) -> Bool {
            Array(name.utf8).withUnsafeBufferPointer { FileDiscovery.isMarkdown($0) }
        }
        #expect(check("a.md") && check("a.MD") && check("a.Markdown") && check("x.y.md"))
        #expect(!check("md") && !check("a.mdx") && !check("a.md.bak") && !check("amd") && !check(".md"))
    }

    /// Several paths are walked in turn only when that gives what `collect` gives: in the order of their
    /// keys (a directory's `path/`, a file's path), and not at all when one may be inside another.
    @Test func pathsThatDoNotOverlapAreWalkedInTurn() throws {
        let tree = try TemporaryTree()
        for name in ["a/x.md", "a-b/x.md", "b/x.md", "a.md", "ab/x.md"] { try tree.file(name) }
        try tree.symlink("link", to: tree.path("a"))
        let r = tree.root
        // '-' < '.' < '/' byte-wise: `a-b/…` before `a.md` before `a/…`.
        #expect(FileDiscovery.orderForWalkingInTurn(["\(r)/b", "\(r)/a.md", "\(r)/a/", "\(r)/a-b", "\(r)/nope.md"])
                == ["\(r)/a-b", "\(r)/a.md", "\(r)/a/", "\(r)/b", "\(r)/nope.md"])
        #expect(FileDiscovery.orderForWalkingInTurn(["\(r)/ab", "\(r)/a"]) == ["\(r)/a", "\(r)/ab"])
        for overlapping in [
            ["\(r)/a", "\(r)/a/x.md"],          // a file inside a directory
            ["\(r)/a", "\(r)/./a"],             // the same directory, spelt twice
            ["\(r)/a.md", "\(r)//a.md"],        // the same file, spelt twice
            ["\(r)/a", "\(r)/a/../b"],          // under `a/` as text, though not as a path
            ["\(r)/b/../a/", "\(r)/a-b", "\(r)/a"],
            ["\(r)", "\(r)/ab"],                // a directory inside another
            ["\(r)/link", "\(r)/b"],            // a directory named through a symbolic link
            ["/", "\(r)/a"],
        ] {
            #expect(FileDiscovery.orderForWalkingInTurn(overlapping) == nil, "\(overlapping)")
        }
    }
}
