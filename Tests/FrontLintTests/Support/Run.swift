import Foundation

/// The outcome of running the real `frontlint` binary.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Collects a pipe's bytes on a background thread, so that neither pipe can fill up and stall the child.
private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        Thread.detachNewThread { [self] in
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// Runs the built `frontlint` with arguments, optional standard input and working directory.
func runFrontlint(_ arguments: [String], stdin: String? = nil, in directory: URL = TestPaths.repositoryRoot,
                  environment: [String: String] = [:]) throws -> RunResult {
    try runProgram(TestPaths.binary, arguments, stdin: stdin, in: directory, environment: environment)
}

/// Runs `executable` with arguments, optional standard input and working directory, and collects both
/// output streams.
func runProgram(_ executable: URL, _ arguments: [String], stdin: String? = nil, in directory: URL = TestPaths.repositoryRoot,
                environment: [String: String] = [:]) throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    let outReader = PipeReader(out)
    let errReader = PipeReader(err)
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = outReader.wait()
    let errData = errReader.wait()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus,
                     stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}
