extension FormatCheck {
    /// `email`: a practical RFC 5322 addr-spec, `local@domain`. The local part is a dot-atom (letters, digits and
    /// ``!#$%&'*+/=?^_`{|}~-``, dots not first, last or doubled) or a quoted string, at most 64 bytes; the domain
    /// is a DNS name with at least one dot (labels of letters, digits and inner hyphens, at most 63 bytes) or an
    /// address literal in brackets. Non-ASCII letters are accepted (RFC 6531). At most 254 bytes in all.
    public static func email(_ text: String) -> String? {
        withUTF8Bytes(text) { b -> String? in
            guard !b.isEmpty else { return "the email address is empty" }
            if let c = b.first(where: { $0 == UInt8(ascii: " ") || $0 < 0x20 || $0 == 0x7F }), b.first != UInt8(ascii: "\"") {
                return "\"\(text)\" contains \(URIParser.describe(c))"
            }
            guard let at = b.lastIndex(of: UInt8(ascii: "@")) else { return "\"\(text)\" has no @" }
            guard b.count <= 254 else { return "the email address is longer than 254 bytes" }
            let local = b[0..<at], domain = b[(at + 1)...]
            if local.isEmpty { return "\"\(text)\" has nothing before the @" }
            if domain.isEmpty { return "\"\(text)\" has nothing after the @" }
            if local.count > 64 { return "the part before the @ is longer than 64 bytes" }
            if local.first == UInt8(ascii: "\"") {
                guard local.count >= 2, local.last == UInt8(ascii: "\"") else {
                    return "the quoted part before the @ is not closed"
                }
            } else {
                if local.contains(UInt8(ascii: "@")) { return "\"\(text)\" has more than one @" }
                if local.first == UInt8(ascii: ".") || local.last == UInt8(ascii: ".") {
                    return "the part before the @ may not start or end with a dot"
                }
                let atext = Array("!#$%&'*+/=?^_`{|}~-.".utf8)
                var previous: UInt8 = 0
                for c in local {
                    if c == UInt8(ascii: ".") && previous == c { return "the part before the @ has two dots in a row" }
                    guard ASCII.isAlphanumeric(c) || c >= 0x80 || atext.contains(c) else {
                        return "the part before the @ contains \(URIParser.describe(c))"
                    }
                    previous = c
                }
            }
            if domain.first == UInt8(ascii: "[") {
                return domain.last == UInt8(ascii: "]") ? nil : "the address literal after the @ is not closed with ]"
            }
            let domainText = String(decoding: domain, as: UTF8.self)
            guard domain.contains(UInt8(ascii: ".")) else { return "the domain \"\(domainText)\" has no dot" }
            for label in domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
                if label.isEmpty { return "the domain \"\(domainText)\" has an empty label" }
                if label.count > 63 { return "the domain \"\(domainText)\" has a label longer than 63 bytes" }
                if label.first == UInt8(ascii: "-") || label.last == UInt8(ascii: "-") {
                    return "the domain \"\(domainText)\" has a label that starts or ends with a hyphen"
                }
                if let bad = label.first(where: { !(ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 >= 0x80) }) {
                    return "the domain \"\(domainText)\" contains \(URIParser.describe(bad))"
                }
            }
            return nil
        }
    }

    /// Grandfathered tags (RFC 5646 §2.2.8), accepted as a whole, compared case-insensitively.
    static let grandfatheredLanguageTags: Set<String> = [
        "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
        "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de",
        "art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang",
    ]

    /// The shapes nearly every tag has, checked on bytes before the full grammar: `en`, `zh-CN`,
    /// `zh-Hant`, `zh-Hant-TW`, `es-419` (language, optional script, optional region).
    static func isCommonLanguageTag(_ text: String) -> Bool {
        // Each subtag is checked as it ends, against what may come next (no array of subtags: this runs for
        // every language tag of every file).
        var expected = Subtag.language
        var letters = 0, digits = 0
        for b in text.utf8 {
            if b == UInt8(ascii: "-") {
                guard expected.accept(letters: letters, digits: digits) else { return false }
                letters = 0
                digits = 0
            } else if ASCII.isAlpha(b) {
                letters += 1
            } else if ASCII.isDigit(b) {
                digits += 1
            } else {
                return false
            }
        }
        return expected.accept(letters: letters, digits: digits)
    }

    /// Which subtag of a common language tag comes next.
    private enum Subtag {
        case language, scriptOrRegion, region, nothing

        /// Whether a subtag of so many letters and digits may come here; if so, moves on past it.
        mutating func accept(letters: Int, digits: Int) -> Bool {
            switch self {
            case .language:
                guard digits == 0, letters == 2 || letters == 3 else { return false }
                self = .scriptOrRegion
            case .scriptOrRegion where letters == 4 && digits == 0:
                self = .region
            case .scriptOrRegion, .region:
                guard (letters == 2 && digits == 0) || (letters == 0 && digits == 3) else { return false }
                self = .nothing
            case .nothing:
                return false
            }
            return true
        }
    }

    /// `bcp47`: a language tag in the syntax of RFC 5646 (`en`, `zh-CN`, `zh-Hant-TW`, `sr-Latn-RS`,
    /// `de-CH-1996`, `en-US-u-ca-gregory`, `x-private`), case-insensitive, grandfathered tags included.
    /// Subtags are not looked up in the IANA registry, but a primary language of 4–8 letters is refused: the
    /// syntax reserves it and no such code is registered, so `english` is a mistake for `en`.
    public static func bcp47(_ text: String) -> String? {
        guard !text.isEmpty else { return "the language tag is empty" }
        if isCommonLanguageTag(text) { return nil }
        if grandfatheredLanguageTags.contains(text.lowercased()) { return nil }
        if text.contains("_") {
            return "\"\(text)\" uses an underscore; language tags use hyphens (\(String(text.map { $0 == "_" ? "-" : $0 })))"
        }
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false).map { Array($0.utf8) }
        if subtags.contains(where: \.isEmpty) { return "\"\(text)\" has an empty subtag (a doubled or trailing hyphen)" }
        if let bad = subtags.first(where: { $0.count > 8 || !$0.allSatisfy(ASCII.isAlphanumeric) }) {
            let s = String(decoding: bad, as: UTF8.self)
            return bad.count > 8 ? "the subtag \"\(s)\" is longer than 8 characters"
                : "the subtag \"\(s)\" may only hold ASCII letters and digits"
        }
        let isAlpha = { (s: [UInt8]) in s.allSatisfy(ASCII.isAlpha) }
        let isDigits = { (s: [UInt8]) in s.allSatisfy(ASCII.isDigit) }
        var i = 0
        let first = subtags[0]
        if first.count == 1 && ASCII.lower(first[0]) == UInt8(ascii: "x") {
            return privateUse(subtags, from: 1, text: text)
        }
        guard isAlpha(first), first.count >= 2 else {
            return "\"\(text)\" must start with a 2- or 3-letter language code such as en or zh"
        }
        if first.count >= 4 {
            return "\"\(String(decoding: first, as: UTF8.self))\" is not a language code; use a 2- or 3-letter code such as en"
        }
        i = 1
        // extlang: up to three 3-letter subtags after a 2–3 letter language.
        var extlangs = 0
        while i < subtags.count, subtags[i].count == 3, isAlpha(subtags[i]), extlangs < 3 { i += 1; extlangs += 1 }
        if i < subtags.count, subtags[i].count == 4, isAlpha(subtags[i]) { i += 1 }  // script
        if i < subtags.count, (subtags[i].count == 2 && isAlpha(subtags[i])) || (subtags[i].count == 3 && isDigits(subtags[i])) {
            i += 1  // region
        }
        var variants = Set<[UInt8]>()
        while i < subtags.count,
              subtags[i].count >= 5 || (subtags[i].count == 4 && ASCII.isDigit(subtags[i][0])) {
            if !variants.insert(subtags[i].map(ASCII.lower)).inserted {
                return "the variant \"\(String(decoding: subtags[i], as: UTF8.self))\" appears twice"
            }
            i += 1
        }
        var singletons = Set<UInt8>()
        while i < subtags.count, subtags[i].count == 1 {
            let singleton = ASCII.lower(subtags[i][0])
            if singleton == UInt8(ascii: "x") { return privateUse(subtags, from: i + 1, text: text) }
            if !singletons.insert(singleton).inserted {
                return "the extension \"\(Character(Unicode.Scalar(singleton)))\" appears twice"
            }
            i += 1
            let start = i
            while i < subtags.count, subtags[i].count >= 2 { i += 1 }
            if i == start { return "the extension \"\(Character(Unicode.Scalar(singleton)))\" has no subtags after it" }
        }
        if i < subtags.count {
            return "the subtag \"\(String(decoding: subtags[i], as: UTF8.self))\" is out of place in \"\(text)\" "
                + "(expected language-Script-REGION-variant, e.g. zh-Hant-TW)"
        }
        return nil
    }

    private static func privateUse(_ subtags: [[UInt8]], from: Int, text: String) -> String? {
        guard from < subtags.count else { return "the private-use part of \"\(text)\" has no subtags after x" }
        return nil
    }
}
