/// Turns libyaml's marks into file positions, when a diagnostic or a rule asks for one. libyaml counts marks
/// in characters from the start of its input; a position is found by walking the bytes from a known point
/// (the start of the input, or in a long input the nearest checkpoint before the mark), keeping the byte
/// offset, line and column together. No state is kept between questions, so they may come in any order.
///
/// Lines and columns follow `SourceFile`: lines end at LF, CRLF or a lone CR, and a column counts Unicode
/// scalars from the line start. (libyaml's own line and column also count U+2028, U+2029 and NEL as line
/// breaks, so they are not used.)
struct MarkPositions: Sendable {
    /// A character index of the input with its position.
    struct Point: Sendable {
        var index: Int
        var offset: Int
        var line: Int
        var column: Int
    }

    /// The whole file: the byte after the input decides whether a carriage return at its end ends a line.
    private let bytes: [UInt8]
    /// Where the input ends in `bytes`: marks past it (libyaml's end of stream) are placed there.
    private let end: Int
    private let start: Point
    /// In a long input, points every `checkpointSpacing` characters after `start`, so that a question
    /// walks at most that far. Empty for the short input front matter usually is.
    private let checkpoints: [Point]

    /// Inputs up to this many bytes are walked from their start: a walk of a kilobyte costs less than the
    /// checkpoints would. (Front matter is mostly shorter; configuration presets are longer, and ask for a
    /// position for every field they define.)
    static let walkedFromStart = 1024
    static let checkpointSpacing = 256

    init() {
        bytes = []
        end = 0
        start = Point(index: 0, offset: 0, line: 1, column: 1)
        checkpoints = []
    }

    init(source: SourceFile, range: Range<Int>) {
        let end = range.upperBound
        let position = source.position(atOffset: range.lowerBound)
        let start = Point(index: 0, offset: range.lowerBound, line: position.line, column: position.column)
        var points: [Point] = []
        if range.count > MarkPositions.walkedFromStart {
            points.reserveCapacity(range.count / MarkPositions.checkpointSpacing + 1)
            source.bytes.withUnsafeBufferPointer { buffer in
                var point = start
                while point.offset < end {
                    point = MarkPositions.walk(buffer, from: point, characters: point.index + MarkPositions.checkpointSpacing, end: end)
                    points.append(point)
                }
            }
        }
        self.bytes = source.bytes
        self.end = end
        self.start = start
        self.checkpoints = points
    }

    /// The position of character `index` of the input.
    func position(ofCharacter index: Int) -> Position {
        let point = bytes.withUnsafeBufferPointer { buffer in
            MarkPositions.walk(buffer, from: nearestPoint(before: index), characters: index, end: end)
        }
        return position(point)
    }

    /// The range between two character indices of the input: the end is walked to from the start.
    func range(_ marks: YAMLMarks) -> SourceRange {
        bytes.withUnsafeBufferPointer { buffer in
            let start = Int(marks.start)
            let end = Int(marks.end)
            let first = MarkPositions.walk(buffer, from: nearestPoint(before: start), characters: start, end: self.end)
            let last = end >= start ? first : nearestPoint(before: end)
            let second = MarkPositions.walk(buffer, from: last, characters: end, end: self.end)
            return SourceRange(start: position(first), end: position(second))
        }
    }

    /// The last known point at or before character `index`: the start, or in a long input the checkpoint
    /// there. Checkpoints are evenly spaced in characters, except the last, which may stop short at the end
    /// of the input.
    private func nearestPoint(before index: Int) -> Point {
        guard let first = checkpoints.first, first.index <= index else { return start }
        return checkpoints[min(index / MarkPositions.checkpointSpacing, checkpoints.count) - 1]
    }

    private func position(_ point: Point) -> Position {
        Position(line: point.line, column: point.column, offset: min(point.offset, end))
    }

    /// Walks forward from `point` to character `target` of the input (staying put if it is behind),
    /// stopping at `end`.
    static func walk(_ buffer: UnsafeBufferPointer<UInt8>, from point: Point, characters target: Int, end: Int) -> Point {
        var offset = point.offset
        var line = point.line
        var column = point.column
        var remaining = target - point.index
        while remaining > 0 && offset < end {
            // Eight bytes at a time where none is a control character below 0x0E (so no LF or CR), as long as
            // more characters remain than can start in them: a byte starts a character unless it is
            // 10xxxxxx, the count as in `SourceFile.scalarCount`. A word may end inside a character, whose
            // remaining bytes are then skipped below.
            if remaining >= 8 && offset + 8 <= end {
                let word = UnsafeRawPointer(buffer.baseAddress!).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                if (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & 0x8080_8080_8080_8080 == 0 {
                    let starts = ((~word | word << 1) & 0x8080_8080_8080_8080) >> 7
                    let count = Int((starts &* 0x0101_0101_0101_0101) >> 56)
                    offset += 8
                    column += count
                    remaining -= count
                    continue
                }
            }
            let byte = buffer[offset]
            if byte > 0x0D && byte < 0x80 {
                offset += 1
                column += 1
                remaining -= 1
            } else if byte < 0x80 {
                offset += 1
                remaining -= 1
                // A line feed ends a line, and so does a carriage return that no line feed follows.
                if byte == 0x0A || (byte == 0x0D && (offset == buffer.count || buffer[offset] != 0x0A)) {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            } else if byte & 0xC0 == 0x80 {
                offset += 1  // the rest of a character a word step counted
            } else {
                offset += sequenceLength(byte)
                column += 1
                remaining -= 1
            }
        }
        // After a word step, the last character counted may go on past the word.
        while offset < end && buffer[offset] & 0xC0 == 0x80 { offset += 1 }
        return Point(index: remaining < 0 ? point.index : target - remaining, offset: offset, line: line, column: column)
    }

    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0..<0xF8: return 4
        default: return 1
        }
    }
}
