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
    /// Blocks of sixteen bytes, two at a time, while `flags` finds nothing in them; a pair it flags (or
    /// the last few bytes) is read sequence by sequence from a character boundary before it, which finds
    /// the exact offset, and the fast pass resumes after the pair.
    static func firstInvalid(_ buffer: UnsafeBufferPointer<UInt8>) -> EncodingProblem? {
        guard let p = buffer.baseAddress else { return nil }
        let n = buffer.count
        let raw = UnsafeRawPointer(p)
        let k = Splats()
        var i = 0
        // The first bytes are read one by one so that a block always has two bytes before it.
        var target = min(2, n)
        while true {
            if let problem = firstInvalid(p, from: &i, until: target, count: n) { return problem }
            if i >= n { return nil }
            // Two blocks a step, so that one test of their added flags serves both; then one more
            // block if that many bytes are left. (`n &- i` cannot overflow: `i` never passes `n`.)
            // A pair flagged only for E0 or ED (Hangul syllables from U+D000 start with ED) is tested
            // again with their second bytes checked, before the byte-wise pass is called in.
            while n &- i >= 32 && (isClear(flags(raw + i, k) &+ flags(raw + i + 16, k)) || pairIsValidGivenLimits(raw + i)) {
                i &+= 32
            }
            if n &- i < 32 && n &- i >= 16
                && (isClear(flags(raw + i, k)) || isClear(flags(raw + i, k, limitsAfterE0AndED: true))) {
                i &+= 16
            }
            target = min(i + 32, n)
            // Everything before the block is valid, so a byte that does not continue a sequence starts
            // one; three bytes back is far enough to include a sequence that runs into the block.
            i = max(i - 3, 0)
            while i > 0 && p[i] & 0xC0 == 0x80 { i -= 1 }
        }
    }

    private typealias Block = SIMD16<Int8>

    /// The values `flags` compares bytes with, in every lane, made once per file: an unoptimized build
    /// would otherwise fill a vector for each one in every block. (The optimizer folds them either way.)
    /// Byte values are given as signed bytes, or biased by -128 where they are compared with biased
    /// bytes (see `flags`).
    private struct Splats {
        let bias = Block(repeating: -128)
        let sixteen = Block(repeating: 0x10), unsignedSixteen = SIMD16<UInt8>(repeating: 0x10)
        let c0 = Block(repeating: -0x40), c2 = Block(repeating: -0x3E), a0 = Block(repeating: -0x60)
        let biasedBF = Block(repeating: 0x3F), biasedDF = Block(repeating: 0x5F)
        let biasedE0 = Block(repeating: 0x60), biasedED = Block(repeating: 0x6D)
    }

    /// Nonzero bytes where the sixteen bytes at `q` may hold a problem, judged with the two bytes before
    /// them. All zero means they are valid: every continuation byte (10xxxxxx) follows a lead byte that
    /// asks for it, and no byte is NUL, C0, C1 or F5...FF. Bytes whose sequences need more than that
    /// are flagged too: F0...F4, which start four-byte sequences (rare enough to leave to the byte-wise
    /// pass), and any byte after E0 or ED, whose second byte has narrower limits. The byte after the
    /// lead, not the lead itself, is flagged, so that a lead at the end of a block flags the next one,
    /// where the limit is to be checked.
    ///
    /// Each test compares all sixteen bytes at once, as SSE2 or NEON instructions in an optimized build.
    /// Only operations the standard library implements for `SIMD16<Int8>` itself are used (comparisons,
    /// wrapping addition, and the `.^` and `.|` of masks): an unoptimized build calls them as plain
    /// functions, where the generic ones (`&`, `any`) would run lane by lane through protocol witnesses.
    /// The flags are added rather than or-ed, each being 0 or -1 per byte (at most -5 in all, so the
    /// sum of two blocks' flags is never 0 again where one was not), because adding keeps the optimizer
    /// from folding the masks back into one-bit lanes that it must then widen again before the test.
    ///
    /// With `limitsAfterE0AndED`, the byte after E0 is flagged only below A0 (an overlong form) and the
    /// byte after ED only from A0 up (a surrogate).
    @inline(__always)
    private static func flags(_ q: UnsafeRawPointer, _ k: Splats, limitsAfterE0AndED: Bool = false) -> Block {
        @inline(__always) func bytes(_ m: SIMDMask<Block>) -> Block { unsafeBitCast(m, to: Block.self) }
        // As signed bytes, 0x80...0xBF (continuations) are -128...-65 and 0xC0...0xFF (leads) -64...-1.
        // Adding -128 to a byte maps the unsigned order onto the signed one, so that a lead byte "at
        // least 0xC0" is one comparison.
        let c = q.loadUnaligned(as: Block.self)
        let previous = q.loadUnaligned(fromByteOffset: -1, as: Block.self) &+ k.bias
        let secondPrevious = q.loadUnaligned(fromByteOffset: -2, as: Block.self) &+ k.bias
        let isContinuation = c .< k.c0
        // After a lead byte (0xC0...) or two bytes after a three- or four-byte lead (0xE0...). A four-byte
        // lead three bytes back needs no test: F0...FF flag their own block, which is then read byte-wise
        // up to a character boundary.
        let needsContinuation = (previous .> k.biasedBF) .| (secondPrevious .> k.biasedDF)
        let misplaced = bytes(isContinuation .^ needsContinuation)
        // F0...FF and 00 become 00...0F and 10 when 0x10 is added, and nothing else does.
        let fourByteOrInvalidLeadOrNul = bytes(unsafeBitCast(c &+ k.sixteen, to: SIMD16<UInt8>.self) .<= k.unsignedSixteen)
        let overlongTwoByteLead = bytes((c .< k.c2) .^ isContinuation)  // C0, C1
        let flags = misplaced &+ fourByteOrInvalidLeadOrNul &+ overlongTwoByteLead
        if limitsAfterE0AndED {
            let overlong = bytes((previous .== k.biasedE0) .& (c .< k.a0))
            let surrogate = bytes((previous .== k.biasedED) .& (c .>= k.a0))
            return flags &+ overlong &+ surrogate
        }
        return flags &+ bytes(previous .== k.biasedE0) &+ bytes(previous .== k.biasedED)
    }

    /// The second test of a flagged pair of blocks, out of line: kept in the loop, its constants would
    /// take the registers that the first test's constants stay in.
    @inline(never)
    private static func pairIsValidGivenLimits(_ q: UnsafeRawPointer) -> Bool {
        let k = Splats()
        return isClear(flags(q, k, limitsAfterE0AndED: true) &+ flags(q + 16, k, limitsAfterE0AndED: true))
    }

    @inline(__always)
    private static func isClear(_ flags: Block) -> Bool {
        let halves = unsafeBitCast(flags, to: (UInt64, UInt64).self)
        return halves.0 | halves.1 == 0
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
