import Foundation
import Testing
@testable import FrontLint

/// Every input in `Regressions/` (inputs `scripts/fuzz` flagged, kept as they were found) goes through what
/// the fuzz target runs: every rule, on a file that names a CJK path, then every reporter. Each must give a
/// result, within a time bound. `scripts/fuzz` also seeds its corpus from this folder.
///
/// - `fuzz-leak-empty-input.md`: the empty input, on which the first trial run stopped with "leaked in 19
///   allocation(s)". Not a frontlint leak: the compiled `pattern:` regexes of the fuzz settings, alive in
///   a global, whose Swift-enum pointers LeakSanitizer cannot read (see scripts/lsan.supp).
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// The fuzz target's settings, from the same file it reads: Tests/Fuzz/fuzz.frontlint.yml.
    static let settings: LintSettings = {
        let path = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fuzz/fuzz.frontlint.yml").path
        let configuration = try! ConfigurationLoader.load(path: path)
        return try! LintSettings(layer: configuration.base, selection: RuleSelection(select: RuleRegistry.ids))
    }()

    @Test func regressionFolderIsNotEmpty() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs) func regression(_ name: String) throws {
        // FileReader, as frontlint reads files (Foundation's Data(contentsOf:) leaks 4 KB on an empty file).
        let bytes = try FileReader.read(Self.folder.appendingPathComponent(name).path)
        TimeBound.expect(under: 2, name) {
            let result = Linter.lint(SourceFile(path: "content/post 中文.md", bytes: bytes), settings: Self.settings)
            #expect(result.path == "content/post 中文.md")
            for format in ReportFormat.allCases {
                var reporter = format.makeReporter(ReportOptions(color: true))
                #expect(!reporter.render([result]).isEmpty, "\(format)")
            }
        }
    }
}
