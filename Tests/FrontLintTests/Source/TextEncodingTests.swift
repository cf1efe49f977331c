import Testing
@testable import FrontLint

@Suite struct TextEncodingTests {
    static let wide: [(bytes: [UInt8], name: String, bom: Bool)] = {
        let text = "---\ntitle: a\n---\n"
        let utf16LE = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16BE = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let utf32LE = text.unicodeScalars.flatMap { s in [UInt8(s.value & 0xFF), 0, 0, 0] }
        let utf32BE = text.unicodeScalars.flatMap { s in [0, 0, 0, UInt8(s.value & 0xFF)] }
        return [
            ([0xFF, 0xFE] + utf16LE, "UTF-16LE", true), (utf16LE, "UTF-16LE", false),
            ([0xFE, 0xFF] + utf16BE, "UTF-16BE", true), (utf16BE, "UTF-16BE", false),
            ([0xFF, 0xFE, 0, 0] + utf32LE, "UTF-32LE", true), (utf32LE, "UTF-32LE", false),
            ([0, 0, 0xFE, 0xFF] + utf32BE, "UTF-32BE", true), (utf32BE, "UTF-32BE", false),
        ]
    }()

    @Test func wideEncodingsAreDetected() {
        for (bytes, name, bom) in Self.wide {
            #expect(TextEncoding.problem(in: bytes) == .wideEncoding(name: name, hasByteOrderMark: bom), "\(name) bom=\(bom)")
        }
    }

    @Test func validTextHasNoProblem() {
        #expect(TextEncoding.problem(in: Array("---\ntitle: 苹果 café 🙂\n---\nbody".utf8)) == nil)
        #expect(TextEncoding.problem(in: [0xEF, 0xBB, 0xBF] + Array("---\n".utf8)) == nil)
        #expect(TextEncoding.problem(in: []) == nil)
        #expect(TextEncoding.problem(in: Array(String(repeating: "ascii only ", count: 100).utf8)) == nil)
    }

    @Test(arguments: [
        ([0xC0, 0xAF], "overlong slash"),
        ([0xE0, 0x80, 0xAF], "overlong three-byte slash"),
        ([0xF0, 0x80, 0x80, 0xAF], "overlong four-byte slash"),
        ([0xED, 0xA0, 0x80], "encoded surrogate"),
        ([0xF4, 0x90, 0x80, 0x80], "above U+10FFFF"),
        ([0xF5, 0x80, 0x80, 0x80], "F5 lead byte"),
        ([0x80], "stray continuation byte"),
        ([0xE4, 0xB8], "truncated sequence at the end"),
        ([0xE9, 0x20], "Latin-1 é"),
    ] as [([UInt8], String)])
    func invalidUTF8IsFoundAtItsOffset(_ bad: [UInt8], _ label: String) {
        let prefix = Array("---\ntitle: 中文 and more text\n---\n".utf8)
        #expect(TextEncoding.problem(in: prefix + bad + Array(" tail".utf8)) == .invalidUTF8(offset: prefix.count), "\(label)")
    }

    @Test func nulByteIsFoundAtItsOffset() {
        let prefix = Array("---\ntitle: a long enough ascii prefix\n".utf8)
        #expect(TextEncoding.problem(in: prefix + [0] + Array("x".utf8)) == .nulByte(offset: prefix.count))
    }

    /// The fast pass reads sixteen bytes at a time: problems anywhere in or across those blocks, in
    /// text of every sequence length, must still be found at the offset a byte-wise reading gives.
    @Test func problemsAreFoundWhereverTheyFallInLongText() {
        var generator = SystemRandomNumberGenerator()
        let texts = ["中文標點，", "한국어 ", "emoji 🙂 ", "café ", "हिन्दी ", "plain ascii ", "ệ"]
        let odd: [UInt8] = [0x00, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0]
        for _ in 0..<3000 {
            var bytes = Array(String(repeating: texts.randomElement(using: &generator)!, count: Int.random(in: 0...12, using: &generator)).utf8)
            for _ in 0..<Int.random(in: 0...2, using: &generator) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = odd.randomElement(using: &generator)!
            }
            let expected = Self.byteWiseProblem(bytes)
            #expect(bytes.withUnsafeBufferPointer { TextEncoding.firstInvalid($0) } == expected, "\(bytes)")
            #expect(bytes.withUnsafeBufferPointer { TextEncoding.firstInvalid($0, vectorPrefix: false) } == expected, "\(bytes)")
        }
    }

    /// The first problem as the standard library's UTF-8 parser sees it, one scalar at a time.
    static func byteWiseProblem(_ bytes: [UInt8]) -> EncodingProblem? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == 0 { return .nulByte(offset: offset) }
                offset += scalar.count
            case .error:
                return .invalidUTF8(offset: offset)
            case .emptyInput:
                return nil
            }
        }
    }

    @Test func aUTF16FileIsReportedOnceAndNothingElse() throws {
        let bytes = Self.wide[0].bytes
        let config = try ConfigurationLoader.load(source: SourceFile(path: "c.yml", text: "require-front-matter: true\n"), directory: ".")
        let result = Linter.lint(SourceFile(path: "a.md", bytes: bytes), settings: try LintSettings(layer: config.base))
        #expect(result.diagnostics.map(\.rule) == ["file-encoding"])
        #expect(result.diagnostics.first?.message.contains("UTF-16LE") == true)
    }

    @Test func invalidBytesInTheBodyArePositioned() throws {
        let bytes = Array("---\ntitle: a\n---\n中文".utf8) + [0xFF] + Array("\n".utf8)
        let config = try ConfigurationLoader.load(source: SourceFile(path: "c.yml", text: "{}\n"), directory: ".")
        let result = Linter.lint(SourceFile(path: "a.md", bytes: bytes), settings: try LintSettings(layer: config.base))
        let diagnostic = try #require(result.diagnostics.first { $0.rule == "file-encoding" })
        #expect(diagnostic.range.start == Position(line: 4, column: 3, offset: 23))
        #expect(diagnostic.message == "byte 0xFF does not start a valid UTF-8 character")
    }

    @Test func invalidBytesInTheFrontMatterAreReportedOnce() throws {
        let bytes = Array("---\ntitle: caf".utf8) + [0xE9] + Array("\n---\nbody\n".utf8)
        let config = try ConfigurationLoader.load(source: SourceFile(path: "c.yml", text: "{}\n"), directory: ".")
        let result = Linter.lint(SourceFile(path: "a.md", bytes: bytes), settings: try LintSettings(layer: config.base))
        #expect(result.diagnostics.map { "\($0.range.start) \($0.rule)" } == ["2:11 file-encoding"])
        // With file-encoding off, yaml-syntax still says the front matter cannot be read.
        let quiet = try LintSettings(layer: config.base, selection: RuleSelection(ignore: ["file-encoding"]))
        #expect(Linter.lint(SourceFile(path: "a.md", bytes: bytes), settings: quiet).diagnostics.map(\.rule) == ["yaml-syntax"])
    }
}
