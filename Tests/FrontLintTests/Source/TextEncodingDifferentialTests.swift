import CUTF8
import Testing
@testable import FrontLint

/// `TextEncoding.firstInvalid` reads sixteen bytes at a time and drops to a byte-wise pass only around
/// what its block test flags; these tests hold it to a plain byte-by-byte reading, written here from
/// RFC 3629, on random and on hand-picked input.
@Suite struct TextEncodingDifferentialTests {
    /// The first problem, read one sequence at a time: decode the scalar, then reject a missing or
    /// misplaced continuation byte, an overlong form, a surrogate and anything above U+10FFFF. A problem
    /// is reported at the offset of the sequence's first byte.
    static func reference(_ bytes: [UInt8]) -> EncodingProblem? {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead == 0 { return .nulByte(offset: i) }
            let length: Int
            switch lead {
            case 0x01...0x7F: length = 1
            case 0xC0...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF7: length = 4
            default: return .invalidUTF8(offset: i)  // a continuation byte, or F8...FF
            }
            guard i + length <= bytes.count else { return .invalidUTF8(offset: i) }
            var scalar = UInt32(lead) & (length == 1 ? 0x7F : UInt32(0x7F) >> length)
            for k in 1..<length {
                guard bytes[i + k] & 0xC0 == 0x80 else { return .invalidUTF8(offset: i) }
                scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F)
            }
            let smallest: UInt32 = [0, 0, 0x80, 0x800, 0x1_0000][length]
            if scalar < smallest || (0xD800...0xDFFF).contains(scalar) || scalar > 0x10_FFFF {
                return .invalidUTF8(offset: i)
            }
            i += length
        }
        return nil
    }

    /// The answer with the AVX2 pass first (where the processor has it), which must be the answer
    /// without it.
    static func fast(_ bytes: [UInt8]) -> EncodingProblem? {
        let withVectors = bytes.withUnsafeBufferPointer { TextEncoding.firstInvalid($0) }
        let withoutVectors = bytes.withUnsafeBufferPointer { TextEncoding.firstInvalid($0, vectorPrefix: false) }
        #expect(withVectors == withoutVectors, "\(bytes)")
        return withVectors
    }

    /// Bytes that sit on the edges of the rules: NUL, ASCII, both ends of the continuation range and of
    /// the second-byte limits after E0, ED, F0 and F4, and every kind of lead byte, valid or not.
    static let edgeBytes: [UInt8] = [
        0x00, 0x0A, 0x20, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
        0xE0, 0xE1, 0xE4, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFE, 0xFF,
    ]

    /// Valid text of random scalars of every length, ASCII weighted as in real files.
    static func validText(byteCount: Int, using generator: inout SeededGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < byteCount {
            let scalar: UInt32
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<4: scalar = UInt32.random(in: 0x01...0x7F, using: &generator)
            case 4: scalar = UInt32.random(in: 0x80...0x7FF, using: &generator)
            case 5..<8: scalar = UInt32.random(in: 0x4E00...0x9FFF, using: &generator)  // the CJK block
            case 8:
                let s = UInt32.random(in: 0x800...0xFFFF, using: &generator)
                scalar = (0xD800...0xDFFF).contains(s) ? 0xE000 : s
            default: scalar = UInt32.random(in: 0x1_0000...0x10_FFFF, using: &generator)
            }
            bytes += Array(String(Unicode.Scalar(scalar)!).utf8)
        }
        return bytes
    }

    @Test func randomBytes() {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<4000 {
            let count = Int.random(in: 0...80, using: &generator)
            let uniform = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(Self.fast(uniform) == Self.reference(uniform), "\(uniform)")
            let edgy = (0..<count).map { _ in Self.edgeBytes.randomElement(using: &generator)! }
            #expect(Self.fast(edgy) == Self.reference(edgy), "\(edgy)")
        }
    }

    @Test func randomValidTextWithOneCorruption() {
        var generator = SeededGenerator(seed: 2)
        for round in 0..<6000 {
            var bytes = Self.validText(byteCount: Int.random(in: 0...160, using: &generator), using: &generator)
            if round % 6 == 0 {
                #expect(Self.fast(bytes) == nil, "\(bytes)")
                continue
            }
            if bytes.isEmpty { bytes = [UInt8(0x41)] }
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = Self.edgeBytes.randomElement(using: &generator)!
            case 1:
                bytes.insert(Self.edgeBytes.randomElement(using: &generator)!, at: Int.random(in: 0...bytes.count, using: &generator))
            case 2:
                bytes.remove(at: Int.random(in: 0..<bytes.count, using: &generator))
            default:
                bytes.removeLast(Int.random(in: 1...min(3, bytes.count), using: &generator))
            }
            #expect(Self.fast(bytes) == Self.reference(bytes), "\(bytes)")
        }
    }

    /// Sequences that are just valid and just invalid.
    static let edgeSequences: [[UInt8]] = [
        // valid, at the limits
        [0x7F], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xBF],
        [0xED, 0x80, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],
        [0xF0, 0x90, 0x80, 0x80], [0xF1, 0x80, 0x80, 0x80], [0xF3, 0xBF, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF],
        // overlong forms
        [0xC0, 0x80], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
        [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
        // surrogates, and above U+10FFFF
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF7, 0xBF, 0xBF, 0xBF],
        // bytes that never start a sequence
        [0xF5, 0x80, 0x80, 0x80], [0xF8], [0xFE], [0xFF], [0x80], [0xBF], [0x80, 0x80, 0x80],
        // a missing or an extra continuation byte, a NUL
        [0xC2], [0xE4, 0xB8], [0xE4], [0xF0, 0x9F, 0x98], [0xF0, 0x9F], [0xE4, 0xB8, 0xAD, 0x80],
        [0xC3, 0xA9, 0xA9], [0xE4, 0x41, 0xAD], [0xE4, 0xB8, 0x41], [0xF0, 0x9F, 0x98, 0x41], [0x00], [0xE4, 0x00, 0x80],
        // C0 or C1 where a continuation byte belongs
        [0xE4, 0xC0, 0x80], [0xE4, 0xB8, 0xC0, 0x80], [0xE4, 0xB8, 0xC1], [0xC2, 0xC0, 0x80],
    ]

    /// Each edge sequence at every offset across the first three sixteen-byte blocks, after ASCII,
    /// Chinese or mixed text, and either followed by more text or cut off by the end of the file.
    @Test func edgeSequencesAtEveryOffset() {
        let sequences = Self.edgeSequences
        let paddings = [
            Array("plain ascii text, long enough to fill three blocks ".utf8),
            Array("中文標點，一二三四五六七八九十百千萬".utf8),
            Array("mixed 中文 and ascii, é and 🙂 too ".utf8),
        ]
        for sequence in sequences {
            for padding in paddings {
                for offset in 0..<50 {
                    var prefix = Array(padding[..<min(offset, padding.count)])
                    while let last = prefix.last, last & 0xC0 == 0x80 || last >= 0xC0 { prefix.removeLast() }  // whole characters
                    let cut = prefix + sequence
                    #expect(Self.fast(cut) == Self.reference(cut), "\(cut)")
                    let followed = cut + padding
                    #expect(Self.fast(followed) == Self.reference(followed), "\(followed)")
                }
            }
        }
    }

    /// Texts whose lead bytes take every route through the fast pass: Chinese (E4...E9, and EF for
    /// full-width punctuation), Korean (EA...ED: 힣 is ED 9E A3, which the limits after ED let through),
    /// Thai (E0 B8 ..., which the limits after E0 let through), emoji (four-byte sequences, which are
    /// read byte-wise), Latin with two-byte sequences, and plain ASCII.
    static let longTexts: [[UInt8]] = [
        "中文標點，一二三四五六七八九十百千萬。", "한국어 힣힣 텍스트 ", "ภาษาไทย ", "emoji 🙂🎉 ", "café déjà ", "plain ascii ",
    ].map { Array(String(repeating: $0, count: 40).utf8) }

    /// Each edge sequence at every offset across the first three chunks of sixty-four bytes (and so
    /// across every block boundary in them), inside each long text, either followed by more of it or cut
    /// off by the end of the file. A sequence at a chunk's end is split across two chunks.
    @Test func edgeSequencesAtEveryOffsetAcrossChunks() {
        for text in Self.longTexts {
            for sequence in Self.edgeSequences {
                for offset in 0..<200 {
                    var prefix = Array(text[..<offset])
                    while let last = prefix.last, last & 0xC0 == 0x80 || last >= 0xC0 { prefix.removeLast() }  // whole characters
                    let cut = prefix + sequence
                    #expect(Self.fast(cut) == Self.reference(cut), "\(cut)")
                    let followed = cut + text[..<100]
                    #expect(Self.fast(followed) == Self.reference(followed), "\(followed)")
                }
            }
        }
    }

    /// Every byte of 300 bytes of each long text replaced in turn by each edge byte: a problem in every
    /// lane of every block of a chunk, and valid text around it.
    @Test func oneEdgeByteInEveryLane() {
        for text in Self.longTexts {
            let base = Array(text[..<300])
            #expect(Self.fast(base) == Self.reference(base))
            for position in 0..<base.count {
                for byte in Self.edgeBytes where byte != base[position] {
                    var bytes = base
                    bytes[position] = byte
                    #expect(Self.fast(bytes) == Self.reference(bytes), "\(position) \(byte)")
                }
            }
        }
    }

    /// Valid text of random scalars, long enough for many chunks, with one sequence cut short at the
    /// very end: the last bytes are read byte-wise, and must not be taken for whole.
    @Test func longValidTextEndingInATruncatedSequence() {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<400 {
            let text = Self.validText(byteCount: Int.random(in: 60...400, using: &generator), using: &generator)
            #expect(Self.fast(text) == nil)
            let tail: [[UInt8]] = [[0xE4], [0xE4, 0xB8], [0xC3], [0xF0, 0x9F, 0x98], [0xED, 0x9F], [0xE0, 0xA0]]
            let bytes = text + tail.randomElement(using: &generator)!
            #expect(Self.fast(bytes) == Self.reference(bytes), "\(bytes)")
        }
    }

    /// The AVX2 pass stops at a multiple of 32 bytes before the end, and before the block where the
    /// first problem shows: the bytes it passes may end inside the sequence at fault, so at most three
    /// bytes after the offset the reference gives. On valid text it stops only for the end (or at once,
    /// on a processor without AVX2).
    @Test func vectorPrefixStopsBeforeTheFirstProblem() {
        var generator = SeededGenerator(seed: 4)
        for round in 0..<3000 {
            var bytes = Self.validText(byteCount: Int.random(in: 0...300, using: &generator), using: &generator)
            if round % 2 == 1 && !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = Self.edgeBytes.randomElement(using: &generator)!
            }
            let prefix = bytes.withUnsafeBufferPointer { frontlint_utf8_valid_prefix($0.baseAddress, $0.count, 1) }
            #expect(prefix % 32 == 0 && (prefix == 0 || prefix < bytes.count), "\(bytes)")
            switch Self.reference(bytes) {
            case .invalidUTF8(let offset)?, .nulByte(let offset)?:
                #expect(prefix <= offset + 3, "\(bytes)")
            case nil, .wideEncoding?:
                #expect(prefix == 0 || prefix >= bytes.count - 64, "\(bytes)")
            }
        }
    }

    /// The reference itself, on inputs whose answer is known.
    @Test func referenceAgreesWithKnownAnswers() {
        #expect(Self.reference(Array("中文 café 🙂".utf8)) == nil)
        #expect(Self.reference([0x41, 0xED, 0xA0, 0x80]) == .invalidUTF8(offset: 1))
        #expect(Self.reference([0x41, 0xE0, 0x9F, 0xBF]) == .invalidUTF8(offset: 1))
        #expect(Self.reference([0x41, 0xF4, 0x90, 0x80, 0x80]) == .invalidUTF8(offset: 1))
        #expect(Self.reference([0x41, 0xC1, 0xBF]) == .invalidUTF8(offset: 1))
        #expect(Self.reference([0x41, 0x00]) == .nulByte(offset: 1))
        #expect(Self.reference([0xE0, 0xA0, 0x80, 0xF4, 0x8F, 0xBF, 0xBF, 0xED, 0x9F, 0xBF]) == nil)
    }
}
