import Foundation
import Testing
@testable import FrontLint

/// A rule example with its `↓` markers taken out: the text to lint and where diagnostics must start.
struct MarkedExample: CustomTestStringConvertible {
    let rule: String
    let text: String
    let configuration: String?
    let expected: [Position]
    let isTriggering: Bool

    init(rule: String, example: RuleExample, isTriggering: Bool) {
        self.rule = rule
        self.configuration = example.configuration
        self.isTriggering = isTriggering
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        let marker = Array(String(RuleExample.marker).utf8)
        let raw = Array(example.text.utf8)
        var i = 0
        while i < raw.count {
            if raw[i...].starts(with: marker) {
                offsets.append(bytes.count)
                i += marker.count
            } else {
                bytes.append(raw[i])
                i += 1
            }
        }
        self.text = String(decoding: bytes, as: UTF8.self)
        let source = SourceFile(path: "example.md", bytes: bytes)
        self.expected = offsets.map { source.position(atOffset: $0) }
    }

    var testDescription: String {
        "\(rule) \(isTriggering ? "triggering" : "non-triggering"): \(text.debugDescription)"
    }
}

private let allExamples: [MarkedExample] = RuleRegistry.all.flatMap { type -> [MarkedExample] in
    let description = type.description
    return description.triggering.map { MarkedExample(rule: description.id, example: $0, isTriggering: true) }
        + description.nonTriggering.map { MarkedExample(rule: description.id, example: $0, isTriggering: false) }
}

@Suite struct RuleExampleTests {
    /// Every rule's examples are tests: a triggering example is reported exactly at its markers, a
    /// non-triggering one not at all.
    @Test(arguments: allExamples)
    func example(_ example: MarkedExample) throws {
        let result = try Linter.lint(text: example.text, configuration: example.configuration,
                                     selection: RuleSelection(select: [example.rule]))
        let reported = result.diagnostics.filter { $0.rule == example.rule }.map(\.range.start)
        if example.isTriggering {
            #expect(!example.expected.isEmpty, "a triggering example needs a ↓ marker")
            #expect(reported.map(\.description) == example.expected.map(\.description),
                    "\(result.diagnostics.map { "\($0.range.start) \($0.message)" })")
        } else {
            #expect(reported.isEmpty, "\(result.diagnostics.map { "\($0.range.start) \($0.message)" })")
        }
    }

    @Test func everyRuleHasDocumentationAndExamples() {
        for type in RuleRegistry.all {
            let d = type.description
            #expect(!d.summary.isEmpty, "\(d.id) has no summary")
            #expect(!d.doc.whatItChecks.isEmpty && !d.doc.whyItMatters.isEmpty, "\(d.id) has no doc")
            #expect(!d.doc.example.isEmpty && !d.doc.useInstead.isEmpty, "\(d.id) has no doc example")
            #expect(!d.nonTriggering.isEmpty, "\(d.id) has no non-triggering example")
            // file-unreadable is raised by the runner about files it cannot read, which no text example shows.
            if d.id != "file-unreadable" {
                #expect(!d.triggering.isEmpty, "\(d.id) has no triggering example")
            }
        }
    }

    /// The engine does not ask a rule that reports only the schema validator's findings about a file in which
    /// the validator found nothing. Every `SchemaReporting` rule, and no other, must say that it is one, and
    /// each must indeed find nothing in such a file: checked over every rule's examples, with every rule on.
    @Test func rulesSkippedWhereTheSchemaValidatorFoundNothingFindNothingThere() throws {
        for type in RuleRegistry.all {
            #expect(type.reportsSchemaViolationsOnly == (type is any SchemaReporting.Type), "\(type.description.id)")
        }
        var asked = (clean: 0, withViolations: 0)
        for example in allExamples {
            let configuration = try ConfigurationLoader.load(
                source: SourceFile(path: "<example configuration>", text: example.configuration ?? "extends: [default]\n"),
                directory: ".")
            let settings = try LintSettings(layer: configuration.layer(forRelativePath: "example.md"),
                                            selection: RuleSelection(enable: RuleRegistry.ids))
            let context = LintContext(source: SourceFile(path: "example.md", text: example.text), settings: settings)
            for configured in settings.rules where configured.reportsSchemaViolationsOnly {
                let findings = configured.rule.check(context)
                if context.schemaReportHasViolations {
                    asked.withViolations += 1
                } else {
                    asked.clean += 1
                    #expect(findings.isEmpty, "\(configured.id) on \(example.testDescription)")
                }
            }
        }
        #expect(asked.clean > 0 && asked.withViolations > 0)
    }

    @Test func ruleIdsAreUniqueAndKebabCase() {
        let ids = RuleRegistry.ids
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id) is not kebab-case")
        }
    }

    /// A rule file that is not registered never runs: every `struct …: Rule` in Sources/FrontLint/Rules
    /// must be in the registry.
    @Test func everyRuleFileIsRegistered() throws {
        let rulesDirectory = TestPaths.repositoryRoot.appendingPathComponent("Sources/FrontLint/Rules")
        let enumerator = try #require(FileManager.default.enumerator(at: rulesDirectory, includingPropertiesForKeys: nil))
        var declared: Set<String> = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("public struct ") {
                if line.contains(": SimpleRule") || line.contains(": Rule") {
                    let name = line.dropFirst("public struct ".count).prefix { $0.isLetter || $0.isNumber }
                    declared.insert(String(name))
                }
            }
        }
        let registered = Set(RuleRegistry.all.map { String(describing: $0) })
        #expect(!declared.isEmpty)
        #expect(declared.subtracting(registered).isEmpty, "not registered: \(declared.subtracting(registered).sorted())")
    }
}
