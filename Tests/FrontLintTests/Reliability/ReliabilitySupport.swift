import Foundation
import Testing

/// How long a case may take. Bounds are written for a release build; a debug build runs byte loops some
/// 40 times slower, and the sanitizer runs slower again (`scripts/sanitize` sets `FRONTLINT_TIME_SCALE`).
/// The bounds are there to catch a hang or quadratic work, which on these inputs costs minutes or hours,
/// not to benchmark.
enum TimeBound {
    static let scale: Double = {
        #if DEBUG
        let build = 8.0
        #else
        let build = 1.0
        #endif
        let extra = ProcessInfo.processInfo.environment["FRONTLINT_TIME_SCALE"].flatMap(Double.init) ?? 1
        return build * extra
    }()

    /// Runs `body`, then expects it to have taken less than `seconds` (scaled) of wall time.
    static func expect<T>(under seconds: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
                          _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        let elapsed = clock.now - start
        let limit = Duration.milliseconds(Int64(seconds * scale * 1000))
        #expect(elapsed < limit, "\(what) took \(elapsed), more than \(limit)", sourceLocation: sourceLocation)
        return value
    }
}

/// A diagnostic as the JSON report gives it.
struct ReportedDiagnostic: CustomStringConvertible {
    var rule: String
    var severity: String
    var message: String
    var line: Int
    var column: Int

    var description: String { "\(line):\(column) \(severity)[\(rule)] \(message)" }
}

/// `frontlint --format json` run once: exit status, the diagnostics of each file, standard error.
struct JSONRun {
    var status: Int32
    var files: [String: [ReportedDiagnostic]]
    var order: [String]
    var stderr: String

    /// Runs the real binary with `--format json` and the arguments, in `directory`.
    init(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
        let run = try runFrontlint(["--format", "json"] + arguments, in: URL(fileURLWithPath: directory),
                                   environment: environment)
        try self.init(run)
    }

    init(_ run: RunResult) throws {
        status = run.status
        stderr = run.stderr
        files = [:]
        order = []
        guard run.status != 2 else { return }
        let json = try #require((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any],
                                "exit \(run.status), not JSON: \(run.stdout.prefix(300)) stderr: \(run.stderr.prefix(300))")
        for file in try #require(json["files"] as? [[String: Any]]) {
            let path = try #require(file["path"] as? String)
            order.append(path)
            files[path] = try #require(file["diagnostics"] as? [[String: Any]]).map { d in
                let start = (d["range"] as? [String: [String: Int]])?["start"] ?? [:]
                return ReportedDiagnostic(rule: d["rule"] as? String ?? "", severity: d["severity"] as? String ?? "",
                                          message: d["message"] as? String ?? "",
                                          line: start["line"] ?? 0, column: start["column"] ?? 0)
            }
        }
    }

    var errors: [ReportedDiagnostic] { files.values.flatMap { $0 }.filter { $0.severity == "error" } }
}

/// A scratch directory for one test, outside any git checkout and without a `.frontlint.yml` above it (so
/// the `default` preset applies), removed afterwards.
final class ScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "frontlint-reliability-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        // Make everything removable again (a test may have taken permissions away).
        _ = try? Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "u+rwx", path]).waitUntilExit()
        try? FileManager.default.removeItem(atPath: path)
    }

    func url(_ name: String) -> URL { URL(fileURLWithPath: path).appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let target = url(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
        return target.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

/// A page every run can lint cleanly beside a bad one.
let goodPage = "---\ntitle: Good\n---\nText.\n"
/// A page with one error at 3:1 (`key-duplicate`), to see that a file is really linted.
let duplicateKeyPage = "---\ntitle: a\ntitle: b\n---\n"
