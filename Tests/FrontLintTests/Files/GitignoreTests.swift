import Testing
@testable import FrontLint

@Suite struct GitignoreTests {
    private func ignored(_ rules: String, _ path: String, directory: Bool = false) -> Bool {
        var stack = IgnoreStack(infoExclude: [])
        stack.push(GitignoreRule.parse(rules))
        var components = path.split(separator: "/").map { Array($0.utf8) }
        let name = components.removeLast()
        for component in components {
            _ = component.withUnsafeBufferPointer { stack.enter($0) }
        }
        return name.withUnsafeBufferPointer { stack.isIgnored($0, isDirectory: directory) }
    }

    @Test func linesFollowGitsReadingRules() {
        let rules = GitignoreRule.parse("\u{FEFF}# comment\n\n\\#lit\n\\!bang\nspace\\ \ntrail   \n!neg\r\n*.log\n[unclosed\n")
        #expect(rules.map(\.glob.pattern) == ["\\#lit", "\\!bang", "space\\ ", "trail", "neg", "*.log"])
        #expect(rules.map(\.negated) == [false, false, false, false, true, false])
        #expect(ignored("\\#lit\n", "#lit"))
        #expect(ignored("space\\ \n", "space "))
        #expect(!ignored("space\\ \n", "space"))
    }

    @Test func theLastMatchingLineWins() {
        #expect(!ignored("*.md\n!keep.md\n", "keep.md"))
        #expect(ignored("!keep.md\n*.md\n", "keep.md"))
        #expect(ignored("*.md\n!keep.md\n", "other.md"))
    }

    @Test func anchoringAndDirectoryOnly() {
        #expect(ignored("/build\n", "build", directory: true))
        #expect(!ignored("/build\n", "src/build", directory: true))
        #expect(ignored("build/\n", "src/build", directory: true))
        #expect(!ignored("build/\n", "src/build"))
        #expect(ignored("doc/*.md\n", "doc/a.md"))
        #expect(!ignored("doc/*.md\n", "x/doc/a.md"))
        #expect(ignored("**/doc/*.md\n", "x/doc/a.md"))
    }

    @Test func deeperFilesOverrideShallowerOnes() {
        var stack = IgnoreStack(infoExclude: GitignoreRule.parse("*.md\n"))
        stack.push(GitignoreRule.parse("!a.md\n"))
        let name = Array("a.md".utf8)
        #expect(!name.withUnsafeBufferPointer { stack.isIgnored($0, isDirectory: false) })
        let sub = Array("sub".utf8)
        _ = sub.withUnsafeBufferPointer { stack.enter($0) }
        stack.push(GitignoreRule.parse("a.md\n"))
        #expect(name.withUnsafeBufferPointer { stack.isIgnored($0, isDirectory: false) })
    }

    @Test func pathArithmetic() {
        #expect(PathNames.normalize("./a//b/../c/.") == "a/c")
        #expect(PathNames.normalize("/../x") == "/x")
        #expect(PathNames.normalize("../x") == "../x")
        #expect(PathNames.normalize("./") == ".")
        #expect(PathNames.absolute("x/y", base: "/w") == "/w/x/y")
        #expect(PathNames.relative("/w/x/y", to: "/w") == "x/y")
        #expect(PathNames.relative("/wx/y", to: "/w") == nil)
        #expect(PathNames.relative("/a", to: "/") == "a")
        #expect(PathNames.parent("/a/b") == "/a")
        #expect(PathNames.parent("/a") == "/")
    }

    @Test func configPatternsAreRelativeToTheirDirectory() throws {
        let patterns = try PathPatterns(["drafts", "content/old/", "*.tmp.md"], baseDirectory: "/site")
        #expect(patterns.matches("/site/content/drafts/2024/a.md"))
        #expect(patterns.matches("/site/content/old/a.md"))
        #expect(!patterns.matches("/site/x/content/old/a.md"))
        #expect(patterns.matches("/site/a.tmp.md"))
        #expect(!patterns.matches("/elsewhere/drafts/a.md"))
        #expect(!patterns.matches("/site"))
    }
}

@Suite struct PathNamesTests {
    @Test(arguments: [
        ("/a/b", "/a/b"), ("/", "/"), (".", "."), ("a", "a"), ("a/", "a"), ("a//b", "a/b"), ("/a/./b", "/a/b"),
        ("a/..", "."), ("../a", "../a"), ("./a", "a"), ("/a/b/..", "/a"), ("..", ".."), ("/a/.b/..c", "/a/.b/..c"),
        ("//a", "/a"), ("a/.", "a"),
    ])
    func normalize(_ input: String, _ expected: String) {
        #expect(PathNames.normalize(input) == expected)
    }
}
