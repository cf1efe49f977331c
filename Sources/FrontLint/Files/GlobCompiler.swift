/// Turns pattern text into `Glob`'s flat arrays: braces expanded into alternatives, each alternative
/// split into segments, each segment into tokens (or one literal byte run when it has no wildcards).
struct GlobCompiler {
    let pattern: String
    let braces: Bool

    var alternatives: [Glob.Alternative] = []
    var tokens: [Glob.Token] = []
    var literals: [UInt8] = []
    var classes: [Glob.CharacterClass] = []

    /// `{a,b}{c,d}…` multiplies; past this many alternatives the pattern is refused rather than compiled.
    static let maximumAlternatives = 256

    init(pattern: String, braces: Bool) {
        self.pattern = pattern
        self.braces = braces
    }

    mutating func compile() throws(GlobError) {
        let scalars = Array(pattern.unicodeScalars)
        let expanded = braces ? try expand(scalars) : [scalars]
        for alternative in expanded {
            try compileAlternative(alternative)
        }
    }

    private func failure(_ message: String) -> GlobError {
        GlobError(pattern: pattern, message: message)
    }

    // MARK: Braces

    private func expand(_ s: [Unicode.Scalar]) throws(GlobError) -> [[Unicode.Scalar]] {
        var i = 0
        while i < s.count {
            switch s[i] {
            case "\\":
                i += 2
            case "[":
                i = classEnd(s, i) ?? i + 1
            case "{":
                var depth = 0
                var j = i
                var commas: [Int] = []
                scan: while j < s.count {
                    switch s[j] {
                    case "\\": j += 1
                    case "[": j = (classEnd(s, j) ?? j + 1) - 1
                    case "{": depth += 1
                    case "}":
                        depth -= 1
                        if depth == 0 { break scan }
                    case "," where depth == 1: commas.append(j)
                    default: break
                    }
                    j += 1
                }
                guard j < s.count else { throw failure("\"{\" at character \(i + 1) is never closed") }
                if commas.isEmpty {
                    i += 1 // `{a}` is literal text, but may hold a real alternation inside
                    continue
                }
                let prefix = s[..<i]
                let suffix = s[(j + 1)...]
                let bounds = [i] + commas + [j]
                var results: [[Unicode.Scalar]] = []
                for k in 0..<(bounds.count - 1) {
                    let option = s[(bounds[k] + 1)..<bounds[k + 1]]
                    results += try expand(Array(prefix + option + suffix))
                    if results.count > GlobCompiler.maximumAlternatives {
                        throw failure("braces expand to more than \(GlobCompiler.maximumAlternatives) alternatives")
                    }
                }
                return results
            default:
                i += 1
            }
        }
        return [s]
    }

    /// The index just past the `]` closing the class that opens at `i`, or nil when it is never closed.
    private func classEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        var j = i + 1
        if j < s.count && (s[j] == "!" || s[j] == "^") { j += 1 }
        if j < s.count && s[j] == "]" { j += 1 }
        while j < s.count {
            switch s[j] {
            case "]": return j + 1
            case "\\": j += 2
            case "[" where j + 1 < s.count && s[j + 1] == ":":
                guard let close = posixClassClose(s, j + 2) else { j += 1; continue }
                j = close + 2
            default: j += 1
            }
        }
        return nil
    }

    private func posixClassClose(_ s: [Unicode.Scalar], _ from: Int) -> Int? {
        var k = from
        while k + 1 < s.count {
            if s[k] == ":" && s[k + 1] == "]" { return k }
            if s[k] == "]" { return nil }
            k += 1
        }
        return nil
    }

    // MARK: Segments

    private mutating func compileAlternative(_ text: [Unicode.Scalar]) throws(GlobError) {
        var s = text
        var directoryOnly = false
        while let last = s.last, last == "/", !isEscaped(s, s.count - 1) {
            s.removeLast()
            directoryOnly = true
        }
        let anchored = s.contains("/")
        while let first = s.first, first == "/" { s.removeFirst() }
        guard !s.isEmpty else { throw failure("the pattern matches nothing: it is empty or only slashes") }

        var segments: [Glob.Segment] = []
        if anchored {
            for part in s.split(separator: "/", omittingEmptySubsequences: true) {
                if part.count == 2 && part.allSatisfy({ $0 == "*" }) {
                    if segments.last != .globstar { segments.append(.globstar) }
                } else {
                    segments.append(try compileSegment(Array(part)))
                }
            }
            // `a/**` is everything inside `a`, not `a` itself: at least one more segment.
            if segments.last == .globstar {
                tokens.append(.star)
                segments.append(.wildcard((tokens.count - 1)..<tokens.count))
            }
        } else {
            segments.append(try compileSegment(s))
        }
        alternatives.append(Glob.Alternative(segments: segments, anchored: anchored, directoryOnly: directoryOnly))
    }

    private func isEscaped(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var backslashes = 0
        var k = i - 1
        while k >= 0 && s[k] == "\\" {
            backslashes += 1
            k -= 1
        }
        return backslashes % 2 == 1
    }

    private mutating func compileSegment(_ s: [Unicode.Scalar]) throws(GlobError) -> Glob.Segment {
        var segmentTokens: [Glob.Token] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\":
                guard i + 1 < s.count else { throw failure("it ends with an unfinished escape \"\\\"") }
                appendLiteral(s[i + 1], to: &segmentTokens)
                i += 2
            case "*":
                while i < s.count && s[i] == "*" { i += 1 }
                segmentTokens.append(.star)
            case "?":
                segmentTokens.append(.anyCharacter)
                i += 1
            case "[":
                let (characterClass, next) = try parseClass(s, i)
                classes.append(characterClass)
                segmentTokens.append(.characterClass(classes.count - 1))
                i = next
            default:
                appendLiteral(c, to: &segmentTokens)
                i += 1
            }
        }
        if segmentTokens.allSatisfy({ if case .byte = $0 { true } else { false } }) {
            let start = literals.count
            for case .byte(let b) in segmentTokens { literals.append(b) }
            return .literal(start..<literals.count)
        }
        let start = tokens.count
        tokens += segmentTokens
        return .wildcard(start..<tokens.count)
    }

    private func appendLiteral(_ c: Unicode.Scalar, to tokens: inout [Glob.Token]) {
        for b in String(c).utf8 { tokens.append(.byte(b)) }
    }

    private func parseClass(_ s: [Unicode.Scalar], _ open: Int) throws(GlobError) -> (Glob.CharacterClass, Int) {
        var j = open + 1
        var negated = false
        if j < s.count && (s[j] == "!" || s[j] == "^") {
            negated = true
            j += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while j < s.count {
            let c = s[j]
            if c == "]" && !first { return (Glob.CharacterClass(ranges: ranges, negated: negated), j + 1) }
            first = false
            if c == "[", j + 1 < s.count, s[j + 1] == ":", let close = posixClassClose(s, j + 2) {
                let name = String(String.UnicodeScalarView(s[(j + 2)..<close]))
                guard let named = GlobCompiler.posixClasses[name] else {
                    throw failure("unknown character class \"[:\(name):]\"")
                }
                ranges += named
                j = close + 2
                continue
            }
            var low = c.value
            if c == "\\" {
                j += 1
                guard j < s.count else { break }
                low = s[j].value
            }
            j += 1
            if j + 1 < s.count && s[j] == "-" && s[j + 1] != "]" {
                var high = s[j + 1].value
                j += 2
                if s[j - 1] == "\\" {
                    guard j < s.count else { break }
                    high = s[j].value
                    j += 1
                }
                guard low <= high else {
                    throw failure("range \"\(Unicode.Scalar(low).map(String.init) ?? "?")-\(Unicode.Scalar(high).map(String.init) ?? "?")\" is backwards")
                }
                ranges.append(low...high)
            } else {
                ranges.append(low...low)
            }
        }
        throw failure("\"[\" at character \(open + 1) is never closed")
    }

    private static let posixClasses: [String: [ClosedRange<UInt32>]] = [
        "alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A],
        "alpha": [0x41...0x5A, 0x61...0x7A],
        "blank": [0x09...0x09, 0x20...0x20],
        "cntrl": [0x00...0x1F, 0x7F...0x7F],
        "digit": [0x30...0x39],
        "graph": [0x21...0x7E],
        "lower": [0x61...0x7A],
        "print": [0x20...0x7E],
        "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E],
        "space": [0x09...0x0D, 0x20...0x20],
        "upper": [0x41...0x5A],
        "xdigit": [0x30...0x39, 0x41...0x46, 0x61...0x66],
    ]
}
