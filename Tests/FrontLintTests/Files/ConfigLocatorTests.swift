import Foundation
import Testing
@testable import FrontLint

@Suite struct ConfigLocatorTests {
    @Test func findsTheNearestConfigAndStopsAtTheCheckoutRoot() throws {
        let tree = try TemporaryTree()
        try tree.file(".frontlint.yml", "outside: true\n") // above the checkout: never used
        try tree.directory("site/.git")
        try tree.file("site/.frontlint.yml")
        try tree.file("site/content/.frontlint.yaml")
        try tree.file("site/content/posts/a.md")
        try tree.file("site/other/b.md")
        try tree.directory("bare/.git")
        try tree.file("bare/deep/c.md")

        let locator = ConfigLocator()
        #expect(locator.configFile(for: tree.path("site/content/posts/a.md")) == tree.path("site/content/.frontlint.yaml"))
        #expect(locator.configFile(for: tree.path("site/other/b.md")) == tree.path("site/.frontlint.yml"))
        #expect(locator.configFile(for: tree.path("site/a.md")) == tree.path("site/.frontlint.yml"))
        #expect(locator.configFile(for: tree.path("bare/deep/c.md")) == nil)
        // Outside any checkout the search goes up to `/`, passing the tree root's config.
        try tree.file("loose/d.md")
        #expect(locator.configFile(for: tree.path("loose/d.md")) == tree.path(".frontlint.yml"))
    }

    @Test func ymlWinsOverYamlAndDirectoriesDoNotCount() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        try tree.file(".frontlint.yml")
        try tree.file(".frontlint.yaml")
        try tree.directory("sub/.frontlint.yml")
        let locator = ConfigLocator()
        #expect(locator.configFile(for: tree.path("a.md")) == tree.path(".frontlint.yml"))
        #expect(locator.configFile(for: tree.path("sub/a.md")) == tree.path(".frontlint.yml"))
    }

    @Test func answersAreCachedPerDirectory() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        try tree.file("content/a.md")
        let locator = ConfigLocator()
        #expect(locator.configFile(for: tree.path("content/a.md")) == nil)
        try tree.file(".frontlint.yml")
        #expect(locator.configFile(for: tree.path("content/b.md")) == nil, "cached")
        locator.reset()
        #expect(locator.configFile(for: tree.path("content/b.md")) == tree.path(".frontlint.yml"))
    }

    @Test func relativePathsResolveAgainstTheWorkingDirectory() throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        try tree.file(".frontlint.yml")
        try tree.file("content/a.md")
        let locator = ConfigLocator(workingDirectory: tree.path("content"))
        #expect(locator.configFile(for: "a.md") == tree.path(".frontlint.yml"))
        #expect(locator.configFile(for: "./a.md") == tree.path(".frontlint.yml"))
    }

    @Test func manyThreadsCanAskAtOnce() async throws {
        let tree = try TemporaryTree()
        try tree.directory(".git")
        try tree.file(".frontlint.yml")
        let locator = ConfigLocator()
        let expected = tree.path(".frontlint.yml")
        let root = tree.root
        let answers = await withTaskGroup(of: String?.self) { group in
            for i in 0..<200 {
                group.addTask { locator.configFile(for: root + "/d\(i % 7)/e\(i % 3)/x.md") }
            }
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(answers.allSatisfy { $0 == expected })
    }
}
