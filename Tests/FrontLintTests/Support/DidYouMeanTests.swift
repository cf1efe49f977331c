import Testing
@testable import FrontLint

/// Names and candidates that are plain ASCII are compared on bytes; every suggestion must be the one the
/// `String` comparison made.
@Suite struct DidYouMeanTests {
    static let candidateSets: [[String]] = [
        ["title", "date", "publishDate", "authorbox", "thumbnail", "tags", "categories", "lastmod", "draft"],
        ["warning", "error", "off", "info"],
        ["a", "ab", "abc", "ABCD", ""],
        ["Stra\u{00DF}e", "title", "caf\u{00E9}"],
        ["line\r", "line\r\nx", "title"],
    ]
    static let names = ["", "t", "ti", "tit", "titel", "Title", "TITLE", "dat", "daet", "publishdate", "pubdate",
                        "PublishDte", "autorbox", "authorbx", "thumbnial", "tgas", "categroies", "lastmodd", "drfat",
                        "warn", "WARN", "eror", "of", "inf", "abcd", "abdc", "ABC", "b", "strasse", "Strase",
                        "caf\u{00E9}s", "cafe\u{0301}", "line", "line\r\n", "lin\r", "xyzzy", "ti\u{0301}tle"]

    @Test func suggestionsAreThoseOfTheStringComparison() {
        for set in Self.candidateSets {
            for name in Self.names {
                #expect(DidYouMean.suggest(name, from: set) == ReferenceDidYouMean.suggest(name, from: set),
                        "\(Array(name.utf8)) in \(set)")
            }
        }
    }

    @Test func suggestions() {
        let fields = Self.candidateSets[0]
        #expect(DidYouMean.suggest("autorbox", from: fields) == "authorbox")
        #expect(DidYouMean.suggest("PUBLISHDTE", from: fields) == "publishDate")
        #expect(DidYouMean.suggest("cat", from: fields) == "categories")
        #expect(DidYouMean.suggest("xyzzy", from: fields) == nil)
        #expect(DidYouMean.phrase("eror", from: ["warning", "error"]) == " (did you mean `error`?)")
    }
}

/// The suggestion as it was made on `String`s before the comparison moved to bytes: the reference.
private enum ReferenceDidYouMean {
    static func suggest<S: Sequence>(_ name: String, from candidates: S) -> String? where S.Element == String {
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
