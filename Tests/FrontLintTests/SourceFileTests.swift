import Testing
@testable import FrontLint

@Suite struct SourceFileTests {
    @Test func positionsCountScalarsAndSkipTheByteOrderMark() {
        let source = SourceFile(path: "a.md", bytes: [0xEF, 0xBB, 0xBF] + Array("ab\r\n中文x\n".utf8))
        #expect(source.position(atOffset: 3) == Position(line: 1, column: 1, offset: 3))
        let x = source.bytes.firstIndex(of: UInt8(ascii: "x"))!
        #expect(source.position(atOffset: x) == Position(line: 2, column: 3, offset: x))
        #expect(source.lineText(2) == "中文x")
        #expect(source.lineCount == 2)
    }

    @Test func loneCarriageReturnEndsALine() {
        let source = SourceFile(path: "a.md", text: "a\rb\nc")
        #expect(source.lineStarts == [0, 2, 4])
        #expect(source.lineText(1) == "a")
        #expect(source.lineText(3) == "c")
    }
}

/// The line index against a byte-by-byte reading, on random text dense and sparse in line breaks of
/// every kind, with and without a byte order mark.
@Suite struct SourceFileLineIndexTests {
    static func referenceLineStarts(_ bytes: [UInt8]) -> [Int] {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var starts = [start]
        var i = start
        while i < bytes.count {
            if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            if bytes[i] == 0x0A || bytes[i] == 0x0D { starts.append(i + 1) }
            i += 1
        }
        return starts
    }

    @Test func lineStartsMatchAByteWiseReading() {
        var generator = SeededGenerator(seed: 3)
        let pieces: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], Array("a".utf8), Array("中文".utf8), Array("some words ".utf8)]
        for round in 0..<3000 {
            // Rounds alternate between text that is mostly line breaks (more lines than the index reserves
            // room for at first) and text with long lines, with carriage returns or without.
            let breaks = round % 2 == 0 ? 0...2 : 0...1
            let withCarriageReturns = round % 4 < 2
            var bytes: [UInt8] = round % 3 == 0 ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<Int.random(in: 0...120, using: &generator) {
                var piece = Int.random(in: 0...5, using: &generator)
                if piece > 2 && Int.random(in: 0...3, using: &generator) > 0 { piece = Int.random(in: breaks, using: &generator) }
                if !withCarriageReturns && (piece == 1 || piece == 2) { piece = 0 }
                bytes += pieces[piece]
            }
            let source = SourceFile(path: "a.md", bytes: bytes)
            #expect(source.lineStarts == Self.referenceLineStarts(bytes), "\(bytes)")
        }
    }

    @Test func aFileOfEmptyLines() {
        let bytes = [UInt8](repeating: 0x0A, count: 5000)
        let source = SourceFile(path: "a.md", bytes: bytes)
        #expect(source.lineStarts == Array(0...5000))
        #expect(source.lineCount == 5000)
    }
}
