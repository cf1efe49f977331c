import Foundation
import Testing

/// The pre-commit hook with the real pre-commit from PyPI, in real git repositories: `scripts/test-pre-commit`
/// does the work (see its header); this test runs it as part of the suite, against the binary built for the
/// tests. `FRONTLINT_SKIP_PRE_COMMIT=1` skips it for quick local runs; a missing python3, venv or git fails.
@Suite struct PreCommitTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FRONTLINT_SKIP_PRE_COMMIT"] != "1"))
    func hookPassesCleanPostsAndRefusesBadOnes() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", TestPaths.repositoryRoot.appendingPathComponent("scripts/test-pre-commit").path]
        var environment = ProcessInfo.processInfo.environment
        environment["FRONTLINT_BIN"] = TestPaths.binary.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains(" passed, 0 failed"), "\(text)")
        #expect(!text.contains("FAILED"), "\(text)")
    }
}
