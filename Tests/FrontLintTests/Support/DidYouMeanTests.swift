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
            // The distance on scalars, which the `String` path still uses, against the bytes path.
            let d = DidYouMean.distance(target, c, limit: limit)
            if d <= limit, best == nil || d < best!.distance {
                best = (candidate, d)
            }
        }
        return best?.name
    }
}
