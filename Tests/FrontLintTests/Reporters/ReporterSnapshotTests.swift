import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import FrontLint

/// The real fixtures, linted through the library with their own configuration, with paths relative to
/// the repository root (as a run from there prints them).
enum FixtureRun {
    static let results: [FileResult] = {
        var request = LintRequest()
        request.paths = [TestPaths.fixtures.path]
        request.configPath = TestPaths.fixtures.appendingPathComponent(".frontlint.yml").path
        var results: [FileResult] = []
        do {
            _ = try LintRunner.run(request) { results.append($0) }
        } catch {
            fatalError("linting the fixtures failed: \(error)")
        }
        let root = TestPaths.repositoryRoot.path + "/"
        return results.map { result in
            var result = result
            if result.path.hasPrefix(root) { result.path.removeFirst(root.count) }
            return result
        }
    }()

    static let options = ReportOptions(color: false, workingDirectory: TestPaths.repositoryRoot.path)

    static func render(_ format: ReportFormat) -> String {
        var reporter = format.makeReporter(options)
        return reporter.render(results)
    }
}

extension ReportFormat {
    var snapshotExtension: String {
        switch self {
        case .human, .concise, .github: return "txt"
        case .json, .gitlab: return "json"
        case .jsonLines: return "jsonl"
        case .sarif: return "sarif"
        case .junit: return "xml"
        }
    }
}

@Suite struct ReporterSnapshotTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// Every format renders the fixtures exactly as checked in. `FRONTLINT_UPDATE_SNAPSHOTS=1 swift test`
    /// rewrites the expected files (review the diff before committing).
    @Test(arguments: ReportFormat.allCases)
    func snapshot(_ format: ReportFormat) throws {
        let rendered = FixtureRun.render(format)
        let url = Self.snapshots.appendingPathComponent("fixtures.\(format.rawValue).\(format.snapshotExtension)")
        if ProcessInfo.processInfo.environment["FRONTLINT_UPDATE_SNAPSHOTS"] == "1" {
            try rendered.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(rendered == expected, "\(format.rawValue) output differs from \(url.lastPathComponent); run with FRONTLINT_UPDATE_SNAPSHOTS=1 to update")
    }

    @Test func snapshotsHaveNoAbsolutePathsOrTimestamps() throws {
        for format in ReportFormat.allCases {
            let rendered = FixtureRun.render(format)
            #expect(!rendered.contains(TestPaths.repositoryRoot.path), "\(format.rawValue) has an absolute path")
        }
    }

    /// SARIF validates against the official 2.1.0 schema (draft-04), with Python's `jsonschema`. A machine
    /// without python3 or jsonschema fails this test rather than skipping it.
    @Test func sarifValidatesAgainstTheSchema() throws {
        let schema = TestPaths.shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json")
        #expect(FileManager.default.fileExists(atPath: schema.path), "the SARIF schema is missing at \(schema.path)")
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("frontlint-\(UUID().uuidString).sarif")
        try FixtureRun.render(.sarif).write(to: report, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: report) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            report = json.load(open(sys.argv[2], encoding="utf-8"))
            errors = list(jsonschema.Draft4Validator(schema).iter_errors(report))
            for e in errors: print("/".join(map(str, e.absolute_path)), e.message)
            assert report["runs"][0]["results"], "no results"
            sys.exit(1 if errors else 0)
            """
        let (status, output) = try run("/usr/bin/env", ["python3", "-c", script, schema.path, report.path])
        #expect(status == 0, "SARIF does not validate (or python3/jsonschema is missing):\n\(output)")
    }

    @Test func sarifLocationsAreRelativeWithTheRightRules() throws {
        let data = Data(FixtureRun.render(.sarif).utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let runs = root["runs"] as? [[String: Any]] ?? []
        let run = try #require(runs.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == RuleRegistry.all.count)
        for result in try #require(run["results"] as? [[String: Any]]) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            let locations = result["locations"] as? [[String: Any]] ?? []
            let location = try #require(locations.first?["physicalLocation"] as? [String: Any])
            let artifact = try #require(location["artifactLocation"] as? [String: Any])
            #expect((artifact["uri"] as? String)?.hasPrefix("fixtures/") == true)
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        }
    }

    @Test func junitIsWellFormedXML() throws {
        let document = try XMLDocument(data: Data(FixtureRun.render(.junit).utf8))
        let suites = try #require(document.rootElement()).elements(forName: "testsuite")
        #expect(suites.count == FixtureRun.results.count)
        let failures = suites.flatMap { $0.elements(forName: "testcase") }.flatMap { $0.elements(forName: "failure") }
        #expect(failures.count == FixtureRun.results.reduce(0) { $0 + $1.diagnostics.count })
        // A clean file is one passing test case.
        let seed = try #require(suites.first { $0.attribute(forName: "name")?.stringValue == "fixtures/seed-post.md" })
        #expect(seed.elements(forName: "testcase").count == 1)
        #expect(seed.elements(forName: "testcase").first?.elements(forName: "failure").isEmpty == true)
    }

    @Test func gitlabIsJSONWithUniqueFingerprints() throws {
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(FixtureRun.render(.gitlab).utf8)) as? [[String: Any]])
        #expect(issues.count == FixtureRun.results.reduce(0) { $0 + $1.diagnostics.count })
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == issues.count)
        for issue in issues {
            #expect(issue["check_name"] is String && issue["description"] is String)
            #expect(["major", "minor"].contains(issue["severity"] as? String))
            let location = try #require(issue["location"] as? [String: Any])
            #expect((location["path"] as? String)?.hasPrefix("fixtures/") == true)
            #expect((location["lines"] as? [String: Any])?["begin"] is Int)
        }
    }

    @Test func jsonAndJSONLinesParse() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(FixtureRun.render(.json).utf8)) as? [String: Any])
        let files = try #require(json["files"] as? [[String: Any]])
        let firsts: [[String: Any]] = files.compactMap { ($0["diagnostics"] as? [[String: Any]])?.first }
        let first = try #require(firsts.first)
        #expect(first["fixable"] as? Bool == false)
        #expect((first["url"] as? String)?.hasPrefix("https://frontlint.dev/rules/") == true)
        let lines = FixtureRun.render(.jsonLines).split(separator: "\n")
        #expect(lines.count == FixtureRun.results.reduce(0) { $0 + $1.diagnostics.count })
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["path"] is String && object["rule"] is String)
        }
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
