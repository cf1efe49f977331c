import Testing
@testable import FrontLint

/// The messages of `yaml-ambiguous-scalar` name the readers that read a value each way, and only those.
@Suite struct YAMLAmbiguousScalarRuleTests {
    /// The rule's messages for `key: value`, one per ambiguous value, in order.
    func messages(_ front: String) throws -> [String] {
        let config = try ConfigurationLoader.load(source: SourceFile(path: "c.yml", text: "{}\n"), directory: ".")
        let settings = try LintSettings(layer: config.base, selection: RuleSelection(select: ["yaml-ambiguous-scalar"]))
        let result = Linter.lint(SourceFile(path: "a.md", text: "---\n\(front)---\n"), settings: settings)
        return result.diagnostics.map(\.message)
    }

    /// Jekyll (Ruby's Psych) and PyYAML read `yes`, `On` and `1:20` as YAML 1.1 has it.
    @Test func yaml11WordsAndNumbersNameJekyllAndPyYAML() throws {
        #expect(try messages("a: yes\nb: On\nc: 1:20\n") == [
            "`yes` is the string \"yes\" for Hugo, but YAML 1.1 readers (Jekyll, PyYAML) read the boolean true",
            "`On` is the string \"On\" for Hugo, but YAML 1.1 readers (Jekyll, PyYAML) read the boolean true",
            "`1:20` is the string \"1:20\" for Hugo, but YAML 1.1 readers (Jekyll, PyYAML) read the integer 80",
        ])
    }

    /// `y` and `n` are in YAML 1.1's list of booleans, but Jekyll and PyYAML read them as strings, as Hugo
    /// does (PyYAML 6 measured: `y` → 'y'; Psych's scanner matches only yes/true/on and no/false/off).
    @Test func oneLetterBooleansNameTheReadersThatFollowTheList() throws {
        #expect(try messages("a: y\nb: N\n") == [
            "`y` is the string \"y\" for Hugo, Jekyll and PyYAML, but readers that follow YAML 1.1 to the letter (Go's yaml.v2, for one) read the boolean true",
            "`N` is the string \"N\" for Hugo, Jekyll and PyYAML, but readers that follow YAML 1.1 to the letter (Go's yaml.v2, for one) read the boolean false",
        ])
    }

    /// YAML 1.2 readers are named when they differ from both Hugo and YAML 1.1.
    @Test func yaml12ReadersAreNamedWhenTheyDiffer() throws {
        #expect(try messages("mode: 0777\n") == ["`0777` is the integer 511 for Hugo, but YAML 1.2 readers read the integer 777"])
    }
}
