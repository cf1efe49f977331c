/// Suggests the closest of a set of known names for a misspelt one.
public enum DidYouMean {
    /// The candidate closest to `name` by edit distance (case-insensitive), if it is close enough to be a
    /// plausible misspelling: at most a third of the name's length, and at most 3 edits.
    public static func suggest<S: Sequence>(_ name: String, from candidates: S) -> String? where S.Element == String {
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

    /// `(did you mean `x`?)` or an empty string, for messages.
    public static func phrase<S: Sequence>(_ name: String, from candidates: S) -> String where S.Element == String {
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
