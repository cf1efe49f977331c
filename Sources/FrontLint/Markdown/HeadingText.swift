/// Builds the text reported for a heading from its source bytes.
///
/// Inline markup is kept as written (`*emph*` stays `*emph*`), but backslash escapes of ASCII punctuation are
/// resolved (`\#` becomes `#`), except inside code spans, where a backslash is literal. A backslash at the
/// end of a line that another line follows is a hard line break and is dropped.
enum HeadingText {
    /// The text of `segments` (each already trimmed of surrounding spaces and tabs), joined with `\n`, as
    /// valid UTF-8: a byte sequence that is not is replaced with U+FFFD, as `String` does.
    static func text(_ bytes: Bytes, segments: [Range<Int>]) -> [UInt8] {
        if segments.count == 1 {
            return resolve(UnsafeBufferPointer(rebasing: bytes[segments[0]]))
        }
        var raw = [UInt8]()
        raw.reserveCapacity(segments.reduce(segments.count) { $0 + $1.count })
        for (k, segment) in segments.enumerated() {
            if k > 0 { raw.append(ASCII.lineFeed) }
            raw.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment]))
        }
        return raw.withUnsafeBufferPointer { resolve($0) }
    }

    private static func resolve(_ raw: Bytes) -> [UInt8] {
        let n = raw.count
        var out = [UInt8]()
        out.reserveCapacity(n)
        var runs: BacktickRuns?
        var plainFrom = 0
        var i = 0
        while i < n {
            let b = raw[i]
            if b != ASCII.backslash && b != ASCII.backtick {
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[plainFrom..<i]))
            if b == ASCII.backslash {
                if i + 1 < n && ASCII.isPunctuation(raw[i + 1]) {
                    out.append(raw[i + 1])
                    i += 2
                } else {
                    if i + 1 == n || raw[i + 1] != ASCII.lineFeed { out.append(b) }
                    i += 1
                }
            } else {
                if runs == nil { runs = BacktickRuns(raw) }
                let spanEnd = runs!.codeSpanEnd(openingAt: i)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[i..<spanEnd]))
                i = spanEnd
            }
            plainFrom = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[plainFrom..<n]))
        return Array(String(decoding: out, as: UTF8.self).utf8)
    }
}

/// The maximal backtick runs of a text, for finding the run that closes a code span in linear time overall.
private struct BacktickRuns {
    private var starts: [Int] = []
    private var lengths: [Int] = []
    /// Index of the next run with the same length, or -1.
    private var nextSameLength: [Int] = []
    /// Per length: a run of that length, moved forward along `nextSameLength` as the text is read.
    private var cursorSmall: [Int]
    private var cursorLarge: [Int: Int] = [:]
    /// The run holding or following the position last asked about.
    private var current = 0
    private static let small = 64

    init(_ raw: Bytes) {
        var i = 0
        let n = raw.count
        while i < n {
            if raw[i] == ASCII.backtick {
                let start = i
                while i < n && raw[i] == ASCII.backtick { i += 1 }
                starts.append(start)
                lengths.append(i - start)
            } else {
                i += 1
            }
        }
        nextSameLength = Array(repeating: -1, count: starts.count)
        cursorSmall = Array(repeating: -1, count: Self.small)
        var k = starts.count - 1
        while k >= 0 {
            let length = lengths[k]
            if length < Self.small {
                nextSameLength[k] = cursorSmall[length]
                cursorSmall[length] = k
            } else {
                nextSameLength[k] = cursorLarge[length] ?? -1
                cursorLarge[length] = k
            }
            k -= 1
        }
    }

    /// Where the code span opened by the backticks at `position` ends (after its closing run), or the end of
    /// the opening run when no run of the same length follows. `position` never decreases between calls.
    mutating func codeSpanEnd(openingAt position: Int) -> Int {
        while starts[current] + lengths[current] <= position { current += 1 }
        // After an escaped backtick the opening run is the rest of a raw run.
        let length = starts[current] + lengths[current] - position
        let runEnd = position + length
        var k = length < Self.small ? cursorSmall[length] : (cursorLarge[length] ?? -1)
        while k != -1 && k <= current { k = nextSameLength[k] }
        if length < Self.small { cursorSmall[length] = k } else { cursorLarge[length] = k }
        current += 1
        guard k != -1 else { return runEnd }
        let spanEnd = starts[k] + lengths[k]
        while current < starts.count && starts[current] < spanEnd { current += 1 }
        return spanEnd
    }
}
