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
    static func firstInvalid(_ buffer: UnsafeBufferPointer<UInt8>) -> EncodingProblem? {
        guard let p = buffer.baseAddress else { return nil }
        let n = buffer.count
        var i = 0
        @inline(__always) func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
        while i < n {
            let b0 = p[i]
            if b0 < 0x80 {
                if b0 == 0 { return .nulByte(offset: i) }
                i += 1
                // An ASCII run: eight bytes at a time, stopping at any non-ASCII byte or zero byte (the
                // classic "has zero byte" test). Tried only after an ASCII byte, so CJK text does not pay.
                while i + 8 <= n {
                    let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                    let hasHigh = word & 0x8080_8080_8080_8080
                    let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                    if hasHigh != 0 || hasZero != 0 { break }
                    i += 8
                }
                continue
            }
            // Three-byte sequences first: CJK text is made of them. E0 (overlong range) and ED (surrogates)
            // have a narrower second byte and take the general path below.
            if b0 &- 0xE1 < 15 && b0 != 0xED {
                // A run of them, each checked with one two-byte load.
                var j = i
                while j + 2 < n {
                    let lead = p[j]
                    guard lead &- 0xE1 < 15 && lead != 0xED else { break }
                    let tail = UnsafeRawPointer(p + j + 1).loadUnaligned(as: UInt16.self)
                    guard tail & 0xC0C0 == 0x8080 else { return .invalidUTF8(offset: j) }
                    j += 3
                }
                if j == i { return .invalidUTF8(offset: i) }  // a lead byte too close to the end
                i = j
                continue
            }
            switch b0 {
            case 0xC2...0xDF:
                guard i + 1 < n, isContinuation(p[i + 1]) else { return .invalidUTF8(offset: i) }
                i += 2
            case 0xE0, 0xED:
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
