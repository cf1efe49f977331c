/// A compiled path pattern in the gitignore dialect, used for the config's `exclude` and `overrides.files`
/// and for `.gitignore` lines.
///
/// Syntax:
/// - `*` any run of characters except `/`; `?` one character except `/`;
/// - `[abc]`, `[a-z]`, `[!a-z]` / `[^a-z]`, `[[:digit:]]` (ASCII classes);
/// - `**` as a whole segment: `**/x` (x at any depth), `a/**/b` (zero or more directories between),
///   `a/**` (everything inside `a`, but not `a` itself); `**` inside a segment (`a**b`) is a plain `*`;
/// - `{a,b}` alternation (config patterns only; `.gitignore` has none), nesting allowed;
/// - `\x` is a literal `x`.
///
/// A pattern with no `/` except a trailing one matches the last segment (the basename) at any depth;
/// any other `/` anchors it to the base directory (the config file's directory or the `.gitignore`'s
/// directory), and a leading `/` is only an anchor. A trailing `/` matches directories only.
///
/// Matching works on UTF-8 bytes without allocating. `*` is matched with the classic
/// iterative star-backtracking inside a segment and `**` with the same algorithm one level up, over
/// whole segments, so the work is bounded by pattern length × path length: there is no exponential
/// case (`a*a*a*a*b` against a long run of `a`s is quadratic at worst).
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String

    let alternatives: [Alternative]
    let tokens: [Token]
    let literals: [UInt8]
    let classes: [CharacterClass]

    /// Compiles `pattern`. With `braces` (the default) `{a,b}` is alternation; without, braces are
    /// literal characters, as in `.gitignore`.
    public init(_ pattern: String, braces: Bool = true) throws(GlobError) {
        var compiler = GlobCompiler(pattern: pattern, braces: braces)
        try compiler.compile()
        self.init(pattern: pattern, compiler: compiler)
    }

    /// Compiles a `.gitignore` line the way git does: never throws; a pattern git would never match
    /// (an unclosed `[`, a trailing `\`) gives `nil`.
    init?(gitignorePattern pattern: String) {
        var compiler = GlobCompiler(pattern: pattern, braces: false)
        do { try compiler.compile() } catch { return nil }
        self.init(pattern: pattern, compiler: compiler)
    }

    private init(pattern: String, compiler: GlobCompiler) {
        self.pattern = pattern
        self.alternatives = compiler.alternatives
        self.tokens = compiler.tokens
        self.literals = compiler.literals
        self.classes = compiler.classes
    }

    public var description: String { pattern }

    // MARK: Matching

    /// Whether `path` (relative to the pattern's base directory, `/`-separated) matches. A leading `./`
    /// and trailing `/` are ignored. `isDirectory` decides whether directory-only patterns (`drafts/`)
    /// may match.
    public func matches(_ path: String, isDirectory: Bool = false) -> Bool {
        withUTF8Bytes(path) { matches(bytes: $0, isDirectory: isDirectory) }
    }

    /// Whether `path` or one of the directories leading to it matches: a pattern that names a directory
    /// covers everything below it (`drafts` covers `drafts/2024/a.md`).
    public func matchesSelfOrAncestor(_ path: String, isDirectory: Bool = false) -> Bool {
        withUTF8Bytes(path) { matchesSelfOrAncestor(bytes: $0, isDirectory: isDirectory) }
    }

    /// Byte-level form of `matches(_:isDirectory:)`.
    public func matches(bytes path: UnsafeBufferPointer<UInt8>, isDirectory: Bool) -> Bool {
        let (start, end) = Glob.trim(path)
        return matches(path, start: start, end: end, isDirectory: isDirectory)
    }

    /// Byte-level form of `matchesSelfOrAncestor(_:isDirectory:)`.
    public func matchesSelfOrAncestor(bytes path: UnsafeBufferPointer<UInt8>, isDirectory: Bool) -> Bool {
        let (start, end) = Glob.trim(path)
        var i = start
        while i < end {
            if path[i] == slash, i > start, matches(path, start: start, end: i, isDirectory: true) { return true }
            i += 1
        }
        return matches(path, start: start, end: end, isDirectory: isDirectory)
    }

    private static func trim(_ path: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var start = 0
        var end = path.count
        while end - start >= 2 && path[start] == dot && path[start + 1] == slash {
            start += 2
            while start < end && path[start] == slash { start += 1 }
        }
        while end > start + 1 && path[end - 1] == slash { end -= 1 }
        return (start, end)
    }

    private func matches(_ path: UnsafeBufferPointer<UInt8>, start: Int, end: Int, isDirectory: Bool) -> Bool {
        if start >= end { return false }
        for alternative in alternatives where isDirectory || !alternative.directoryOnly {
            if match(alternative, path, start: start, end: end) { return true }
        }
        return false
    }

    /// Wildcard matching one level up: the "characters" are path segments and `**` is the star.
    private func match(_ alternative: Alternative, _ path: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        let segments = alternative.segments
        if !alternative.anchored {
            var base = end
            while base > start && path[base - 1] != slash { base -= 1 }
            return matchSegment(segments[0], path, base, end)
        }
        var pi = 0
        var si = start
        var starPi = -1
        var starSi = 0
        while si <= end {
            let segmentEnd = Glob.nextSlash(path, si, end)
            if pi < segments.count {
                if case .globstar = segments[pi] {
                    starPi = pi
                    starSi = si
                    pi += 1
                    continue
                }
                if matchSegment(segments[pi], path, si, segmentEnd) {
                    pi += 1
                    si = segmentEnd + 1
                    continue
                }
            }
            if starPi >= 0 {
                starSi = Glob.nextSlash(path, starSi, end) + 1
                si = starSi
                pi = starPi + 1
                continue
            }
            return false
        }
        while pi < segments.count, case .globstar = segments[pi] { pi += 1 }
        return pi == segments.count
    }

    private static func nextSlash(_ path: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Int {
        var i = from
        while i < end && path[i] != slash { i += 1 }
        return i
    }

    private func matchSegment(_ segment: Segment, _ path: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        switch segment {
        case .globstar:
            return true
        case .literal(let range):
            guard range.count == end - start else { return false }
            var j = start
            for i in range {
                if literals[i] != path[j] { return false }
                j += 1
            }
            return true
        case .wildcard(let range):
            return matchWildcard(range, path, start, end)
        }
    }

    /// Classic iterative wildcard matching: on a mismatch, let the most recent `*` swallow one more byte.
    /// Only the latest star matters, so the work is O(tokens × bytes).
    private func matchWildcard(_ range: Range<Int>, _ path: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var ti = range.lowerBound
        let tokenEnd = range.upperBound
        // A pattern ending in a byte (`*.md`) only matches text ending in it: most names are refused here.
        if ti < tokenEnd, case .byte(let last) = tokens[tokenEnd - 1], end > start, path[end - 1] != last { return false }
        var pi = start
        var starTi = -1
        var starPi = 0
        while pi < end {
            if ti < tokenEnd {
                switch tokens[ti] {
                case .star:
                    starTi = ti
                    starPi = pi
                    ti += 1
                    continue
                case .byte(let b):
                    if path[pi] == b {
                        ti += 1
                        pi += 1
                        continue
                    }
                case .anyCharacter:
                    if let (_, length) = Glob.scalar(path, pi, start, end) {
                        ti += 1
                        pi += length
                        continue
                    }
                case .characterClass(let index):
                    if let (value, length) = Glob.scalar(path, pi, start, end), classes[index].contains(value) {
                        ti += 1
                        pi += length
                        continue
                    }
                }
            }
            if starTi >= 0 {
                starPi += 1
                pi = starPi
                ti = starTi + 1
                continue
            }
            return false
        }
        while ti < tokenEnd, tokens[ti] == .star { ti += 1 }
        return ti == tokenEnd
    }

    /// Decodes the scalar starting at `i`. A continuation byte does not start a character (so `?` after a
    /// backtracking `*` cannot land inside one) unless it is a stray byte after ASCII, as in a file name
    /// that is not valid UTF-8.
    private static func scalar(_ path: UnsafeBufferPointer<UInt8>, _ i: Int, _ start: Int, _ end: Int) -> (UInt32, Int)? {
        let b0 = path[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 & 0xC0 == 0x80 {
            if i == start || path[i - 1] < 0x80 { return (UInt32(b0), 1) }
            return nil
        }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        guard i + length <= end else { return (UInt32(b0), 1) }
        var value = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let b = path[i + k]
            guard b & 0xC0 == 0x80 else { return (UInt32(b0), 1) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return (value, length)
    }
}

/// A pattern that cannot be compiled, with what is wrong and where.
public struct GlobError: Error, Equatable, Sendable, CustomStringConvertible {
    public let pattern: String
    public let message: String

    public var description: String { "invalid pattern \"\(pattern)\": \(message)" }
}

// MARK: Compiled form

extension Glob {
    enum Token: Hashable, Sendable {
        case byte(UInt8)
        case anyCharacter
        case star
        case characterClass(Int)
    }

    enum Segment: Hashable, Sendable {
        /// `**`: zero or more whole segments.
        case globstar
        /// A segment without wildcards: a byte range in `literals`.
        case literal(Range<Int>)
        /// A byte range in `tokens`.
        case wildcard(Range<Int>)
    }

    /// One branch of a `{a,b}` pattern (or the whole pattern when there is no alternation).
    struct Alternative: Hashable, Sendable {
        var segments: [Segment]
        /// Matched against the whole relative path; otherwise `segments` has one element, matched against
        /// the basename.
        var anchored: Bool
        var directoryOnly: Bool
    }

    struct CharacterClass: Hashable, Sendable {
        var ranges: [ClosedRange<UInt32>]
        var negated: Bool

        func contains(_ value: UInt32) -> Bool {
            var found = false
            for range in ranges where range.contains(value) {
                found = true
                break
            }
            return found != negated
        }
    }
}

let slash = UInt8(ascii: "/")
let dot = UInt8(ascii: ".")
