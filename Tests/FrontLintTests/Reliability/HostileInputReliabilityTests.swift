import Foundation
import Testing

/// One hostile or odd file, linted by the real binary: the exit code, the time it may take and the
/// diagnostics it must produce (none for a case that must come out clean).
struct HostileCase: Sendable, CustomTestStringConvertible {
    struct Expected: Sendable {
        var rule: String
        var line: Int
        var column: Int
        var fragment: String
    }

    var name: String
    var status: Int32
    /// Seconds, for a release build (see `TimeBound`).
    var bound: Double
    var expected: [Expected]
    /// A `.frontlint.yml` to lint with, when the built-in default (which has no schema) is not enough.
    var configuration: String?
    var bytes: @Sendable () -> [UInt8]

    var testDescription: String { name }

    init(_ name: String, status: Int32, bound: Double = 2, _ expected: [Expected] = [], configuration: String? = nil,
         bytes: @escaping @Sendable () -> [UInt8]) {
        self.name = name
        self.status = status
        self.bound = bound
        self.expected = expected
        self.configuration = configuration
        self.bytes = bytes
    }

    init(_ name: String, status: Int32, bound: Double = 2, _ expected: [Expected] = [], configuration: String? = nil,
         text: @escaping @Sendable () -> String) {
        self.init(name, status: status, bound: bound, expected, configuration: configuration, bytes: { Array(text().utf8) })
    }

    /// Writes the file beside a clean one, lints both, and checks everything the case promises.
    func check() throws {
        let scratch = try ScratchDirectory()
        if let configuration { try scratch.write(".frontlint.yml", configuration) }
        try scratch.write("good.md", goodPage)
        try scratch.write("case.md", bytes())
        let run = try TimeBound.expect(under: bound, name) { try JSONRun(["case.md", "good.md"], in: scratch.path) }
        #expect(run.status == status, "\(name): exit \(run.status); \(run.stderr.prefix(300))")
        #expect(run.order == ["case.md", "good.md"])
        #expect(run.files["good.md"]?.isEmpty == true, "the clean file beside it is still linted, and clean")
        let found = run.files["case.md"] ?? []
        if expected.isEmpty {
            #expect(found.filter { $0.severity == "error" }.isEmpty, "\(name): \(found)")
        }
        for e in expected {
            #expect(found.contains { $0.rule == e.rule && $0.line == e.line && $0.column == e.column && $0.message.contains(e.fragment) },
                    "\(name): expected \(e.line):\(e.column) [\(e.rule)] …\(e.fragment)…, got \(found)")
        }
    }
}

private func expect(_ rule: String, _ line: Int, _ column: Int, _ fragment: String) -> HostileCase.Expected {
    HostileCase.Expected(rule: rule, line: line, column: column, fragment: fragment)
}

/// Hostile YAML in the front matter: each is read in bounded time and memory, with a clear diagnostic or a
/// clean result, never a crash and never exit 2.
@Suite(.serialized) struct HostileYAMLReliabilityTests {
    static let cases: [HostileCase] = [
        HostileCase("billion laughs, nested (9^10 references)", status: 0) {
            var text = "---\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
            var previous = "a"
            for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j"] {
                text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
                previous = name
            }
            return text + "title: bomb\n---\nbody\n"
        },
        HostileCase("billion laughs, wide (100,000 aliases of one list)", status: 0) {
            "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\nb: ["
                + Array(repeating: "*a", count: 100_000).joined(separator: ", ") + "]\ntitle: x\n---\n"
        },
        HostileCase("100,000-deep flow nesting", status: 1,
                    [expect("yaml-syntax", 2, 259, "nested more than 256 levels deep")]) {
            "---\nx: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n---\n"
        },
        HostileCase("100,000-deep flow mapping nesting", status: 1,
                    [expect("yaml-syntax", 2, 1024, "nested more than 256 levels deep")]) {
            "---\nx: " + String(repeating: "{a: ", count: 100_000) + String(repeating: "}", count: 100_000) + "\n---\n"
        },
        // Block nesting of 100,000 levels by indentation would be 5 GB of spaces; compact block sequences
        // (`- - - x`) nest one level per two bytes.
        HostileCase("100,000-deep block nesting", status: 1,
                    [expect("yaml-syntax", 3, 513, "nested more than 256 levels deep")]) {
            "---\nx:\n  " + String(repeating: "- ", count: 100_000) + "leaf\n---\n"
        },
        HostileCase("recursive aliases (an alias inside its own anchor)", status: 0) {
            "---\ntitle: x\ntags: &x [*x]\nm: &a {b: *a, c: [*a, *a]}\nimages: &i [*i, *i]\n---\n"
        },
        // Each level merges ten copies of the one below: 10^9 merged sources at the root if nothing bounds
        // the expansion. With a schema, so that the validator applies the merge keys too.
        HostileCase("merge-key bomb (10^9 merged sources)", status: 0,
                    [expect("key-unknown", 2, 8, "`k0` is not a known field")],
                    configuration: "fields:\n  title: {type: string}\nunknown-keys: warning\n") {
            var text = "---\na: &a {" + (0..<10).map { "k\($0): \($0)" }.joined(separator: ", ") + "}\n"
            var previous = "a"
            for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j"] {
                text += "\(name): &\(name) {<<: [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]}\n"
                previous = name
            }
            return text + "title: bomb\n<<: *j\n---\nbody\n"
        },
        HostileCase("10 MB plain scalar", status: 0, bound: 5) {
            "---\ntitle: " + String(repeating: "x", count: 10 << 20) + "\n---\n"
        },
        HostileCase("10 MB double-quoted scalar with escapes", status: 0, bound: 5) {
            "---\ntitle: \"" + String(repeating: "\\u00e9x", count: (10 << 20) / 7) + "\"\n---\n"
        },
        HostileCase("100,000 keys", status: 0, bound: 5) {
            "---\n" + (0..<100_000).map { "k\($0): \($0)\n" }.joined() + "title: x\n---\n"
        },
        HostileCase("100,000 duplicate keys", status: 1, bound: 5,
                    [expect("key-duplicate", 3, 1, "key `k` appears twice")]) {
            "---\n" + String(repeating: "k: 1\n", count: 100_000) + "---\n"
        },
        HostileCase("anchor on a key, alias as a key", status: 1,
                    [expect("key-duplicate", 3, 1, "key `title` appears twice")]) {
            "---\n&k title: hello\n*k : again\n---\n"
        },
        HostileCase("complex (non-scalar) keys", status: 0) {
            "---\n? [a, b]\n: 1\n? {x: 1}\n: 2\n? - c\n: 3\ntitle: x\n---\n"
        },
        HostileCase("unknown tags", status: 0) {
            "---\ntitle: !whatever hello\nextra: !<tag:example.com,2024:x> {a: 1}\ndate: !!timestamp 2024-01-01\n---\n"
        },
        HostileCase("!!binary", status: 0) {
            "---\ntitle: x\nlogo: !!binary |\n  R0lGODlhDAAMAIQAAP//9/X17unp5WZmZgAAAOfn515eXvPz7Y6OjuDg4J+fn5\n---\n"
        },
        HostileCase("multiple documents (`...` then `---`)", status: 1,
                    [expect("yaml-syntax", 4, 1, "more than one YAML document")]) {
            "---\ntitle: a\n...\n--- x\ntitle: b\n---\n"
        },
        HostileCase("multiple documents (`...` then a bare document)", status: 1,
                    [expect("yaml-syntax", 4, 1, "expected a document start (`---`) here")]) {
            "---\ntitle: a\n...\ntitle: b\n---\n"
        },
        HostileCase("%YAML 1.1 directive", status: 1,
                    [expect("yaml-syntax", 3, 1, "expected a document start (`---`) here")]) {
            "---\n%YAML 1.1\n---\ntitle: x\n---\n"
        },
        HostileCase("tabs in indentation", status: 1,
                    [expect("yaml-syntax", 4, 1, "this character cannot start a YAML value")]) {
            "---\ntitle: x\ntags:\n\t- a\n---\n"
        },
    ]

    @Test(arguments: cases) func hostileYAML(_ hostile: HostileCase) throws {
        try hostile.check()
    }
}

/// Files that are not clean UTF-8: detected and reported (`file-encoding`, with the encoding by name where
/// it is one), at the offending byte.
@Suite(.serialized) struct HostileEncodingReliabilityTests {
    static let page = "---\ntitle: hi\n---\nbody\n"

    static let cases: [HostileCase] = [
        HostileCase("invalid UTF-8 in the front matter", status: 1,
                    // Reported once, by file-encoding: yaml-syntax leaves unreadable bytes to it.
                    [expect("file-encoding", 2, 11, "byte 0xE9 does not start a valid UTF-8 character")]) {
            Array("---\ntitle: caf".utf8) + [0xE9] + Array("\n---\nbody\n".utf8)
        },
        HostileCase("invalid UTF-8 in the body", status: 1,
                    [expect("file-encoding", 4, 6, "byte 0xFF does not start a valid UTF-8 character")]) {
            Array("---\ntitle: ok\n---\nbody ".utf8) + [0xFF, 0xFE] + Array(" here\n".utf8)
        },
        HostileCase("overlong encoding of `/` (C0 AF)", status: 1,
                    [expect("file-encoding", 2, 8, "byte 0xC0")]) {
            Array("---\ntitle: ".utf8) + [0xC0, 0xAF] + Array("\n---\n".utf8)
        },
        HostileCase("overlong three-byte encoding in the body (E0 80 AF)", status: 1,
                    [expect("file-encoding", 4, 1, "byte 0xE0")]) {
            Array("---\ntitle: x\n---\n".utf8) + [0xE0, 0x80, 0xAF, 0x0A]
        },
        HostileCase("UTF-16LE with BOM", status: 1,
                    [expect("file-encoding", 1, 1, "the file is UTF-16LE (it starts with a byte order mark)")]) {
            [0xFF, 0xFE] + utf16(page, bigEndian: false)
        },
        HostileCase("UTF-16BE with BOM", status: 1,
                    [expect("file-encoding", 1, 1, "the file is UTF-16BE (it starts with a byte order mark)")]) {
            [0xFE, 0xFF] + utf16(page, bigEndian: true)
        },
        HostileCase("UTF-16LE without BOM", status: 1, [expect("file-encoding", 1, 1, "the file is UTF-16LE, not UTF-8")]) {
            utf16(page, bigEndian: false)
        },
        HostileCase("UTF-16BE without BOM", status: 1, [expect("file-encoding", 1, 1, "the file is UTF-16BE, not UTF-8")]) {
            utf16(page, bigEndian: true)
        },
        HostileCase("UTF-32LE with BOM", status: 1,
                    [expect("file-encoding", 1, 1, "the file is UTF-32LE (it starts with a byte order mark)")]) {
            [0xFF, 0xFE, 0, 0] + utf32(page, bigEndian: false)
        },
        HostileCase("UTF-32BE with BOM", status: 1,
                    [expect("file-encoding", 1, 1, "the file is UTF-32BE (it starts with a byte order mark)")]) {
            [0, 0, 0xFE, 0xFF] + utf32(page, bigEndian: true)
        },
        HostileCase("UTF-32LE without BOM", status: 1, [expect("file-encoding", 1, 1, "the file is UTF-32LE, not UTF-8")]) {
            utf32(page, bigEndian: false)
        },
        HostileCase("UTF-32BE without BOM", status: 1, [expect("file-encoding", 1, 1, "the file is UTF-32BE, not UTF-8")]) {
            utf32(page, bigEndian: true)
        },
        HostileCase("a NUL byte", status: 1,
                    [expect("file-encoding", 2, 9, "NUL byte in the file")]) {
            Array("---\ntitle: a".utf8) + [0] + Array("b\n---\n".utf8)
        },
        // Positions count lines as the file has them: a lone CR ends a line too.
        HostileCase("lone CR line endings", status: 1,
                    [expect("key-duplicate", 3, 1, "key `title` appears twice")]) {
            "---\rtitle: hi\rtitle: again\r---\rbody\r"
        },
        HostileCase("mixed line endings (CRLF, LF, CR)", status: 1,
                    [expect("key-duplicate", 4, 1, "key `title` appears twice")]) {
            "---\r\ntitle: hi\ntags: [a]\rtitle: again\r\n---\n# Heading\r\nbody\n"
        },
    ]

    @Test(arguments: cases) func hostileEncoding(_ hostile: HostileCase) throws {
        try hostile.check()
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    }

    static func utf32(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.unicodeScalars.flatMap { scalar -> [UInt8] in
            let v = scalar.value
            let bytes = [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
            return bigEndian ? bytes.reversed() : bytes
        }
    }
}

/// Sizes from nothing to 100 MB.
@Suite(.serialized) struct SizeReliabilityTests {
    static let cases: [HostileCase] = [
        HostileCase("a 10 MB single line", status: 0, bound: 5) {
            Array("---\ntitle: x\n---\n".utf8) + Array(repeating: UInt8(ascii: "z"), count: 10 << 20)
        },
        HostileCase("a 10 MB single heading line", status: 0, bound: 5) {
            Array("---\ntitle: x\n---\n## ".utf8) + Array(repeating: UInt8(ascii: "z"), count: 10 << 20) + [0x0A]
        },
        HostileCase("an empty file", status: 0) { [] },
        HostileCase("a file that is only `---`", status: 1,
                    [expect("front-matter-unterminated", 1, 1, "front matter opened here is never closed")]) {
            Array("---".utf8)
        },
        HostileCase("a file that is only `---` and a newline", status: 1,
                    [expect("front-matter-unterminated", 1, 1, "front matter opened here is never closed")]) {
            Array("---\n".utf8)
        },
    ]

    @Test(arguments: cases) func size(_ hostile: HostileCase) throws {
        try hostile.check()
    }

    /// 100 MB of Markdown (generated here, never committed): read, scanned and reported in bounded time, with
    /// the error planted at its end found at its exact line.
    @Test func hundredMegabyteFile() throws {
        let scratch = try ScratchDirectory()
        let paragraph = Array("Lorem ipsum dolor sit amet, consectetur adipiscing elit; ## not a heading.\n\n".utf8)
        var bytes = Array("---\ntitle: Big\n---\n".utf8)
        let count = (100 << 20) / paragraph.count
        bytes.reserveCapacity(count * paragraph.count + 100)
        for _ in 0..<count { bytes += paragraph }
        bytes += Array("## Same\n\n## Same\n".utf8)
        try scratch.write("huge.md", bytes)
        try scratch.write("good.md", goodPage)
        let run = try TimeBound.expect(under: 10, "100 MB file") { try JSONRun(["huge.md", "good.md"], in: scratch.path) }
        #expect(run.status == 0)
        let lastLine = 3 + 2 * count + 1
        #expect(run.files["huge.md"]?.contains { $0.rule == "heading-duplicate" && $0.line == lastLine + 2 } == true,
                "\(run.files["huge.md"] ?? [])")
        #expect(run.files["good.md"]?.isEmpty == true)
    }
}
