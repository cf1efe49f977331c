import Testing
@testable import FrontLint

/// `LintSettings.copy()`: what each lint thread besides the main one works with.
@Suite struct LintSettingsCopyTests {
    let configuration = """
        extends: [mainroad]
        unknown-keys: warning
        fields:
          slug: {type: string, pattern: "^[a-z-]+$"}
        rules:
          heading-increment: off
        """

    func settings(selection: RuleSelection = RuleSelection()) throws -> LintSettings {
        let config = try ConfigurationLoader.load(
            source: SourceFile(path: "<test configuration>", text: configuration), directory: "/site")
        return try LintSettings(layer: config.layer(forRelativePath: "content/post.md"), selection: selection,
                                projectRoot: "/site")
    }

    /// The copy shares none of the objects whose reference counts a file updates: not the settings, not a
    /// field's compiled plan.
    @Test func sharesNoPlan() throws {
        let original = try settings()
        let copy = original.copy()
        #expect(copy !== original)
        #expect(copy.fields.map(\.name) == original.fields.map(\.name))
        #expect(!copy.fields.isEmpty)
        for (mine, theirs) in zip(copy.fields, original.fields) { #expect(mine.plan !== theirs.plan) }
    }

    /// The copy is the same settings: the same rules at the same severities (the command line's selection
    /// included), the same fields, the same project root, and the same findings on a file.
    @Test func sameSettings() throws {
        let selection = RuleSelection(ignore: ["date-future"], enable: ["suppression-unused"])
        let original = try settings(selection: selection)
        let copy = original.copy()
        #expect(copy.rules.map(\.id) == original.rules.map(\.id))
        #expect(copy.rules.map(\.severity) == original.rules.map(\.severity))
        #expect(!copy.rules.map(\.id).contains("date-future"))
        #expect(copy.rules.map(\.id).contains("suppression-unused"))
        #expect(copy.requiredFields == original.requiredFields)
        #expect(copy.projectRoot == original.projectRoot)
        let text = "---\ntitle: Hi\ndate: 2025-02-30\nslug: Not_A_Slug\ntumbnail: x.png\n---\n# A\n### B\n"
        let source = SourceFile(path: "content/post.md", text: text)
        let expected = Linter.lint(source, settings: original).diagnostics
        #expect(expected.count >= 3)
        #expect(Linter.lint(source, settings: copy).diagnostics == expected)
    }
}
