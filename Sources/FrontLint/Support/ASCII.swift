/// Named ASCII bytes and byte classification, shared by the Markdown scanner and the format checkers,
/// which both work on UTF-8 bytes rather than `Character`s.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let bang: UInt8 = 0x21          // !
    static let doubleQuote: UInt8 = 0x22   // "
    static let hash: UInt8 = 0x23          // #
    static let singleQuote: UInt8 = 0x27   // '
    static let openParen: UInt8 = 0x28     // (
    static let closeParen: UInt8 = 0x29    // )
    static let star: UInt8 = 0x2A          // *
    static let plus: UInt8 = 0x2B          // +
    static let dash: UInt8 = 0x2D          // -
    static let dot: UInt8 = 0x2E           // .
    static let slash: UInt8 = 0x2F         // /
    static let zero: UInt8 = 0x30
    static let one: UInt8 = 0x31
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A         // :
    static let lessThan: UInt8 = 0x3C      // <
    static let equals: UInt8 = 0x3D        // =
    static let greaterThan: UInt8 = 0x3E   // >
    static let question: UInt8 = 0x3F      // ?
    static let openBracket: UInt8 = 0x5B   // [
    static let backslash: UInt8 = 0x5C     // \
    static let closeBracket: UInt8 = 0x5D  // ]
    static let underscore: UInt8 = 0x5F    // _
    static let backtick: UInt8 = 0x60      // `
    static let tilde: UInt8 = 0x7E         // ~

    @inline(__always) static func isSpaceOrTab(_ b: UInt8) -> Bool { b == space || b == tab }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= zero && b <= nine }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func lowercased(_ b: UInt8) -> UInt8 { isLetter(b) ? b | 0x20 : b }

    /// ASCII punctuation as CommonMark defines it: the characters a backslash can escape.
    @inline(__always) static func isPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    // Helpers for the format checkers.

    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isAlphanumeric(_ c: UInt8) -> Bool { isDigit(c) || isAlpha(c) }
    @inline(__always) static func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66)
    }
    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c }
    @inline(__always) static func isWhitespace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C
    }

    /// ASCII case-insensitive comparison of `bytes[from..<from+word.count]` with `word`.
    static func matchesIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, at from: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard from + n <= bytes.count else { return false }
        let w = word.utf8Start
        for i in 0..<n where lower(bytes[from + i]) != lower(w[i]) { return false }
        return true
    }

    /// Value of a run of decimal digits, or nil when the run is empty, has a non-digit or overflows.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var v = 0
        for i in range {
            guard isDigit(bytes[i]) else { return nil }
            v = v * 10 + Int(bytes[i] - 0x30)
        }
        return v
    }
}
