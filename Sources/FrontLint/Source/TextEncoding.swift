import Glibc

/// What frontlint found about a file's encoding: front matter and Markdown are read as UTF-8, so anything
/// else is reported instead of being misread.
public enum EncodingProblem: Sendable, Equatable {
    /// The file is UTF-16 or UTF-32 (named, e.g. "UTF-16LE"), with or without a byte order mark.
    case wideEncoding(name: String, hasByteOrderMark: Bool)
    /// A byte sequence that is not valid UTF-8 (including overlong forms and surrogates), at a byte offset.
    case invalidUTF8(offset: Int)
    /// A NUL byte, which no text file contains, at a byte offset.
    case nulByte(offset: Int)
}

/// Checks that a file is UTF-8 text, in one pass over its bytes.
public enum TextEncoding {
    /// The first problem in `bytes`, or nil for valid UTF-8 without NUL bytes.
    public static func problem(in bytes: [UInt8]) -> EncodingProblem? {
        if let wide = wideEncoding(bytes) { return wide }
        return bytes.withUnsafeBufferPointer { firstInvalid($0) }
    }

    /// UTF-16 and UTF-32, by byte order mark or, without one, by the zero bytes ASCII text leaves in them.
    static func wideEncoding(_ b: [UInt8]) -> EncodingProblem? {
        let n = b.count
        if n >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 { return .wideEncoding(name: "UTF-32LE", hasByteOrderMark: true) }
        if n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF { return .wideEncoding(name: "UTF-32BE", hasByteOrderMark: true) }
        if n >= 2 && b[0] == 0xFF && b[1] == 0xFE { return .wideEncoding(name: "UTF-16LE", hasByteOrderMark: true) }
        if n >= 2 && b[0] == 0xFE && b[1] == 0xFF { return .wideEncoding(name: "UTF-16BE", hasByteOrderMark: true) }
        guard n >= 4 else { return nil }
        if b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 { return .wideEncoding(name: "UTF-32LE", hasByteOrderMark: false) }
        if b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0 { return .wideEncoding(name: "UTF-32BE", hasByteOrderMark: false) }
        if b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0 { return .wideEncoding(name: "UTF-16LE", hasByteOrderMark: false) }
        if b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0 { return .wideEncoding(name: "UTF-16BE", hasByteOrderMark: false) }
        return nil
    }

    /// The first invalid UTF-8 sequence or NUL byte (RFC 3629: no overlong forms, no surrogates, nothing
    /// above U+10FFFF).
    ///
    /// Eight bytes at a time while `isSuspicious` clears them; a word it flags (or the last few bytes)
    /// is read sequence by sequence from a character boundary before it, which finds the exact offset,
    /// and the fast pass resumes after the word.
    static func firstInvalid(_ buffer: UnsafeBufferPointer<UInt8>) -> EncodingProblem? {
        guard let p = buffer.baseAddress else { return nil }
        let n = buffer.count
        var i = 0
        // The first bytes are read one by one so that a word always has two bytes before it.
        var target = min(2, n)
        while true {
            if let problem = firstInvalid(p, from: &i, until: target, count: n) { return problem }
            if i >= n { return nil }
            while i + 8 <= n && !isSuspicious(UnsafeRawPointer(p + i)) { i += 8 }
            target = min(i + 8, n)
            // Everything before the word is valid, so a byte that does not continue a sequence starts
            // one; three bytes back is far enough to include a sequence that runs into the word.
            i = max(i - 3, 0)
            while i > 0 && p[i] & 0xC0 == 0x80 { i -= 1 }
        }
    }

    /// Whether the eight bytes at `q` may hold a problem, judged with the two bytes before them. False
    /// means they are valid: every continuation byte (10xxxxxx) follows a lead byte that asks for it,
    /// no byte is NUL, C0, C1 or F5...FF. Bytes whose sequences need more than that (E0 and ED limit
    /// the next byte; F0...F4 start four-byte sequences, rare enough to leave to the byte-wise pass)
    /// are flagged too, as is E1, which shares a bit pattern with C0, C1 and E0.
    ///
    /// The tests run on all eight bytes of a word at once and leave their answer in each byte's top
    /// bit: shifting the word left by k moves bit 7 - k of each byte to its top, so `x & (x << 1)` has
    /// it set where a byte is 11xxxxxx. (SIMD vectors would do sixteen bytes a step, but unoptimized
    /// builds run their operators lane by lane through generic code, thirty times slower than this.)
    @inline(__always)
    private static func isSuspicious(_ q: UnsafeRawPointer) -> Bool {
        /// Top bit set in a byte that is zero, and perhaps in a byte above a zero one (the borrow):
        /// exact as to whether there is any.
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- 0x0101_0101_0101_0101) & ~x }
        let c = q.loadUnaligned(as: UInt64.self)
        let previous = q.loadUnaligned(fromByteOffset: -1, as: UInt64.self)
        let secondPrevious = q.loadUnaligned(fromByteOffset: -2, as: UInt64.self)
        let isContinuation = c & ~(c << 1)
        // After a lead byte (11xxxxxx) or two bytes after a three- or four-byte lead (111xxxxx). A
        // four-byte lead three bytes back needs no test: F0...FF flag their own word, which is then
        // read byte-wise up to a character boundary.
        let needsContinuation = (previous & previous << 1) | (secondPrevious & secondPrevious << 1 & secondPrevious << 2)
        var suspect = (isContinuation ^ needsContinuation) | (c & c << 1 & c << 2 & c << 3)
        suspect |= zeroBytes(c) | zeroBytes((c & 0xDEDE_DEDE_DEDE_DEDE) ^ 0xC0C0_C0C0_C0C0_C0C0)
            | zeroBytes(c ^ 0xEDED_EDED_EDED_EDED)
        return suspect & 0x8080_8080_8080_8080 != 0
    }

    /// Reads whole sequences from `i`, a character boundary, until one ends at or after `target`;
    /// returns the first problem, if any, with `i` at its offset.
    private static func firstInvalid(_ p: UnsafePointer<UInt8>, from i: inout Int, until target: Int,
                                     count n: Int) -> EncodingProblem? {
        @inline(__always) func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
        while i < target {
            let b0 = p[i]
            switch b0 {
            case 0:
                return .nulByte(offset: i)
            case 0x01...0x7F:
                i += 1
            case 0xC2...0xDF:
                guard i + 1 < n, isContinuation(p[i + 1]) else { return .invalidUTF8(offset: i) }
                i += 2
            case 0xE0...0xEF:
                guard i + 2 < n, isContinuation(p[i + 1]), isContinuation(p[i + 2]) else { return .invalidUTF8(offset: i) }
                if b0 == 0xE0 && p[i + 1] < 0xA0 { return .invalidUTF8(offset: i) }  // overlong
                if b0 == 0xED && p[i + 1] > 0x9F { return .invalidUTF8(offset: i) }  // surrogate
                i += 3
            case 0xF0...0xF4:
                guard i + 3 < n, isContinuation(p[i + 1]), isContinuation(p[i + 2]), isContinuation(p[i + 3]) else {
                    return .invalidUTF8(offset: i)
                }
                if b0 == 0xF0 && p[i + 1] < 0x90 { return .invalidUTF8(offset: i) }  // overlong
                if b0 == 0xF4 && p[i + 1] > 0x8F { return .invalidUTF8(offset: i) }  // above U+10FFFF
                i += 4
            default:
                return .invalidUTF8(offset: i)  // a stray continuation byte, C0/C1 (overlong) or F5...FF
            }
        }
        return nil
    }
}
