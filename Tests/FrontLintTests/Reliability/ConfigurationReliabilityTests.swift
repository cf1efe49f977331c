import Foundation
import Testing
@testable import FrontLint

/// Configurations that cannot work: exit 2 with a one-line reason that says where (file:line:column), in
/// bounded time; and one that is merely huge: read in bounded time.
@Suite(.serialized) struct ConfigurationReliabilityTests {
    /// Lints a clean page under `.frontlint.yml` = `config`.
    func run(config: String, _ what: String, bound: Double = 2) throws -> RunResult {
        let scratch = try ScratchDirectory()
        try scratch.write(".frontlint.yml", config)
        try scratch.write("good.md", goodPage)
        return try TimeBound.expect(under: bound, what) {
            try runFrontlint(["good.md"], in: URL(fileURLWithPath: scratch.path))
        }
    }

    func expectPositioned(_ run: RunResult, _ location: String, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 2, sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(".frontlint.yml:\(location): ") && run.stderr.contains(fragment), "\(run.stderr)",
                sourceLocation: sourceLocation)
    }

    /// A user configuration cannot extend a file: naming itself is an unknown preset, said plainly.
    @Test func configurationThatExtendsItself() throws {
        let listed = try run(config: "extends: [default, .frontlint.yml]\n", "extends itself")
        expectPositioned(listed, "1:20", "unknown preset `.frontlint.yml`")
        #expect(listed.stderr.contains("`extends` names built-in presets, never a file"))
        let scalar = try run(config: "extends: ./.frontlint.yml\n", "extends itself, scalar")
        expectPositioned(scalar, "1:10", "unknown preset `./.frontlint.yml`")
    }

    /// Naming a preset twice, directly or through another preset, is not a cycle: it is applied once.
    @Test func presetNamedTwiceIsAppliedOnce() throws {
        let run = try run(config: "extends: [mainroad, hugo, default, hugo]\n", "preset twice")
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// The built-in presets have no cycle, so the check is reached with presets of the test's own.
    @Test func presetThatExtendsItselfAndAnExtendsCycle() throws {
        let presets = ["self": "extends: [self]\n", "a": "extends: [b]\n", "b": "# b\nextends: [c]\n", "c": "extends: [a]\n"]
        func load(_ text: String) throws(ConfigurationError) -> Configuration {
            try ConfigurationLoader.load(source: SourceFile(path: "/site/.frontlint.yml", text: text), directory: "/site",
                                         presets: { presets[$0] })
        }
        let selfError = try #require(throws: ConfigurationError.self) { try load("extends: [self]\n") }
        #expect(selfError.description.contains("<preset self>:1:11: preset `self` extends itself: self → self"), "\(selfError)")
        let cycle = try #require(throws: ConfigurationError.self) { try load("extends: [a]\n") }
        #expect(cycle.description.contains("<preset c>:1:11: preset `a` extends itself: a → b → c → a"), "\(cycle)")
    }

    @Test func configurationWithAYAMLError() throws {
        expectPositioned(try run(config: "fields: {title: {type: string}\n", "unclosed flow mapping"),
                         "2:1", "expected `,` or `}` in a flow mapping")
        expectPositioned(try run(config: "fields:\n  a: 1\n\tb: 2\n", "tab"), "3:1", "tab")
        expectPositioned(try run(config: "rules: [\n", "unclosed list"), "2:1", "expected a value here")
        expectPositioned(try run(config: "exclude: &x [*x]\n", "recursive alias"), "1:14", "expected text, found a list")
        expectPositioned(try run(config: "exclude: *nope\n", "undefined alias"), "1:10", "undefined alias")
        expectPositioned(try run(config: "x: " + String(repeating: "[", count: 100_000) + "\n", "deep"),
                         "1:259", "nested more than 256 levels deep")
    }

    /// 10,000 fields, each with a pattern (compiled at load): read in bounded time, and the page is linted.
    @Test func hugeConfiguration() throws {
        let fields = (0..<10_000).map { "  f\($0): {type: string, maxLength: \($0 + 1), pattern: \"^a\($0)\"}\n" }.joined()
        let ok = try run(config: "fields:\n" + fields, "10,000 fields", bound: 3)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout == "No problems in 1 file.\n")
        // The same, with a mistake at the end: found, and positioned.
        let bad = try run(config: "fields:\n" + fields + "  last: {type: strng}\n", "10,000 fields, one bad", bound: 3)
        expectPositioned(bad, "10002:16", "unknown type `strng`")
    }

    /// An alias bomb in a configuration is read as the tree it is, never expanded.
    @Test func aliasBombInConfiguration() throws {
        var text = "exclude: &a [\"a\", \"a\", \"a\", \"a\", \"a\", \"a\", \"a\", \"a\", \"a\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "x\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        let run = try run(config: text, "alias bomb")
        #expect(run.status == 2)
        #expect(run.stderr.contains(".frontlint.yml:2:1: unknown configuration key `xb`"), "\(run.stderr)")
    }
}
