/// Builds the text reported for a heading from its source bytes.
///
/// Inline markup is kept as written (`*emph*` stays `*emph*`), but backslash escapes of ASCII punctuation are
/// resolved (`\#` becomes `#`), except inside code spans, where a backslash is literal. A backslash at the
/// end of a line that another line follows is a hard line break and is dropped.
enum HeadingText {
    /// The text of `segments` (each already trimmed of surrounding spaces and tabs), joined with `\n`.
    static func text(_ bytes: Bytes, segments: [Range<Int>]) -> String {
        var raw = [UInt8]()
        raw.reserveCapacity(segments.reduce(segments.count) { $0 + $1.count })
        for (k, segment) in segments.enumerated() {
            if k > 0 { raw.append(ASCII.lineFeed) }
            raw.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment]))
        }
        return raw.withUnsafeBufferPointer { resolve($0) }
    }

    private static func resolve(_ raw: Bytes) -> String {
        let n = raw.count
        var closers = BacktickRuns(raw)
        var out = [UInt8]()
        out.reserveCapacity(n)
        var i = 0
        while i < n {
            let b = raw[i]
            if b == ASCII.backslash && i + 1 < n {
                let next = raw[i + 1]
                if ASCII.isPunctuation(next) {
                    out.append(next)
                    i += 2
                } else {
                    if next != ASCII.lineFeed { out.append(b) }
                    i += 1
                }
            } else if b == ASCII.backtick {
                var j = i
                while j < n && raw[j] == ASCII.backtick { j += 1 }
                let spanEnd = closers.endOfRun(length: j - i, startingAtOrAfter: j) ?? j
                out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[i..<spanEnd]))
                i = spanEnd
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The maximal backtick runs of a text, grouped by length, for finding the run that closes a code span in
/// linear time overall: the queries' positions only grow, so each group is walked once.
private struct BacktickRuns {
    private var startsByLength: [Int: [Int]] = [:]
    private var cursors: [Int: Int] = [:]

    init(_ raw: Bytes) {
        var i = 0
        let n = raw.count
        while i < n {
            if raw[i] == ASCII.backtick {
                let start = i
                while i < n && raw[i] == ASCII.backtick { i += 1 }
                startsByLength[i - start, default: []].append(start)
            } else {
                i += 1
            }
        }
    }

    /// The end of the first run of exactly `length` backticks that starts at or after `position`.
    mutating func endOfRun(length: Int, startingAtOrAfter position: Int) -> Int? {
        guard let starts = startsByLength[length] else { return nil }
        var k = cursors[length] ?? 0
        while k < starts.count && starts[k] < position { k += 1 }
        cursors[length] = k
        return k < starts.count ? starts[k] + length : nil
    }
}
