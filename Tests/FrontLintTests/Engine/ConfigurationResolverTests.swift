import Foundation
import Testing
@testable import FrontLint

/// Which configuration applies where, and what it excludes, answered from the directory of each path.
@Suite struct ConfigurationResolverTests {
    /// `site` excludes drafts and `*.tmp.md`; `site/subA` has a configuration of its own with no
    /// `exclude`; `site/subB` has none and inherits the site's; `site/over` has overrides for `old/**`;
    /// `site/bad` has a configuration that cannot be loaded.
    func makeSite() throws -> (TemporaryTree, String) {
        let tree = try TemporaryTree()
        try tree.file("site/.frontlint.yml", "exclude: [\"drafts\", \"*.tmp.md\"]\n")
        try tree.file("site/subA/.frontlint.yml", "fields: {title: {required: true}}\n")
        try tree.file("site/subB/page.md")
        try tree.file("site/over/.frontlint.yml", "overrides:\n  - files: [\"old/**\"]\n    severity: warning\n")
        try tree.file("site/bad/.frontlint.yml", "exclude: [\"[\"]\n")
        return (tree, tree.path("site"))
    }

    @Test func exclusionFollowsTheNearestConfiguration() throws {
        let (tree, site) = try makeSite()
        _ = tree
        let resolver = try ConfigurationResolver(configPath: nil, selection: RuleSelection())
        // Asked in turn about directories of the same length, so that an answer kept for one is never
        // taken for the other.
        for _ in 0..<2 {
            #expect(try resolver.isExcluded(path: site + "/a.tmp.md", isDirectory: false))
            #expect(try !resolver.isExcluded(path: site + "/a.md", isDirectory: false))
            #expect(try resolver.isExcluded(path: site + "/drafts", isDirectory: true))
            #expect(try resolver.isExcluded(path: site + "/drafts/x.md", isDirectory: false))
            #expect(try !resolver.isExcluded(path: site + "/subA", isDirectory: true))
            #expect(try !resolver.isExcluded(path: site + "/subA/a.tmp.md", isDirectory: false))
            #expect(try resolver.isExcluded(path: site + "/subB/a.tmp.md", isDirectory: false))
            #expect(try !resolver.isExcluded(path: site + "/subA/x.md", isDirectory: false))
            #expect(try resolver.mayExcludeFiles(withPrefix: site + "/"))
            #expect(try !resolver.mayExcludeFiles(withPrefix: site + "/subA/"))
            #expect(try resolver.mayExcludeFiles(withPrefix: site + "/subB/"))
        }
    }

    @Test func settingsAreSharedByADirectoryUnlessOverridesApply() throws {
        let (tree, site) = try makeSite()
        _ = tree
        let resolver = try ConfigurationResolver(configPath: nil, selection: RuleSelection())
        let first = try resolver.settings(forFile: site + "/subA/one.md")
        let second = try resolver.settings(forFile: site + "/subA/two.md")
        #expect(first.sameForDirectory && second.sameForDirectory)
        #expect(first.settings === second.settings)
        #expect(first.settings === (try resolver.resolve(filePath: site + "/subA/three.md").settings))
        #expect(first.settings.requiredFields == ["title"])

        let plain = try resolver.settings(forFile: site + "/over/new.md")
        let old = try resolver.settings(forFile: site + "/over/old/page.md")
        #expect(!plain.sameForDirectory && !old.sameForDirectory)
        #expect(plain.settings !== old.settings)
        #expect(old.settings.layer.severityCap == .warning && plain.settings.layer.severityCap == nil)
    }

    @Test func aBrokenConfigurationIsAnErrorEveryTimeItIsAsked() throws {
        let (tree, site) = try makeSite()
        _ = tree
        let resolver = try ConfigurationResolver(configPath: nil, selection: RuleSelection())
        for _ in 0..<2 {
            #expect(throws: ConfigurationError.self) { try resolver.mayExcludeFiles(withPrefix: site + "/bad/") }
            #expect(throws: ConfigurationError.self) { try resolver.isExcluded(path: site + "/bad/a.md", isDirectory: false) }
            #expect(throws: ConfigurationError.self) { try resolver.settings(forFile: site + "/bad/a.md") }
            #expect(try !resolver.isExcluded(path: site + "/subA/a.md", isDirectory: false))
        }
    }
}
