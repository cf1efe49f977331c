/// Columns in the units other tools count in. frontlint's own positions count Unicode scalars; SARIF and
/// GitHub count UTF-16 code units (a character outside the Basic Multilingual Plane, such as most emoji,
/// is two), so a report converts from the bytes of the line when it has them.
enum ColumnUnits {
    /// The 1-based UTF-16 column of a position, from the bytes between its line start and its offset.
    /// Without the source (a file that could not be read), the scalar column is the best there is.
    static func utf16Column(_ position: Position, in source: SourceFile?) -> Int {
        guard let source, position.line >= 1, position.line <= source.lineStarts.count else { return position.column }
        let lineStart = source.lineStarts[position.line - 1]
        let end = min(max(position.offset, lineStart), source.bytes.count)
        var units = 0
        var i = lineStart
        while i < end {
            let byte = source.bytes[i]
            // A lead byte starts a scalar; a four-byte lead (F0–F4) starts one that needs a surrogate pair.
            // An invalid byte is shown as U+FFFD, one unit.
            if byte & 0xC0 != 0x80 { units += (byte >= 0xF0 && byte <= 0xF4) ? 2 : 1 }
            i += 1
        }
        return units + 1
    }
}
