import Foundation
import Testing
@testable import FrontLint

private func load(_ text: String) throws(ConfigurationError) -> Configuration {
    try ConfigurationLoader.load(source: SourceFile(path: ".frontlint.yml", text: text), directory: "/site")
}

private func loadError(_ text: String) -> ConfigurationError? {
    do {
        _ = try load(text)
        return nil
    } catch {
        return error
    }
}

@Suite struct ConfigurationLoaderTests {
    @Test func presetsMergeAndTheFileWins() throws {
        let config = try load("extends: [mainroad]\nfields:\n  title: {required: true}\n")
        #expect(config.presets == ["default", "hugo", "mainroad"])
        let title = try #require(config.base.fields["title"])
        #expect(title.types == [.string])
        #expect(title.required == true)
        #expect(config.base.fields["widgets"] != nil)
        #expect(config.base.unknownKeys == .warning)
    }

    @Test func everyPresetLoads() throws {
        for name in Presets.names {
            let config = try load("extends: [\(name)]\n")
            #expect(config.presets.last == name)
        }
    }

    @Test func unknownTopLevelKeyHasADidYouMeanAndPosition() throws {
        let error = try #require(loadError("extends: [hugo]\nrequire-frontmatter: true\n"))
        #expect(error.message.contains("did you mean `require-front-matter`?"))
        #expect(error.position?.line == 2)
        #expect(error.position?.column == 1)
        #expect(error.description.hasPrefix(".frontlint.yml:2:1: "))
    }

    @Test func unknownRuleAndLevel() throws {
        let rule = try #require(loadError("rules:\n  key-duplicat: off\n"))
        #expect(rule.message.contains("did you mean `key-duplicate`?"))
        #expect(rule.position?.line == 2)
        let level = try #require(loadError("rules:\n  key-duplicate: warn\n"))
        #expect(level.message.contains("did you mean `warning`?"))
        #expect(level.position?.column == 18)
    }

    @Test func unknownPresetAndSchemaKeyword() throws {
        let preset = try #require(loadError("extends: [mainraod]\n"))
        #expect(preset.message.contains("did you mean `mainroad`?"))
        let keyword = try #require(loadError("fields:\n  title: {requird: true}\n"))
        #expect(keyword.message.contains("did you mean `required`?"))
        #expect(keyword.position?.line == 2)
        let type = try #require(loadError("fields:\n  title: {type: strng}\n"))
        #expect(type.message.contains("did you mean `string`?"))
    }

    @Test func yamlErrorsInTheConfigurationArePositioned() throws {
        let error = try #require(loadError("fields:\n  title: {type: string\n"))
        #expect(error.position?.line == 3)
        #expect(error.file == ".frontlint.yml")
    }

    @Test func duplicateKeysInTheConfigurationAreErrors() throws {
        let error = try #require(loadError("exclude: [a]\nexclude: [b]\n"))
        #expect(error.message.contains("set twice"))
        #expect(error.position?.line == 2)
    }

    @Test func rulesTakeLevelsOrMappings() throws {
        let config = try load("rules:\n  key-duplicate: warning\n  yaml-syntax: {severity: off}\n  field-required: false\n")
        #expect(config.base.rules["key-duplicate"]?.level == .warning)
        #expect(config.base.rules["yaml-syntax"]?.level == .off)
        #expect(config.base.rules["field-required"]?.level == .off)
        let settings = try LintSettings(layer: config.base)
        let ids = settings.rules.map { type(of: $0.rule).description.id }
        #expect(!ids.contains("yaml-syntax"))
        #expect(settings.rules.first { type(of: $0.rule).description.id == "key-duplicate" }?.severity == .warning)
    }

    @Test func unknownRuleOptionIsAnError() throws {
        let error = try #require(loadError("rules:\n  key-duplicate: {severity: error, depth: 3}\n"))
        #expect(error.message.contains("has no option `depth`"))
    }

    @Test func overridesApplyByGlob() throws {
        let config = try load("""
            fields:
              date: {required: true}
            overrides:
              - files: ["content/pages/**"]
                fields: {date: {required: false}}
            """)
        #expect(config.layer(forRelativePath: "content/pages/about.md").fields["date"]?.required == false)
        #expect(config.layer(forRelativePath: "content/posts/a.md").fields["date"]?.required == true)
        #expect(config.relativePath(of: "/site/content/pages/x.md") == "content/pages/x.md")
    }

    @Test func overrideWithoutFilesIsAnError() throws {
        let error = try #require(loadError("overrides:\n  - fields: {}\n"))
        #expect(error.message.contains("needs `files:`"))
    }

    @Test func selectionValidatesNames() {
        #expect(throws: ConfigurationError.self) { try RuleSelection(select: ["yaml-syntx"]).validate() }
        #expect(throws: Never.self) { try RuleSelection(select: ["yaml-syntax", "yaml"]).validate() }
    }

    @Test func embeddedPresetsMatchTheFilesInRules() throws {
        for name in Presets.names {
            let url = TestPaths.repositoryRoot.appendingPathComponent("rules/\(name).yml")
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(Presets.source(named: name) == text, "rules/\(name).yml changed: run scripts/embed-presets")
        }
    }
}

/// Options are checked whether or not their rule is on.
@Suite struct RuleOptionValidationTests {
    @Test func aBadOptionOfARuleThatIsOffIsStillAnError() throws {
        let config = try ConfigurationLoader.load(
            source: SourceFile(path: ".frontlint.yml", text: "rules:\n  heading-max-depth: {severity: off, max: 9}\n"),
            directory: "/site")
        #expect(throws: ConfigurationError.self) { try LintSettings(layer: config.base) }
        let good = try ConfigurationLoader.load(
            source: SourceFile(path: ".frontlint.yml", text: "rules:\n  heading-max-depth: {severity: off, max: 4}\n"),
            directory: "/site")
        #expect(throws: Never.self) { try LintSettings(layer: good.base) }
    }
}
