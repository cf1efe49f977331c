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

    /// Jekyll and PyYAML read `yes` and `On` as YAML 1.1 has it.
    @Test func yaml11WordsNameJekyllAndPyYAML() throws {
        #expect(try messages("a: yes\nb: On\n") == [
            "`yes` is the string \"yes\" for Hugo, but YAML 1.1 readers (Jekyll, PyYAML) read the boolean true",
            "`On` is the string \"On\" for Hugo, but YAML 1.1 readers (Jekyll, PyYAML) read the boolean true",
        ])
    }

    /// PyYAML reads `1:20` as 80 (measured, PyYAML 6), as YAML 1.1 says; Ruby's Psych sums the parts as hours
    /// and minutes (`n * 60 ** (e - 2).abs`), 4800, so the message does not name Jekyll for base 60.
    @Test func baseSixtyNamesPyYAMLOnly() throws {
        #expect(try messages("c: 1:20\n") == [
            "`1:20` is the string \"1:20\" for Hugo, but YAML 1.1 readers such as PyYAML read the integer 80",
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
