import Testing
@testable import FrontLint

/// `severity:` in `overrides` (or at the top level) caps how serious any finding in those files is.
@Suite struct SeverityCapTests {
    let configuration = """
        fields:
          title: {required: true}
        overrides:
          - files: ["content/drafts/**"]
            severity: warning

        """

    func severities(path: String) throws -> [String] {
        try Linter.lint(text: "---\ntitle: x\ntitle: z\n---\n", path: path, configuration: configuration)
            .diagnostics.map { "\($0.rule) \($0.severity.rawValue)" }
    }

    @Test func errorsInMatchingFilesBecomeWarnings() throws {
        #expect(try severities(path: "content/drafts/a.md") == ["key-duplicate warning"])
        #expect(try severities(path: "content/posts/a.md") == ["key-duplicate error"])
    }

    @Test func anUnknownSeverityIsAConfigurationError() {
        #expect(throws: ConfigurationError.self) {
            _ = try ConfigurationLoader.load(source: SourceFile(path: "<t>", text: "overrides:\n  - files: [a]\n    severity: warn\n"), directory: ".")
        }
    }
}
