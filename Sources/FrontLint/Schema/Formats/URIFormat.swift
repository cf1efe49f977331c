import Glibc

// `uri` and `uri-reference` (RFC 3986), with the practical allowance of RFC 3987 (IRI): non-ASCII characters
// are accepted in hosts, paths, queries and fragments, since front matter often holds `https://例子.cn/文章`.

extension FormatCheck {
    /// `uri`: an absolute URI per RFC 3986 — a scheme, then (for `//`) an authority with a valid host and port,
    /// a path, query and fragment with no spaces or other characters that must be percent-encoded, and valid
    /// `%XX` escapes. `http`, `https`, `ws`, `wss` and `ftp` need a non-empty host.
    public static func uri(_ text: String) -> String? {
        withUTF8Bytes(text) { URIParser.problem($0, text: text, requireScheme: true) }
    }

    /// `uri-reference`: an absolute URI or a relative reference (`/a/b`, `../img.png`, `?q=1`, `#top`, `//cdn…`).
    public static func uriReference(_ text: String) -> String? {
        withUTF8Bytes(text) { URIParser.problem($0, text: text, requireScheme: false) }
    }

    /// The scheme of a URI, lower-cased (`https` for `HTTPS://x`), or nil when the text does not start with one.
    public static func uriScheme(_ text: String) -> String? {
        withUTF8Bytes(text) { b in URIParser.schemeEnd(b).map { URIParser.scheme(b, end: $0) } }
    }

    /// For the url-scheme rule: why the start of `url` looks like a mistyped `http://` or `https://`, or nil.
    /// Catches near-miss schemes (`htps`, `htttp`, `hppts`, `http`-with-a-typo), a missing colon (`https//…`)
    /// and a wrong number of slashes (`https:/x`, `https:///x`). Real schemes (`ftp`, `mailto` …) are left alone.
    public static func misspeltHTTPScheme(_ url: String) -> String? {
        if withUTF8Bytes(url, URIParser.isPlainlyNotMisspelt) { return nil }
        let lower = url.lowercased()
        for scheme in ["https", "http"] {
            if lower.hasPrefix(scheme + "//") {
                return "\"\(url.prefix(scheme.count + 2))\" is missing the colon: write \(scheme)://"
            }
            if lower.hasPrefix(scheme + ":") {
                let rest = lower.dropFirst(scheme.count + 1)
                let slashes = rest.prefix(while: { $0 == "/" || $0 == "\\" }).count
                if rest.hasPrefix("\\") || rest.dropFirst(slashes).isEmpty == false && slashes != 2 {
                    return "\(scheme): must be followed by exactly two slashes: write \(scheme)://"
                }
                return nil
            }
        }
        guard let scheme = uriScheme(url) else { return nil }
        if let intended = likelyHTTPScheme(scheme) {
            return "the scheme \"\(scheme)\" looks like a misspelling of \"\(intended)\""
        }
        return nil
    }

    /// `https` or `http` when `scheme` is a near miss for one of them (`htps`, `hhtp`, `httsp`), else nil.
    public static func likelyHTTPScheme(_ scheme: String) -> String? {
        let s = Array(scheme.lowercased().utf8)
        let real: Set<String> = ["http", "https", "ftp", "ftps", "sftp", "ws", "wss", "tftp", "hxxp", "hxxps"]
        guard !real.contains(scheme.lowercased()), s.count >= 3, s.count <= 7 else { return nil }
        let https = editDistance(s, Array("https".utf8)), http = editDistance(s, Array("http".utf8))
        let best = min(https, http)
        guard best == 1 || (best == 2 && s.first == UInt8(ascii: "h") && s.count >= 4) else { return nil }
        if https == http { return s.contains(UInt8(ascii: "s")) ? "https" : "http" }
        return https < http ? "https" : "http"
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}

enum URIParser {
    /// A set of ASCII bytes as two 64-bit masks: a component's characters are checked with a shift and a
    /// mask each rather than a chain of comparisons.
    struct ByteSet {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init(_ characters: String) { for c in characters.utf8 { insert(c) } }

        mutating func insert(_ c: UInt8) {
            if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) }
        }

        func adding(_ characters: String) -> ByteSet {
            var set = self
            for c in characters.utf8 { set.insert(c) }
            return set
        }

        @inline(__always) func contains(_ c: UInt8) -> Bool {
            c < 128 && (c < 64 ? low : high) >> UInt64(c & 63) & 1 != 0
        }
    }

    /// RFC 3986's unreserved characters and sub-delims, which every component allows.
    static let unreservedAndSubDelims = ByteSet(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~" + "!$&'()*+,;=")
    static let userInformation = unreservedAndSubDelims.adding(":")
    static let path = unreservedAndSubDelims.adding(":@/")
    static let queryOrFragment = unreservedAndSubDelims.adding(":@/?")

    /// What nearly every value is, told on bytes without lower-casing a copy of it: a URL that starts with
    /// `http://` or `https://` (in any case) and a host, or text with no scheme that does not start with an h.
    /// `misspeltHTTPScheme` finds nothing wrong with either. A non-ASCII byte after the slashes is left to it:
    /// it compares characters, and a combining mark would join the slash.
    static func isPlainlyNotMisspelt(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, ASCII.lower(first) == UInt8(ascii: "h") else { return schemeEnd(b) == nil }
        var i = 0
        for c in "http".utf8 {
            guard i < b.count, ASCII.lower(b[i]) == c else { return false }
            i += 1
        }
        if i < b.count, ASCII.lower(b[i]) == UInt8(ascii: "s") { i += 1 }
        guard i + 3 <= b.count, b[i] == UInt8(ascii: ":"), b[i + 1] == UInt8(ascii: "/"), b[i + 2] == UInt8(ascii: "/")
        else { return false }
        i += 3
        return i == b.count || (b[i] < 0x80 && b[i] != UInt8(ascii: "/") && b[i] != UInt8(ascii: "\\"))
    }

    /// The scheme `b[0..<end]`, lower-cased (schemes are ASCII).
    static func scheme(_ b: UnsafeBufferPointer<UInt8>, end: Int) -> String {
        String(unsafeUninitializedCapacity: end) { buffer in
            for i in 0..<end { buffer[i] = ASCII.lower(b[i]) }
            return end
        }
    }

    /// Whether the scheme `b[0..<end]` is one whose URIs need a host: `http`, `https`, `ws`, `wss` or `ftp`, in
    /// any case. The scheme's bytes, lower-cased, are packed into an integer (the first byte lowest) and compared
    /// with those five words packed so; scheme bytes are never zero, so words of different lengths differ.
    static func needsHost(_ b: UnsafeBufferPointer<UInt8>, schemeEnd end: Int) -> Bool {
        guard end >= 2, end <= 5, end <= b.count else { return false }
        var word: UInt64 = 0
        for i in 0..<end { word |= UInt64(ASCII.lower(b[i])) << UInt64(8 * i) }
        switch word {
        case 0x70_7474_68,  // http
             0x73_7074_7468,  // https
             0x73_77,  // ws
             0x73_7377,  // wss
             0x70_7466:  // ftp
            return true
        default:
            return false
        }
    }

    /// End of `scheme ":"` (index of the colon), or nil.
    static func schemeEnd(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = b.first, ASCII.isAlpha(first) else { return nil }
        var i = 1
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: ":") { return i }
            guard ASCII.isAlphanumeric(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
            else { return nil }
            i += 1
        }
        return nil
    }

    /// Checks the characters of a component from `i` to `end`; returns the first problem, with `i` at it.
    /// `allowed` are the ASCII characters the component takes besides pct-encoded ones; non-ASCII bytes are
    /// accepted (IRI).
    static func component(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, end: Int, allowed: ByteSet,
                          what: String) -> String? {
        while i < end {
            let c = b[i]
            if c >= 0x80 || allowed.contains(c) { i += 1; continue }
            if c == UInt8(ascii: "%") {
                guard i + 2 < end, ASCII.isHexDigit(b[i + 1]), ASCII.isHexDigit(b[i + 2]) else {
                    let shown = String(decoding: b[i..<min(i + 3, end)], as: UTF8.self)
                    return "\"\(shown)\" in the \(what) is not a valid percent-escape (% must be followed by two hex digits)"
                }
                i += 3
                continue
            }
            return "the \(what) contains \(describe(c)), which must be percent-encoded"
                + (c == UInt8(ascii: " ") ? " as %20" : "")
        }
        return nil
    }

    /// The first `byte` in `b[from..<to]`, or nil.
    static func firstIndex(of byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = b.baseAddress, let hit = memchr(base + from, Int32(byte), to - from) else {
            return nil
        }
        return UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// The last `byte` in `b[from..<to]`, or nil. Most hosts hold no `@` and no `:`, which `memchr` tells at once.
    static func lastIndex(of byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard firstIndex(of: byte, in: b, from: from, to: to) != nil else { return nil }
        var i = to
        while i > from {
            i -= 1
            if b[i] == byte { return i }
        }
        return nil
    }

    static func describe(_ c: UInt8) -> String {
        switch c {
        case UInt8(ascii: " "): return "a space"
        case 0x09: return "a tab"
        case 0x0A, 0x0D: return "a line break"
        case 0..<0x20, 0x7F: return "a control character"
        default: return "the character \"\(Character(Unicode.Scalar(c)))\""
        }
    }

    static func problem(_ b: UnsafeBufferPointer<UInt8>, text: String, requireScheme: Bool) -> String? {
        guard !b.isEmpty else { return requireScheme ? "the URI is empty" : nil }
        var i = 0
        let colon = schemeEnd(b)
        if let colon {
            i = colon + 1
        } else if requireScheme {
            if b.first.map(ASCII.isAlpha) == true, b.contains(UInt8(ascii: ".")), !b.contains(UInt8(ascii: ":")) {
                return "\"\(text)\" has no scheme; write https://\(text) for a web address"
            }
            return "\"\(text)\" does not start with a scheme such as https:"
        }
        let end = b.count
        let fragmentAt = firstIndex(of: UInt8(ascii: "#"), in: b, from: i, to: end) ?? end
        let queryAt = firstIndex(of: UInt8(ascii: "?"), in: b, from: i, to: fragmentAt) ?? fragmentAt
        if i + 1 < queryAt, b[i] == UInt8(ascii: "/"), b[i + 1] == UInt8(ascii: "/") {
            i += 2
            let authorityEnd = firstIndex(of: UInt8(ascii: "/"), in: b, from: i, to: queryAt) ?? queryAt
            if let problem = authority(b, i, authorityEnd, schemeEnd: colon) { return problem }
            i = authorityEnd
        } else if let colon, needsHost(b, schemeEnd: colon) {
            let scheme = scheme(b, end: colon)
            return "a \(scheme) URI needs \"//\" and a host after \"\(scheme):\""
        } else if colon == nil {
            // A relative path's first segment may not contain a colon (it would read as a scheme).
            let segmentEnd = firstIndex(of: UInt8(ascii: "/"), in: b, from: i, to: queryAt) ?? queryAt
            if firstIndex(of: UInt8(ascii: ":"), in: b, from: i, to: segmentEnd) != nil {
                return "\"\(text)\" is neither a URI with a scheme nor a relative reference "
                    + "(a colon in the first path segment needs ./ in front)"
            }
        }
        if let p = component(b, &i, end: queryAt, allowed: path, what: "path") { return p }
        if queryAt < fragmentAt {
            i = queryAt + 1
            if let p = component(b, &i, end: fragmentAt, allowed: queryOrFragment, what: "query") { return p }
        }
        if fragmentAt < end {
            i = fragmentAt + 1
            if let p = component(b, &i, end: end, allowed: queryOrFragment, what: "fragment") { return p }
        }
        return nil
    }

    static func authority(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, schemeEnd: Int?) -> String? {
        var hostStart = start
        if let at = lastIndex(of: UInt8(ascii: "@"), in: b, from: start, to: end) {
            var i = start
            if let p = component(b, &i, end: at, allowed: userInformation, what: "user information") { return p }
            hostStart = at + 1
        }
        var hostEnd = end
        if hostStart < end, b[hostStart] == UInt8(ascii: "[") {
            guard let close = b[hostStart..<end].firstIndex(of: UInt8(ascii: "]")) else {
                return "the IPv6 host has no closing \"]\""
            }
            for c in b[(hostStart + 1)..<close] where !(ASCII.isHexDigit(c) || c == UInt8(ascii: ":") || c == UInt8(ascii: ".")) {
                return "the IPv6 host contains \(describe(c))"
            }
            if close == hostStart + 1 { return "the IPv6 host is empty" }
            hostEnd = close + 1
            if hostEnd < end && b[hostEnd] != UInt8(ascii: ":") { return "unexpected text after the IPv6 host" }
        } else if let colon = lastIndex(of: UInt8(ascii: ":"), in: b, from: hostStart, to: end) {
            hostEnd = colon
        }
        if hostEnd < end {
            let port = b[(hostEnd + 1)..<end]
            if !port.allSatisfy(ASCII.isDigit) {
                return "the port \"\(String(decoding: port, as: UTF8.self))\" is not a number"
            }
            if port.count > 5 || (ASCII.decimal(UnsafeBufferPointer(rebasing: port), 0..<port.count) ?? 0) > 65535 {
                return "the port \(String(decoding: port, as: UTF8.self)) is out of range (0–65535)"
            }
        }
        let hostRequired = schemeEnd.map { needsHost(b, schemeEnd: $0) } ?? false
        if hostStart == hostEnd {
            return hostRequired ? "the host is empty: a \(scheme(b, end: schemeEnd!)) URI needs a host after \"//\"" : nil
        }
        if b[hostStart] == UInt8(ascii: "[") { return nil }
        var i = hostStart
        if let p = component(b, &i, end: hostEnd, allowed: unreservedAndSubDelims, what: "host") { return p }
        if hostRequired {
            // A DNS name: no empty labels, none starting or ending with a hyphen.
            // Built only for a message: this runs for every label of every URL.
            var host: String { String(decoding: b[hostStart..<hostEnd], as: UTF8.self) }
            var labelStart = hostStart
            while labelStart <= hostEnd {
                let labelEnd = firstIndex(of: UInt8(ascii: "."), in: b, from: labelStart, to: hostEnd) ?? hostEnd
                if labelStart == labelEnd && !(labelEnd == hostEnd && labelEnd > hostStart) {
                    return "the host \"\(host)\" has an empty label (two dots in a row, or a leading dot)"
                }
                if labelStart < labelEnd, b[labelStart] == UInt8(ascii: "-") || b[labelEnd - 1] == UInt8(ascii: "-") {
                    return "the host \"\(host)\" has a label that starts or ends with a hyphen"
                }
                for k in labelStart..<labelEnd {
                    let c = b[k]
                    if !(ASCII.isAlphanumeric(c) || c == UInt8(ascii: "-") || c >= 0x80 || c == UInt8(ascii: "%") || c == UInt8(ascii: "_")) {
                        return "the host \"\(host)\" contains \(describe(c))"
                    }
                }
                labelStart = labelEnd + 1
            }
        }
        return nil
    }
}
