import Foundation
import Testing
@testable import FrontLint

/// The real binary, run the way users and CI run it.
@Suite struct CommandLineTests {
    @Test func lintsTheFixturesWithFindingsAndExitsOne() throws {
        let run = try runFrontlint(["fixtures"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("fixtures/broken-yaml.md:6:1: error[yaml-syntax]: a quoted string is never closed"))
        #expect(run.stdout.contains("  = help: add the missing quote; the quoted scalar started at line 4, column 10"))
        #expect(run.stdout.contains("fixtures/duplicate-key.md:7:1: error[key-duplicate]"))
        #expect(run.stdout.contains("fixtures/missing-title.md:1:1: error[field-required]: required field `title` is missing"))
        #expect(!run.stdout.contains("seed-post.md"))
        #expect(run.stdout.hasSuffix("in \(Fixture.all.count) files.\n"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when not on a terminal")
    }

    @Test func humanOutputHasACodeFrameWithCarets() throws {
        let run = try runFrontlint(["fixtures/duplicate-key.md"])
        #expect(run.stdout.contains("""
            fixtures/duplicate-key.md:7:1: error[key-duplicate]: key `tags` appears twice in the same mapping; it was first set on line 4
              |
            7 | tags:
              | ^^^^
            """))
        #expect(run.stdout.hasSuffix("1 error, 0 warnings in 1 file.\n"))
    }

    @Test func caretsLineUpUnderWideCharactersAndTabs() throws {
        let run = try runFrontlint(["--stdin"], stdin: "---\nx: {a: 1,\t中: 3, 中: 4}\n---\n")
        #expect(run.status == 1)
        // The tab expands to the next stop of 4; each 中 is two columns wide.
        #expect(run.stdout.contains("""
            <stdin>:2:17: error[key-duplicate]: key `中` appears twice in the same mapping; it was first set on line 2
              |
            2 | x: {a: 1,   中: 3, 中: 4}
              |                    ^^

            """))
    }

    @Test func jsonOutputPointsExactlyAtTheOffendingText() throws {
        let run = try runFrontlint(["--format", "json", "fixtures"])
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.count == Fixture.all.count)
        #expect(files.map { $0["path"] as? String } == files.map { $0["path"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") })
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary["files"] == Fixture.all.count)
        // Every range's offsets select exactly the text its line and column name.
        for file in files {
            let path = try #require(file["path"] as? String)
            let bytes = try FileReader.read(TestPaths.repositoryRoot.appendingPathComponent(path).path)
            let source = SourceFile(path: path, bytes: bytes)
            for diagnostic in try #require(file["diagnostics"] as? [[String: Any]]) {
                let range = try #require(diagnostic["range"] as? [String: [String: Int]])
                for end in ["start", "end"] {
                    let p = try #require(range[end])
                    #expect(source.position(atOffset: p["offset"]!) == Position(line: p["line"]!, column: p["column"]!, offset: p["offset"]!))
                }
            }
        }
        let duplicate = try #require(files.first { $0["path"] as? String == "fixtures/crlf-bom.md" })
        let diagnostic = try #require((duplicate["diagnostics"] as? [[String: Any]])?.first)
        let range = try #require(diagnostic["range"] as? [String: [String: Int]])
        let bytes = try FileReader.read(TestPaths.fixtures.appendingPathComponent("crlf-bom.md").path)
        #expect(String(decoding: bytes[range["start"]!["offset"]!..<range["end"]!["offset"]!], as: UTF8.self) == "title")
    }

    @Test func cleanFilesExitZero() throws {
        let run = try runFrontlint(["fixtures/seed-post.md"])
        #expect(run.status == 0)
        #expect(run.stdout == "No problems in 1 file.\n")
    }

    @Test func exitCodeTwoForBadFlagsMissingPathsAndBadConfig() throws {
        let flag = try runFrontlint(["--no-such-flag"])
        #expect(flag.status == 2)
        #expect(flag.stderr.hasPrefix("frontlint: "))
        let missing = try runFrontlint(["no/such/path.md"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "frontlint: no/such/path.md: no such file or directory\n")

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("frontlint-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "fields:\n  title: {requird: true}\n".write(to: directory.appendingPathComponent(".frontlint.yml"), atomically: true, encoding: .utf8)
        try "---\ntitle: a\n---\n".write(to: directory.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        let config = try runFrontlint(["."], in: directory)
        #expect(config.status == 2)
        #expect(config.stderr.contains(".frontlint.yml:2:11: unknown schema keyword `requird` (did you mean `required`?)"))
        // Nothing was reported, so standard output holds nothing: not the start of a JSON or SARIF document
        // that a script would fail to parse.
        for format in ["human", "json", "sarif", "junit", "gitlab"] {
            let run = try runFrontlint(["--format", format, "."], in: directory)
            #expect(run.status == 2, "\(format)")
            #expect(run.stdout == "", "\(format)")
        }
    }

    @Test func stdinUsesTheConfigurationOfItsFilename() throws {
        let text = "---\ndate: 2025-02-13\n---\n"
        let run = try runFrontlint(["--stdin", "--stdin-filename", "fixtures/new-post.md", "--format", "json"], stdin: text)
        #expect(run.status == 1)
        #expect(run.stdout.contains("\"path\": \"fixtures/new-post.md\""))
        #expect(run.stdout.contains("required field `title` is missing"))
        // Without a filename there is no site configuration: the default preset requires nothing.
        let plain = try runFrontlint(["--stdin"], stdin: text, in: FileManager.default.temporaryDirectory)
        #expect(plain.status == 0)
    }

    @Test func quietReportsErrorsOnly() throws {
        let run = try runFrontlint(["--quiet", "fixtures/toml-front-matter.md"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("front-matter-format"))
    }

    @Test func colorAlwaysAndNoColor() throws {
        let always = try runFrontlint(["--color", "always", "fixtures/missing-title.md"])
        #expect(always.stdout.contains("\u{1B}[1;31merror"))
        let never = try runFrontlint(["--color", "never", "fixtures/missing-title.md"])
        #expect(!never.stdout.contains("\u{1B}["))
    }

    @Test func selectAndIgnore() throws {
        let ignored = try runFrontlint(["--ignore", "key-duplicate", "fixtures/duplicate-key.md"])
        #expect(ignored.status == 0)
        let selected = try runFrontlint(["--select", "yaml-syntax", "fixtures/duplicate-key.md", "fixtures/broken-yaml.md"])
        #expect(selected.stdout.contains("yaml-syntax"))
        #expect(!selected.stdout.contains("key-duplicate"))
        let unknown = try runFrontlint(["--select", "yaml-syntx", "fixtures"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean `yaml-syntax`?"))
    }

    @Test func versionAndHelp() throws {
        let version = try runFrontlint(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == FrontLintVersion.string + "\n")
        let help = try runFrontlint(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:"))
    }

    /// The enumerated options name their values by their raw values (frontlint supplies the names itself,
    /// not swift-argument-parser's interpolated defaults): in the help, in the error for a wrong value, and
    /// when parsing.
    @Test func enumeratedOptionsNameTheirValues() throws {
        let help = try runFrontlint(["check", "--help"])
        #expect(help.status == 0)
        let flattened = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flattened.contains("(values: human, concise, json, json-lines, sarif, github, gitlab, junit)"))
        #expect(flattened.contains("(values: auto, always, never; default: auto)"))
        let rulesHelp = try runFrontlint(["rules", "--help"])
        #expect(rulesHelp.stdout.contains("(values: human, json; default: human)"))
        let wrong = try runFrontlint(["--color", "purple", "fixtures"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("Please provide one of 'auto', 'always' or 'never'."))
        let jsonLines = try runFrontlint(["--format", "json-lines", "--color", "never", "fixtures/duplicate-key.md"])
        #expect(jsonLines.status != 2)
        #expect(jsonLines.stdout.hasPrefix("{"))
    }

    @Test func rulesExplainPresetsAndPrintConfig() throws {
        let rules = try runFrontlint(["rules"])
        #expect(rules.stdout.contains("yaml-syntax"))
        let json = try runFrontlint(["rules", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == RuleRegistry.all.count)
        let explain = try runFrontlint(["explain", "key-duplicate"])
        for heading in ["## What it checks", "## Why it matters", "## Example", "## Use instead", "## Options"] {
            #expect(explain.stdout.contains(heading))
        }
        let unknown = try runFrontlint(["explain", "key-duplicat"])
        #expect(unknown.status == 2)
        let presets = try runFrontlint(["presets"])
        #expect(presets.stdout.contains("mainroad"))
        let printed = try runFrontlint(["print-config", "fixtures/seed-post.md"])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("# Presets merged in: default, hugo, mainroad"))
        #expect(printed.stdout.contains("  title: {type: string, required: true, minLength: 1"))
    }
}

/// Hostile front matter through the whole binary: a clean result or a diagnostic, never a crash or a hang.
@Suite struct HostileFrontMatterTests {
    @Test func billionLaughsAliasBomb() throws {
        var text = "---\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        text += "title: bomb\n---\nbody\n"
        let run = try runFrontlint(["--stdin", "--format", "json"], stdin: text)
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"errors\": 0"))
    }

    @Test func hundredThousandDeepFlowSequence() throws {
        let text = "---\nx: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n---\n"
        let run = try runFrontlint(["--stdin"], stdin: text)
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[yaml-syntax]: collections are nested more than 256 levels deep"))
    }
}
