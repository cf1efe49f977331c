import Foundation
import Testing
@testable import FrontLint

@Suite struct PresetTests {
    /// The presets embedded in the binary are the files in rules/: run scripts/embed-presets after editing one.
    @Test func embeddedPresetsMatchTheFilesInRules() throws {
        let directory = TestPaths.repositoryRoot.appendingPathComponent("rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yml") }.sorted()
        #expect(files.map { String($0.dropLast(4)) } == Presets.names.sorted())
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            #expect(Presets.source(named: String(file.dropLast(4))) == text,
                    "rules/\(file) differs from the embedded copy: run scripts/embed-presets")
        }
    }

    @Test(arguments: Presets.names)
    func everyPresetLoadsAndSaysWhatItIs(name: String) throws {
        _ = try Linter.lint(text: "---\ntitle: x\n---\n", configuration: "extends: [\(name)]\n")
        #expect(!Presets.summary(of: name).isEmpty)
        #expect(Presets.source(named: name)?.contains("Source") == true || name == "default")
    }
}
