/// A place in a file: 1-based line, 1-based column counted in Unicode scalars, 0-based byte offset.
///
/// Every position frontlint reports is a position in the original file on disk, with the front matter
/// offset, a UTF-8 byte order mark and CRLF line endings already accounted for.
public struct Position: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: Position, rhs: Position) -> Bool {
        lhs.offset < rhs.offset
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open range `[start, end)` in a file.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    /// An empty range at one position.
    public init(at position: Position) {
        self.init(start: position, end: position)
    }

    public var description: String { "\(start)-\(end)" }
}
