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
