/// Suggests the closest of a set of known names for a misspelt one.
public enum DidYouMean {
    /// The candidate closest to `name` by edit distance (case-insensitive), if it is close enough to be a
    /// plausible misspelling: at most a third of the name's length, and at most 3 edits.
    public static func suggest<C: Collection>(_ name: String, from candidates: C) -> String? where C.Element == String {
        if isPlainASCII(name), candidates.allSatisfy(isPlainASCII) {
            return suggestPlainASCII(name, from: candidates)
        }
        let lowered = name.lowercased()
        // A truncated name (`warn` for `warning`) is a likely slip too.
        if lowered.count >= 3, let prefixed = candidates.first(where: { $0.lowercased().hasPrefix(lowered) }) {
            return prefixed
        }
        let target = Array(lowered.unicodeScalars)
        let limit = min(3, max(1, target.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased().unicodeScalars)
            if abs(c.count - target.count) > limit { continue }
            let d = distance(target, c, limit: limit)
            if d <= limit, best == nil || d < best!.distance {
                best = (candidate, d)
            }
        }
        return best?.name
    }

    /// `suggest` when the name and every candidate are plain ASCII (`isPlainASCII`), on bytes: there a byte is
    /// a `Character` and a Unicode scalar, and lowering is ASCII's, so the suggestion is the same. Each
    /// candidate is lowered into one scratch array, and the distance rows are shared: lowering every candidate
    /// into a `String` and an array of scalars, on every unknown key of every file, cost more than the rest of
    /// reporting the key.
    private static func suggestPlainASCII<C: Collection>(_ name: String, from candidates: C) -> String?
    where C.Element == String {
        let target = withUTF8Bytes(name) { $0.map(ASCII.lower) }
        var lowered: [UInt8] = []
        func lower(_ candidate: String) {
            lowered.removeAll(keepingCapacity: true)
            withUTF8Bytes(candidate) { lowered.append(contentsOf: $0) }
            lowered.withUnsafeMutableBufferPointer { bytes in
                for index in bytes.indices { bytes[index] = ASCII.lower(bytes[index]) }
            }
        }
        // A truncated name (`warn` for `warning`) is a likely slip too.
        if target.count >= 3 {
            for candidate in candidates where candidate.utf8.count >= target.count {
                let isPrefixed = withUTF8Bytes(candidate) { bytes in
                    target.indices.allSatisfy { ASCII.lower(bytes[$0]) == target[$0] }
                }
                if isPrefixed { return candidate }
            }
        }
        let limit = min(3, max(1, target.count / 3))
        var best: (name: String, distance: Int)?
        var rows: [Int] = []
        for candidate in candidates {
            if abs(candidate.utf8.count - target.count) > limit { continue }
            lower(candidate)
            let d = distance(target, lowered, limit: limit, rows: &rows)
            if d <= limit, best == nil || d < best!.distance {
                best = (candidate, d)
            }
        }
        return best?.name
    }

    /// Whether every byte of `text` is ASCII other than a carriage return (which joins a following line feed
    /// into one `Character`).
    private static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != ASCII.carriageReturn }
    }

    /// `distance` on bytes, in `rows` (three rows, grown as needed) rather than in arrays of its own.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int, rows: inout [Int]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        if rows.count < 3 * width { rows = [Int](repeating: 0, count: 3 * width) }
        return rows.withUnsafeMutableBufferPointer { rows in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    var previous2 = 0, previous = width, current = 2 * width
                    for j in 0...b.count { rows[previous + j] = j }
                    for i in 1...a.count {
                        rows[current] = i
                        var rowMin = i
                        for j in 1...b.count {
                            // Wrapping arithmetic: the values are at most the names' lengths.
                            let cost = a[i &- 1] == b[j &- 1] ? 0 : 1
                            var value = rows[previous &+ j &- 1] &+ cost
                            value = Swift.min(value, rows[previous &+ j] &+ 1)
                            value = Swift.min(value, rows[current &+ j &- 1] &+ 1)
                            if i > 1 && j > 1 && a[i &- 1] == b[j &- 2] && a[i &- 2] == b[j &- 1] {
                                value = Swift.min(value, rows[previous2 &+ j &- 2] &+ 1)
                            }
                            rows[current &+ j] = value
                            rowMin = Swift.min(rowMin, value)
                        }
                        if rowMin > limit { return rowMin }
                        (previous2, previous, current) = (previous, current, previous2)
                    }
                    return rows[previous + b.count]
                }
            }
        }
    }

    /// `(did you mean `x`?)` or an empty string, for messages.
    public static func phrase<C: Collection>(_ name: String, from candidates: C) -> String where C.Element == String {
        suggest(name, from: candidates).map { " (did you mean `\($0)`?)" } ?? ""
    }

    /// Damerau-Levenshtein distance (optimal string alignment), with an early exit past `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > limit { return rowMin }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
