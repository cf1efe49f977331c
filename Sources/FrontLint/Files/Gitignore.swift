#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `.gitignore` line: a pattern, relative to the directory of the file it came from, that ignores
/// (or with `!`, re-includes) what it matches.
///
/// A class, so that checking a name against a rule does not copy its compiled pattern (five arrays).
final class GitignoreRule: Sendable {
    let glob: Glob
    let negated: Bool
    /// Every alternative ends in `/` (`build/`, `.cache/`, as most lines do): files need not be matched.
    let matchesDirectoriesOnly: Bool
    /// Some alternative has a `/` before its end, so it is matched against the whole relative path;
    /// otherwise only the name is (`*.log`, `build/`).
    let isAnchored: Bool
    /// The name itself, when the pattern is one plain name (`Package.resolved`, `node_modules/`): the glob
    /// would compare it byte for byte with a walked name, and so does `isIgnored`, with less around it.
    let literalName: [UInt8]?

    init(glob: Glob, negated: Bool) {
        self.glob = glob
        self.negated = negated
        self.matchesDirectoriesOnly = glob.alternatives.allSatisfy(\.directoryOnly)
        self.isAnchored = glob.alternatives.contains(where: \.anchored)
        if glob.alternatives.count == 1, let only = glob.alternatives.first, !only.anchored,
           only.segments.count == 1, case .literal(let range) = only.segments[0], !range.isEmpty {
            literalName = Array(glob.literals[range])
        } else {
            literalName = nil
        }
    }

    /// Reads a `.gitignore` (or `.git/info/exclude`) the way git does: a leading byte order mark is
    /// skipped; blank lines and `#` comments are skipped; `\#` and `\!` start a literal `#` or `!`;
    /// trailing spaces are dropped unless escaped with `\`; `!` negates; a line git could never match
    /// (an unclosed `[`) is dropped. A `\r` before the line break is dropped too, so files saved with
    /// CRLF behave as their author meant.
    static func parse(_ bytes: [UInt8]) -> [GitignoreRule] {
        var rules: [GitignoreRule] = []
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if let rule = parseLine(bytes[start..<end]) { rules.append(rule) }
            start = end + 1
        }
        return rules
    }

    static func parse(_ text: String) -> [GitignoreRule] { parse(Array(text.utf8)) }

    private static func parseLine(_ raw: ArraySlice<UInt8>) -> GitignoreRule? {
        var line = raw
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        // Trailing spaces go unless the last one is escaped by an odd number of backslashes.
        while line.last == UInt8(ascii: " ") {
            var backslashes = 0
            var k = line.endIndex - 2
            while k >= line.startIndex && line[k] == UInt8(ascii: "\\") {
                backslashes += 1
                k -= 1
            }
            if backslashes % 2 == 1 { break }
            line.removeLast()
        }
        guard let first = line.first, first != UInt8(ascii: "#") else { return nil }
        var negated = false
        if first == UInt8(ascii: "!") {
            negated = true
            line.removeFirst()
        }
        guard !line.isEmpty, let glob = Glob(gitignorePattern: String(decoding: line, as: UTF8.self)) else { return nil }
        return GitignoreRule(glob: glob, negated: negated)
    }
}

/// The `.gitignore` rules in force at one point of a walk through a git checkout, innermost last.
///
/// Paths are kept relative to the checkout root in one reusable byte buffer; a level's rules see the
/// part of it below their own directory, so no string is built to ask.
struct IgnoreStack {
    struct Level {
        /// Bytes of the checkout-relative path that belong to the level's directory, with its `/`.
        let baseLength: Int
        /// The rules, last line first (the last matching line wins).
        let rules: [GitignoreRule]
        /// The same, without those that match directories only: what a file is checked against.
        let fileRules: [GitignoreRule]

        init(baseLength: Int, rules: [GitignoreRule]) {
            self.baseLength = baseLength
            self.rules = rules.reversed()
            self.fileRules = self.rules.filter { !$0.matchesDirectoriesOnly }
        }
    }

    private(set) var levels: [Level] = []
    /// The checkout-relative path of the directory being walked, with a trailing `/` unless empty.
    private(set) var path: [UInt8] = []

    init(infoExclude: [GitignoreRule]) {
        path.reserveCapacity(256)
        if !infoExclude.isEmpty { levels.append(Level(baseLength: 0, rules: infoExclude)) }
    }

    /// Adds the rules of the `.gitignore` in the current directory.
    mutating func push(_ rules: [GitignoreRule]) {
        levels.append(Level(baseLength: path.count, rules: rules))
    }

    mutating func popLevel() { levels.removeLast() }

    /// Descends into `name` (bytes of one path segment); returns the previous length for `leave`.
    mutating func enter(_ name: UnsafeBufferPointer<UInt8>) -> Int {
        let previous = path.count
        path.append(contentsOf: name)
        path.append(slash)
        return previous
    }

    mutating func leave(to length: Int) { path.removeSubrange(length...) }

    /// Whether `name` in the current directory is ignored. The deepest file wins, and in a file the last
    /// matching line wins; a `!` line re-includes. A file inside an ignored directory is never asked
    /// about, because the walk does not go there, which is git's rule that it cannot be re-included.
    mutating func isIgnored(_ name: UnsafeBufferPointer<UInt8>, isDirectory: Bool) -> Bool {
        if levels.isEmpty { return false }
        // A rule with no inner `/` sees only the name; the checkout-relative path is put together only
        // for one that sees more. The rules are read in place, with no copy of each.
        var pathLength = -1
        defer { if pathLength >= 0 { path.removeSubrange(pathLength...) } }
        for levelIndex in levels.indices.reversed() {
            let baseLength = levels[levelIndex].baseLength
            let verdict = (isDirectory ? levels[levelIndex].rules : levels[levelIndex].fileRules).withUnsafeBufferPointer { rules -> Bool? in
                for index in rules.indices {
                    let matched: Bool
                    if let literal = rules[index].literalName {
                        // A walked name is never empty and holds no `/`: nothing for the glob to trim.
                        // (A rule for directories only is in `rules` alone, which only directories see.)
                        matched = literal.count == name.count && literal.withUnsafeBufferPointer { literal in
                            memcmp(literal.baseAddress!, name.baseAddress!, name.count) == 0
                        }
                    } else if rules[index].isAnchored {
                        if pathLength < 0 {
                            pathLength = path.count
                            path.append(contentsOf: name)
                        }
                        matched = path.withUnsafeBufferPointer { full in
                            rules[index].glob.matches(bytes: UnsafeBufferPointer(rebasing: full[baseLength...]), isDirectory: isDirectory)
                        }
                    } else {
                        matched = rules[index].glob.matches(bytes: name, isDirectory: isDirectory)
                    }
                    if matched { return !rules[index].negated }
                }
                return nil
            }
            if let verdict { return verdict }
        }
        return false
    }
}
