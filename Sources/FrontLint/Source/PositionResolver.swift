/// Turns byte offsets into positions, remembering where it was so that a run of offsets on one long line
/// costs the distance between them, not the distance from the line start each time.
struct PositionResolver {
    let source: SourceFile
    private var line = 1
    private var lineStart = 0
    private var offset = 0
    private var column = 1

    init(_ source: SourceFile) {
        self.source = source
        self.lineStart = source.lineStarts[0]
        self.offset = lineStart
    }

    mutating func position(atOffset target: Int) -> Position {
        let target = min(max(target, 0), source.bytes.count)
        let nextLineStart = line < source.lineStarts.count ? source.lineStarts[line] : Int.max
        if target >= offset && target < nextLineStart {
            column += SourceFile.scalarCount(source.bytes, offset, target)
        } else if target >= offset {
            // Usually a few lines further on: walk the line starts instead of searching all of them.
            while line < source.lineStarts.count && source.lineStarts[line] <= target { line += 1 }
            lineStart = source.lineStarts[line - 1]
            column = SourceFile.scalarCount(source.bytes, lineStart, target) + 1
        } else {
            line = source.line(containing: target)
            lineStart = source.lineStarts[line - 1]
            column = SourceFile.scalarCount(source.bytes, lineStart, max(lineStart, target)) + 1
        }
        offset = max(target, lineStart)
        return Position(line: line, column: column, offset: target)
    }
}
