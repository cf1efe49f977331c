// UTF-8 validation with AVX2, after John Keiser and Daniel Lemire, "Validating UTF-8 in less than one
// instruction per byte" (Software: Practice and Experience, 2021): the "lookup4" algorithm of simdjson and
// simdutf. Three table lookups (PSHUFB) classify each pair of adjacent bytes by the high nibble of the
// first, its low nibble and the high nibble of the second; a bit survives the AND of the three only where
// the pair is an error. Saturating subtraction finds the bytes two and three after a three- or four-byte
// lead, which must be continuation bytes. NUL bytes, valid UTF-8 but not text, are compared for as well.
//
// In C, not Swift, because Swift has no per-function target attribute: its SIMD types compile to the
// x86_64 baseline (SSE2), where a table lookup in a vector is sixteen byte loads. The caller checks the
// processor first, and finds the exact offset of a problem itself.
//
// The line index's search for line feeds and carriage returns is here too (below), for the byte masks
// of VPMOVMSKB, which Swift's SIMD types do not reach either.

#include "CUTF8.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#include <stdatomic.h>

enum {
    TOO_SHORT = 1 << 0,      // 11______ 0_______, 11______ 11______
    TOO_LONG = 1 << 1,       // 0_______ 10______
    OVERLONG_3 = 1 << 2,     // 11100000 100_____
    TOO_LARGE = 1 << 3,      // 11110100 1001____, 11110100 101_____, 11110101+ 1001____ and 101_____
    SURROGATE = 1 << 4,      // 11101101 101_____
    OVERLONG_2 = 1 << 5,     // 1100000_ 10______
    TOO_LARGE_1000 = 1 << 6, // 11110101+ 1000____
    OVERLONG_4 = 1 << 6,     // 11110000 1000____
    TWO_CONTS = 1 << 7,      // 10______ 10______
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

// The three tables, indexed by a nibble; each is loaded into both 128-bit lanes, as VPSHUFB looks up
// within a lane.
static const uint8_t byte_1_high_table[16] = {
    TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
    TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
    TOO_SHORT | OVERLONG_2,
    TOO_SHORT,
    TOO_SHORT | OVERLONG_3 | SURROGATE,
    TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4,
};
static const uint8_t byte_1_low_table[16] = {
    CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,
    CARRY | OVERLONG_2,
    CARRY, CARRY,
    CARRY | TOO_LARGE,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,
    CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
};
static const uint8_t byte_2_high_table[16] = {
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
};

__attribute__((target("avx2")))
static __m256i table(const uint8_t *entries) {
    return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)entries));
}

__attribute__((target("avx2")))
static size_t valid_prefix_avx2(const uint8_t *bytes, size_t count) {
    const __m256i byte_1_high = table(byte_1_high_table);
    const __m256i byte_1_low = table(byte_1_low_table);
    const __m256i byte_2_high = table(byte_2_high_table);
    const __m256i low_nibble = _mm256_set1_epi8(0x0F);
    const __m256i third_byte_bias = _mm256_set1_epi8((char)(0xE0 - 0x80));  // 111_____ stay at 0x80 or above
    const __m256i fourth_byte_bias = _mm256_set1_epi8((char)(0xF0 - 0x80)); // 1111____ stay at 0x80 or above
    const __m256i high_bit = _mm256_set1_epi8((char)0x80);
    const __m256i zero = _mm256_setzero_si256();

    // The block before the first is taken as zeros: as if the text followed ASCII.
    __m256i previous = zero;
    size_t i = 0;
    // At least one byte is left to the caller, which reads the last bytes one by one: a sequence cut off
    // by the end of the text is found there.
    for (; count - i > 32; i += 32) {
        const __m256i input = _mm256_loadu_si256((const __m256i *)(bytes + i));
        // The last bytes of the previous block, then this block's, shifted by one, two and three bytes.
        const __m256i carried = _mm256_permute2x128_si256(previous, input, 0x21);
        const __m256i prev1 = _mm256_alignr_epi8(input, carried, 15);
        const __m256i prev2 = _mm256_alignr_epi8(input, carried, 14);
        const __m256i prev3 = _mm256_alignr_epi8(input, carried, 13);
        const __m256i special = _mm256_and_si256(
            _mm256_and_si256(
                _mm256_shuffle_epi8(byte_1_high, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), low_nibble)),
                _mm256_shuffle_epi8(byte_1_low, _mm256_and_si256(prev1, low_nibble))),
            _mm256_shuffle_epi8(byte_2_high, _mm256_and_si256(_mm256_srli_epi16(input, 4), low_nibble)));
        // Two and three bytes after a three- and four-byte lead: a continuation byte, which the tables
        // flag as TWO_CONTS (bit 7) there, so that the flag and this cancel out.
        const __m256i must_continue = _mm256_and_si256(
            _mm256_or_si256(_mm256_subs_epu8(prev2, third_byte_bias), _mm256_subs_epu8(prev3, fourth_byte_bias)),
            high_bit);
        const __m256i problems = _mm256_or_si256(_mm256_xor_si256(must_continue, special), _mm256_cmpeq_epi8(input, zero));
        if (!_mm256_testz_si256(problems, problems)) break;
        previous = input;
    }
    return i;
}

// AVX2 needs the processor's support and the operating system's saving of the 256-bit registers.
static int has_avx2(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_OSXSAVE) || !(c & bit_AVX)) return 0;
    unsigned low, high;
    __asm__("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    if ((low & 6) != 6) return 0;
    return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_AVX2);
}

// Asked once per process; 0 is "not yet", 1 "no", 2 "yes". Threads that race store the same value.
static int avx2_allowed(int allowVectors) {
    static _Atomic int support = 0;
    int known = atomic_load_explicit(&support, memory_order_relaxed);
    if (known == 0) {
        known = has_avx2() ? 2 : 1;
        atomic_store_explicit(&support, known, memory_order_relaxed);
    }
    return allowVectors && known == 2;
}

size_t frontlint_utf8_valid_prefix(const uint8_t *bytes, size_t count, int allowVectors) {
    return avx2_allowed(allowVectors) ? valid_prefix_avx2(bytes, count) : 0;
}

// Sixty-four bytes a step: one test for carriage returns in all of them, and the line feeds as a 64-bit
// mask, whose set bits are taken lowest first. libc's memchr, called once per line, spent more on the
// call than on the bytes of a line of about sixty.
__attribute__((target("avx2")))
static frontlint_lines line_starts_avx2(const uint8_t *bytes, size_t count, size_t from, intptr_t *starts,
                                        size_t capacity) {
    const __m256i line_feed = _mm256_set1_epi8('\n');
    const __m256i carriage_return = _mm256_set1_epi8('\r');
    frontlint_lines result = {FRONTLINT_LINES_READ, 0, count};
    size_t i = from;
    for (; count - i >= 64; i += 64) {
        const __m256i low = _mm256_loadu_si256((const __m256i *)(bytes + i));
        const __m256i high = _mm256_loadu_si256((const __m256i *)(bytes + i + 32));
        const __m256i returns = _mm256_or_si256(_mm256_cmpeq_epi8(low, carriage_return),
                                                _mm256_cmpeq_epi8(high, carriage_return));
        if (!_mm256_testz_si256(returns, returns)) {
            result.outcome = FRONTLINT_LINES_CARRIAGE_RETURN;
            return result;
        }
        uint64_t feeds = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, line_feed))
            | (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, line_feed)) << 32;
        for (; feeds != 0; feeds &= feeds - 1) {
            size_t at = i + (size_t)__builtin_ctzll(feeds);
            if (result.written == capacity) {
                result.end = at;
                return result;
            }
            starts[result.written++] = (intptr_t)(at + 1);
        }
    }
    for (; i < count; i++) {
        if (bytes[i] == '\r') {
            result.outcome = FRONTLINT_LINES_CARRIAGE_RETURN;
            return result;
        }
        if (bytes[i] != '\n') continue;
        if (result.written == capacity) {
            result.end = i;
            return result;
        }
        starts[result.written++] = (intptr_t)(i + 1);
    }
    return result;
}

frontlint_lines frontlint_line_starts(const uint8_t *bytes, size_t count, size_t from, intptr_t *starts,
                                      size_t capacity, int allowVectors) {
    if (!avx2_allowed(allowVectors)) return (frontlint_lines){FRONTLINT_LINES_NOT_READ, 0, from};
    return line_starts_avx2(bytes, count, from, starts, capacity);
}

#else

size_t frontlint_utf8_valid_prefix(const uint8_t *bytes, size_t count, int allowVectors) {
    (void)bytes; (void)count; (void)allowVectors;
    return 0;
}

frontlint_lines frontlint_line_starts(const uint8_t *bytes, size_t count, size_t from, intptr_t *starts,
                                      size_t capacity, int allowVectors) {
    (void)bytes; (void)count; (void)starts; (void)capacity; (void)allowVectors;
    return (frontlint_lines){FRONTLINT_LINES_NOT_READ, 0, from};
}

#endif
