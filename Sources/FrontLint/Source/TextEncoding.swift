internal import CUTF8
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
    /// Where the processor has AVX2, `frontlint_utf8_valid_prefix` first passes over the valid bytes 32
    /// at a time (Sources/CUTF8). From where it stops: chunks of sixty-four bytes, four blocks of sixteen
    /// at a time, while `survey` finds nothing in them; a chunk it flags is surveyed again block by block,
    /// and a block flagged there (or the last few bytes) is read sequence by sequence from a character
    /// boundary before it, which finds the exact offset; the fast pass resumes after the block.
    /// `vectorPrefix: false` leaves out the AVX2 pass, for tests.
    static func firstInvalid(_ buffer: UnsafeBufferPointer<UInt8>, vectorPrefix: Bool = true) -> EncodingProblem? {
        guard let p = buffer.baseAddress else { return nil }
        let n = buffer.count
        let raw = UnsafeRawPointer(p)
        let k = Splats()
        // The prefix may end inside a sequence, whose lead `survey` would not see (a four-byte lead is
        // left to the byte-wise pass): the sequence that runs past it is read byte-wise, from a character
        // boundary, as after a flagged block. Without the prefix, the first bytes are read one by one so
        // that a block always has two bytes before it.
        let prefix = frontlint_utf8_valid_prefix(p, n, vectorPrefix ? 1 : 0)
        var target = max(prefix, min(2, n))
        var i = max(prefix - 3, 0)
        while i > 0 && p[i] & 0xC0 == 0x80 { i -= 1 }
        while true {
            if let problem = firstInvalid(p, from: &i, until: target, count: n) { return problem }
            if i >= n { return nil }
            // A chunk flagged only for E0 or ED (Hangul syllables from U+D000 start with ED) is surveyed
            // again with their second bytes checked, before it is taken block by block.
            // (`n &- i` cannot overflow: `i` never passes `n`.)
            while n &- i >= 64 && (isClear(chunk(raw + i, k), k) || chunkIsValidGivenLimits(raw + i)) {
                i &+= 64
            }
            while n &- i >= 16
                && (isClear(survey(raw + i, k), k) || isClear(survey(raw + i, k, limitsAfterE0AndED: true), k)) {
                i &+= 16
            }
            target = min(i + 16, n)
            // Everything before the block is valid, so a byte that does not continue a sequence starts
            // one; three bytes back is far enough to include a sequence that runs into the block.
            i = max(i - 3, 0)
            while i > 0 && p[i] & 0xC0 == 0x80 { i -= 1 }
        }
    }

    private typealias Block = SIMD16<UInt8>
    private typealias Lanes = SIMDMask<SIMD16<Int8>>

    /// The values `survey` compares bytes with, in every lane, made once per file: an unoptimized build
    /// would otherwise fill a vector for each one in every block. (The optimizer folds them either way.)
    private struct Splats {
        let zero = Block(repeating: 0), one = Block(repeating: 1)
        let bf = Block(repeating: 0xBF), df = Block(repeating: 0xDF), ef = Block(repeating: 0xEF)
        let c0 = Block(repeating: 0xC0), signedC0 = SIMD16<Int8>(repeating: -0x40)
        let e0 = Block(repeating: 0xE0), ed = Block(repeating: 0xED), a0 = Block(repeating: 0xA0)
    }

    /// What `survey` found in sixteen bytes, or in a chunk of them: a zero byte in `lowest` is a problem,
    /// and so is a byte of `highest` from F0 up.
    private struct Survey {
        var lowest: Block
        var highest: Block
    }

    /// The sixteen bytes at `q`, judged with the two bytes before them. They are valid when every
    /// continuation byte (10xxxxxx) follows a lead byte that asks for it, every lead byte is followed by
    /// as many, and no byte is NUL, C0, C1 or F5...FF. Bytes whose sequences need more than that are
    /// flagged too: F0...F4, which start four-byte sequences (rare enough to leave to the byte-wise pass),
    /// and any byte after E0 or ED, whose second byte has narrower limits. The byte after the lead, not
    /// the lead itself, is flagged, so that a lead at the end of a block flags the next one, where the
    /// limit is to be checked.
    ///
    /// Each test is a value that is zero exactly where a byte fails it, and `lowest` is the least of them
    /// (SSE2's PMINUB): that folds every test into one, and the blocks of a chunk into one, at one
    /// instruction each. Saturating subtraction (PSUBUSB) tells whether a byte is above a limit. Only
    /// operations the standard library implements for these vector types themselves are used (see
    /// `minus` and the helpers after it): an unoptimized build would run the generic ones lane by lane,
    /// through protocol witnesses.
    ///
    /// With `limitsAfterE0AndED`, the byte after E0 is flagged only below A0 (an overlong form) and the
    /// byte after ED only from A0 up (a surrogate).
    @inline(__always)
    private static func survey(_ q: UnsafeRawPointer, _ k: Splats, limitsAfterE0AndED: Bool = false) -> Survey {
        let c = q.loadUnaligned(as: Block.self)
        let previous = q.loadUnaligned(fromByteOffset: -1, as: Block.self)
        let secondPrevious = q.loadUnaligned(fromByteOffset: -2, as: Block.self)
        // Nonzero after a lead byte (C0...) and two bytes after a three- or four-byte lead (E0...). A
        // four-byte lead three bytes back needs no test: F0...FF flag their own block, which is then read
        // byte-wise up to a character boundary.
        let needsContinuation = or(minus(previous, k.bf), minus(secondPrevious, k.df))
        // As signed bytes, 0x80...0xBF (continuations) are the ones below 0xC0 (-64).
        let isContinuation = unsafeBitCast(c, to: SIMD16<Int8>.self) .< k.signedC0
        let wellPlaced = unsafeBitCast((needsContinuation .== k.zero) .^ isContinuation, to: Block.self)
        // C0 and C1 (the leads of overlong two-byte forms) are the bytes whose 0xC0 bits alone are set.
        let notC0OrC1 = minus(xor(c, k.c0), k.one)
        var lowest = least(least(wellPlaced, c), notC0OrC1)
        if limitsAfterE0AndED {
            let overlong = (previous .== k.e0) .& (c .< k.a0)
            let surrogate = (previous .== k.ed) .& (c .>= k.a0)
            lowest = least(lowest, unsafeBitCast(.!(overlong .| surrogate), to: Block.self))
        } else {
            lowest = least(lowest, least(xor(previous, k.e0), xor(previous, k.ed)))
        }
        return Survey(lowest: lowest, highest: c)
    }

    /// The four blocks of the sixty-four bytes at `q`, surveyed as one.
    @inline(__always)
    private static func chunk(_ q: UnsafeRawPointer, _ k: Splats, limitsAfterE0AndED: Bool = false) -> Survey {
        let a = survey(q, k, limitsAfterE0AndED: limitsAfterE0AndED)
        let b = survey(q + 16, k, limitsAfterE0AndED: limitsAfterE0AndED)
        let c = survey(q + 32, k, limitsAfterE0AndED: limitsAfterE0AndED)
        let d = survey(q + 48, k, limitsAfterE0AndED: limitsAfterE0AndED)
        return Survey(lowest: least(least(a.lowest, b.lowest), least(c.lowest, d.lowest)),
                      highest: most(most(a.highest, b.highest), most(c.highest, d.highest)))
    }

    /// The second survey of a flagged chunk, out of line: kept in the loop, its constants would take the
    /// registers that the first survey's constants stay in.
    @inline(never)
    private static func chunkIsValidGivenLimits(_ q: UnsafeRawPointer) -> Bool {
        let k = Splats()
        return isClear(chunk(q, k, limitsAfterE0AndED: true), k)
    }

    @inline(__always)
    private static func isClear(_ s: Survey, _ k: Splats) -> Bool {
        let flags = or(unsafeBitCast(s.lowest .== k.zero, to: Block.self), minus(s.highest, k.ef))
        let halves = unsafeBitCast(flags, to: (UInt64, UInt64).self)
        return halves.0 | halves.1 == 0
    }

    /// The byte-wise operations `survey` needs, written with comparisons, wrapping arithmetic and the
    /// bitwise operations of masks, which the standard library implements for these types themselves
    /// (a mask's `.&`, `.|` and `.^` work on all eight bits of each lane, whatever they hold). The
    /// optimizer turns each into one instruction: PSUBUSB, PMINUB, PMAXUB, POR, PXOR.
    ///
    /// `a - b` where `a` is above `b`, else 0.
    @inline(__always) private static func minus(_ a: Block, _ b: Block) -> Block {
        unsafeBitCast(unsafeBitCast(a &- b, to: Lanes.self) .& (a .> b), to: Block.self)
    }
    /// The lesser and the greater of `a` and `b` in each lane, through `minus`: fewer calls in an
    /// unoptimized build than a mask's `replacing(with:where:)`.
    @inline(__always) private static func least(_ a: Block, _ b: Block) -> Block { a &- minus(a, b) }
    @inline(__always) private static func most(_ a: Block, _ b: Block) -> Block { b &+ minus(a, b) }
    @inline(__always) private static func or(_ a: Block, _ b: Block) -> Block {
        unsafeBitCast(unsafeBitCast(a, to: Lanes.self) .| unsafeBitCast(b, to: Lanes.self), to: Block.self)
    }
    @inline(__always) private static func xor(_ a: Block, _ b: Block) -> Block {
        unsafeBitCast(unsafeBitCast(a, to: Lanes.self) .^ unsafeBitCast(b, to: Lanes.self), to: Block.self)
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
