import Foundation
import Testing

/// The real binary: paired formats and outputs, report files, exit codes.
@Suite struct CommandLineReportTests {
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = TestPaths.binary
        process.arguments = arguments
        process.currentDirectoryURL = TestPaths.repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func humanOnStandardOutputAndSARIFToAFile() throws {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("frontlint-\(UUID().uuidString).sarif")
        defer { try? FileManager.default.removeItem(at: report) }
        let result = try run(["--config", "fixtures/.frontlint.yml", "--format", "concise", "--format", "sarif",
                              "--output", "-", "--output", report.path, "--statistics", "fixtures"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("fixtures/broken-yaml.md:6:1: error[yaml-syntax]"))
        #expect(result.stdout.contains("3  key-duplicate"), "statistics follow a report for people on stdout")
        let sarif = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        #expect(sarif?["version"] as? String == "2.1.0")
    }

    @Test func exitCodeControls() throws {
        let toml = "fixtures/toml-front-matter.md"  // one warning
        #expect(try run(["--config", "fixtures/.frontlint.yml", toml]).status == 0)
        #expect(try run(["--config", "fixtures/.frontlint.yml", "--max-warnings", "0", toml]).status == 1)
        #expect(try run(["--config", "fixtures/.frontlint.yml", "--exit-zero", "fixtures"]).status == 0)
        let unpaired = try run(["--format", "json", "--format", "sarif", "fixtures"])
        #expect(unpaired.status == 2)
        #expect(unpaired.stderr.contains("--output"))
    }
}
