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
            #expect(SourceFile.indexLines(bytes, from: source.lineStarts[0], vectors: false) == source.lineStarts, "\(bytes)")
        }
    }

    /// A line feed, a carriage return or both at every offset of 200 bytes of text (across the 64-byte
    /// steps of the AVX2 pass and into its byte-wise tail), alone or with a line feed every 50 bytes.
    @Test func aLineBreakAtEveryOffset() {
        let text = Array(String(repeating: "中文 and ascii ", count: 20).utf8.prefix(200))
        for lineBreak: [UInt8] in [[0x0A], [0x0D], [0x0D, 0x0A]] {
            for offset in 0...200 {
                for withOtherLines in [false, true] {
                    var bytes = text
                    if withOtherLines { for k in stride(from: 10, to: 200, by: 50) { bytes[k] = 0x0A } }
                    bytes.replaceSubrange(offset..<min(offset + lineBreak.count, bytes.count), with: lineBreak)
                    let expected = Self.referenceLineStarts(bytes)
                    #expect(SourceFile.indexLines(bytes, from: 0) == expected, "\(bytes)")
                    #expect(SourceFile.indexLines(bytes, from: 0, vectors: false) == expected, "\(bytes)")
                }
            }
        }
    }

    /// More lines than the index reserves room for, then a carriage return: found after the room ran out.
    @Test func aCarriageReturnAfterTheRoomRunsOut() {
        let bytes = [UInt8](repeating: 0x0A, count: 5000) + Array("a\rb\n".utf8)
        #expect(SourceFile(path: "a.md", bytes: bytes).lineStarts == Self.referenceLineStarts(bytes))
        #expect(SourceFile.indexLines(bytes, from: 0, vectors: false) == Self.referenceLineStarts(bytes))
    }

    @Test func aFileOfEmptyLines() {
        let bytes = [UInt8](repeating: 0x0A, count: 5000)
        let source = SourceFile(path: "a.md", bytes: bytes)
        #expect(source.lineStarts == Array(0...5000))
        #expect(source.lineCount == 5000)
    }
}
