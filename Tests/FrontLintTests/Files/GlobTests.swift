import Testing
@testable import FrontLint

@Suite struct GlobTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let pattern: String
        let path: String
        let isDirectory: Bool
        let expected: Bool
        init(_ pattern: String, _ path: String, directory: Bool = false, _ expected: Bool) {
            self.pattern = pattern
            self.path = path
            self.isDirectory = directory
            self.expected = expected
        }
        var testDescription: String { "\(pattern) ~ \(path)\(isDirectory ? "/" : "") → \(expected)" }
    }

    static let cases: [Case] = [
        // Basename patterns match at any depth.
        Case("*.md", "a.md", true),
        Case("*.md", "content/posts/a.md", true),
        Case("*.md", "a.markdown", false),
        Case("*.md", "a.md/b.txt", false),
        Case("drafts", "drafts", directory: true, true),
        Case("drafts", "content/drafts", directory: true, true),
        Case("drafts", "content/drafts.md", false),
        Case("*", "a/b/c", true),
        // `*` and `?` never cross a slash.
        Case("content/*.md", "content/a.md", true),
        Case("content/*.md", "content/posts/a.md", false),
        Case("a?c", "abc", true),
        Case("a?c", "ac", false),
        Case("a/?/c", "a/b/c", true),
        Case("a?b", "a/b", false),
        Case("?", "é", true),
        Case("??", "é", false),
        Case("*[!é]", "é", false),
        // Anchoring: a slash at the start or in the middle.
        Case("/a.md", "a.md", true),
        Case("/a.md", "x/a.md", false),
        Case("content/a.md", "content/a.md", true),
        Case("content/a.md", "x/content/a.md", false),
        // `**`.
        Case("content/**", "content/a.md", true),
        Case("content/**", "content/x/y/a.md", true),
        Case("content/**", "content", directory: true, false),
        Case("**/drafts/*.md", "drafts/a.md", true),
        Case("**/drafts/*.md", "x/y/drafts/a.md", true),
        Case("**/drafts/*.md", "x/drafts/y/a.md", false),
        Case("a/**/b", "a/b", true),
        Case("a/**/b", "a/x/b", true),
        Case("a/**/b", "a/x/y/z/b", true),
        Case("a/**/b", "a/x/y/z/c", false),
        Case("a/**/b", "b/a/x/b", false),
        Case("**/*.md", "a.md", true),
        Case("a/**/**/b", "a/b", true),
        Case("a**b", "axxb", true),
        Case("a**b", "ax/xb", false),
        Case("**", "any/thing", true),
        // Classes.
        Case("[abc].md", "b.md", true),
        Case("[abc].md", "d.md", false),
        Case("[!a-z].md", "A.md", true),
        Case("[!a-z].md", "q.md", false),
        Case("[^0-9]x", "ax", true),
        Case("[]]", "]", true),
        Case("[a-]", "-", true),
        Case("[[:digit:]][[:upper:]]", "7Q", true),
        Case("[[:digit:]][[:upper:]]", "7q", false),
        Case("[é-ë]", "ê", true),
        // Escapes.
        Case("\\*.md", "*.md", true),
        Case("\\*.md", "a.md", false),
        Case("a\\[b", "a[b", true),
        // Alternation.
        Case("*.{md,markdown}", "x/a.markdown", true),
        Case("*.{md,markdown}", "a.txt", false),
        Case("{content,docs}/**/*.md", "docs/x/a.md", true),
        Case("{content,docs}/**/*.md", "blog/x/a.md", false),
        Case("{drafts,content/old}", "x/drafts", directory: true, true),
        Case("{drafts,content/old}", "x/content/old", directory: true, false),
        Case("a{b,{c,d}e}", "ade", true),
        Case("{a}", "{a}", true),
        // Directory-only patterns.
        Case("drafts/", "drafts", directory: true, true),
        Case("drafts/", "drafts", directory: false, false),
        Case("content/drafts/", "content/drafts", directory: true, true),
        // The path's `./` prefix and trailing slash do not matter.
        Case("content/*.md", "./content/a.md", true),
        Case("drafts", "drafts/", directory: true, true),
        // Pathological backtracking stays fast (and correct).
        Case("a*a*a*a*a*b", String(repeating: "a", count: 10_000), false),
        Case("a*a*a*a*a*b", String(repeating: "a", count: 10_000) + "b", true),
        Case("**/a*a*a*a*b", String(repeating: "a/", count: 200) + String(repeating: "a", count: 200), false),
        Case("a/**/a/**/a/**/b", String(repeating: "a/", count: 300) + "c", false),
    ]

    @Test(arguments: cases)
    func matches(_ c: Case) throws {
        let glob = try Glob(c.pattern)
        #expect(glob.matches(c.path, isDirectory: c.isDirectory) == c.expected)
    }

    @Test func aDirectoryPatternCoversEverythingBelow() throws {
        let glob = try Glob("drafts")
        #expect(glob.matchesSelfOrAncestor("content/drafts/2024/a.md"))
        #expect(!glob.matchesSelfOrAncestor("content/drafts.md"))
        let anchored = try Glob("content/old/")
        #expect(anchored.matchesSelfOrAncestor("content/old/a.md"))
        #expect(!anchored.matchesSelfOrAncestor("x/content/old/a.md"))
    }

    @Test(arguments: ["", "/", "[abc", "a\\", "{a,b", "[z-a]", "[[:nope:]]"])
    func invalidPatternsAreRefused(_ pattern: String) {
        #expect(throws: GlobError.self) { try Glob(pattern) }
    }

    @Test func bracesAreLiteralWithoutAlternation() throws {
        let glob = try Glob("{a,b}", braces: false)
        #expect(glob.matches("{a,b}"))
        #expect(!glob.matches("a"))
    }

    @Test func braceExplosionIsRefused() {
        #expect(throws: GlobError.self) { try Glob(String(repeating: "{a,b}", count: 10)) }
    }
}
