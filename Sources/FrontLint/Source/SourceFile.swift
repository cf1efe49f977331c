internal import CUTF8
import Glibc

/// A file's bytes with a line index, able to turn byte offsets into positions.
///
/// Lines end at LF, CRLF or a lone CR, as CommonMark reads them. A UTF-8 byte order mark at the start of
/// the file is not part of line 1: column 1 of line 1 is the first byte after it.
public struct SourceFile: Sendable {
    /// The path as given on the command line (relative stays relative); used in reports.
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0]` is line 1.
    public let lineStarts: [Int]
    /// Whether the file starts with a UTF-8 byte order mark.
    public let hasByteOrderMark: Bool

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.hasByteOrderMark = bom
        self.lineStarts = SourceFile.indexLines(bytes, from: bom ? 3 : 0)
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// `vectors: false` leaves out the AVX2 pass, for tests.
    static func indexLines(_ bytes: [UInt8], from start: Int, vectors: Bool = true) -> [Int] {
        bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            guard let base = buf.baseAddress, start < n else { return [start] }
            // No carriage return anywhere (almost every file): the line feeds alone. The starts go straight
            // into the new array's storage while the room reserved for a line per 40 bytes lasts (appending
            // would check the array's uniqueness and capacity for every line), and are appended after that.
            var offset = start
            var hasCarriageReturns = false
            var starts = [Int](unsafeUninitializedCapacity: n / 40 + 2) { room, count in
                room[0] = start
                count = 1
                // With AVX2, one pass finds the line feeds and any carriage return (Sources/CUTF8).
                let scan = frontlint_line_starts(base, n, start, room.baseAddress! + 1, room.count - 1, vectors ? 1 : 0)
                count += scan.written
                offset = scan.end
                switch scan.outcome {
                case FRONTLINT_LINES_CARRIAGE_RETURN:
                    hasCarriageReturns = true
                case FRONTLINT_LINES_READ:
                    // Out of room before the end: the rest is read as without AVX2.
                    hasCarriageReturns = offset < n && memchr(base + offset, 0x0D, n - offset) != nil
                default:
                    // Without AVX2: memchr for a carriage return, then from one line feed to the next.
                    hasCarriageReturns = memchr(base + start, 0x0D, n - start) != nil
                    while !hasCarriageReturns && count < room.count && offset < n,
                          let hit = memchr(base + offset, 0x0A, n - offset) {
                        offset = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + 1
                        room[count] = offset
                        count += 1
                    }
                }
            }
            if hasCarriageReturns { return indexLinesWithCarriageReturns(buf, from: start) }
            while offset < n, let hit = memchr(base + offset, 0x0A, n - offset) {
                offset = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + 1
                starts.append(offset)
            }
            return starts
        }
    }

    private static func indexLinesWithCarriageReturns(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> [Int] {
        var starts = [start]
        starts.reserveCapacity(buf.count / 40 + 1)
        var i = start
        let n = buf.count
        while i < n {
            let b = buf[i]
            if b == 0x0A {
                starts.append(i + 1)
            } else if b == 0x0D {
                if i + 1 < n && buf[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        return starts
    }

    /// Number of lines; a final line break does not start a new, empty line of its own unless
    /// something follows it.
    public var lineCount: Int {
        if lineStarts.count > 1 && lineStarts.last! == bytes.count { return lineStarts.count - 1 }
        return lineStarts.count
    }

    /// The 1-based line that holds `offset`.
    public func line(containing offset: Int) -> Int {
        // Binary search for the last line start <= offset.
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// Byte range of a line's content, without its line break.
    public func lineContentRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if end > start && bytes[end - 1] == 0x0A { end -= 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// The position of a byte offset. Offsets inside a multi-byte character count from its first byte.
    public func position(atOffset offset: Int) -> Position {
        let clamped = min(max(offset, 0), bytes.count)
        let line = line(containing: clamped)
        let start = lineStarts[line - 1]
        return Position(line: line, column: SourceFile.scalarCount(bytes, start, max(start, clamped)) + 1, offset: clamped)
    }

    /// The position where a line starts (column 1).
    public func startOfLine(_ line: Int) -> Position {
        let l = min(max(line, 1), lineStarts.count)
        return Position(line: l, column: 1, offset: lineStarts[l - 1])
    }

    /// The range of a whole line's content (without its line break).
    public func rangeOfLine(_ line: Int) -> SourceRange {
        let r = lineContentRange(line)
        return SourceRange(start: position(atOffset: r.lowerBound), end: position(atOffset: r.upperBound))
    }

    public func range(_ bytes: Range<Int>) -> SourceRange {
        SourceRange(start: position(atOffset: bytes.lowerBound), end: position(atOffset: bytes.upperBound))
    }

    /// Counts Unicode scalars in `bytes[from..<to]`: every byte that does not continue a UTF-8 sequence.
    /// An invalid byte counts as one scalar, as it will be shown as one replacement character.
    static func scalarCount(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int {
        guard from < to else { return 0 }
        return bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            var i = from
            // Eight bytes at a time: a byte starts a scalar unless it is 10xxxxxx, so where its top bit
            // is clear or the bit below it (shifted up by `word << 1`) is set. The multiplication adds
            // up the one bit per byte that is left in the top byte (no POPCNT on baseline x86-64).
            let raw = UnsafeRawPointer(buffer.baseAddress!)
            while i + 8 <= to {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let starts = ((~word | word << 1) & 0x8080_8080_8080_8080) >> 7
                count += Int((starts &* 0x0101_0101_0101_0101) >> 56)
                i += 8
            }
            while i < to {
                if buffer[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
            return count
        }
    }

    /// The text of a line, decoded leniently (invalid UTF-8 becomes U+FFFD), for reports.
    public func lineText(_ line: Int) -> String {
        String(decoding: bytes[lineContentRange(line)], as: UTF8.self)
    }

    /// Text of a byte range, decoded leniently.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
