import Foundation
import Testing
@testable import FrontLint

/// A fixture and the diagnostics it says it must produce: each fixture states its own expectations in an
/// HTML comment, `<!-- frontlint-expect: LINE:COLUMN RULE; … -->`. A fixture without one must be clean.
struct Fixture: CustomTestStringConvertible, Sendable {
    let name: String
    let expected: [String]

    var testDescription: String { name }

    static let all: [Fixture] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { name in
            let bytes = (try? Data(contentsOf: TestPaths.fixtures.appendingPathComponent(name))) ?? Data()
            let text = String(decoding: bytes, as: UTF8.self)
            var expected: [String] = []
            if let start = text.range(of: "<!-- frontlint-expect:"), let end = text.range(of: "-->", range: start.upperBound..<text.endIndex) {
                expected = text[start.upperBound..<end.lowerBound].split(separator: ";")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            return Fixture(name: name, expected: expected.sorted())
        }
    }()
}

@Suite struct FixtureTests {
    @Test func fixturesExist() {
        #expect(Fixture.all.count >= 7)
        #expect(Fixture.all.contains { $0.name == "seed-post.md" && $0.expected.isEmpty })
    }

    /// Every fixture, linted by the library with fixtures/.frontlint.yml, reports exactly what it states.
    @Test(arguments: Fixture.all)
    func fixtureReportsWhatItStates(_ fixture: Fixture) throws {
        let path = TestPaths.fixtures.appendingPathComponent(fixture.name).path
        let resolver = try ConfigurationResolver(configPath: nil, selection: RuleSelection())
        let settings = try resolver.resolve(filePath: path).settings
        let bytes = try FileReader.read(path)
        let result = Linter.lint(SourceFile(path: fixture.name, bytes: bytes), settings: settings)
        let found = result.diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.rule)" }.sorted()
        #expect(found == fixture.expected, "\(result.diagnostics.map(\.message))")
    }
}
