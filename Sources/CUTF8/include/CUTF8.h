#ifndef FRONTLINT_UTF8_H
#define FRONTLINT_UTF8_H

#include <stddef.h>
#include <stdint.h>

/// How many of the `count` bytes at `bytes` are known to be a valid start of UTF-8 text without NUL bytes
/// (RFC 3629): a multiple of 32 below `count`, up to the first block of 32 bytes that may hold a problem.
/// The prefix may end inside a sequence. 0 where the processor lacks AVX2, or with `allowVectors` 0 (for
/// tests).
size_t frontlint_utf8_valid_prefix(const uint8_t *bytes, size_t count, int allowVectors);

/// What `frontlint_line_starts` did.
typedef enum {
    /// Nothing: the processor lacks AVX2, or `allowVectors` was 0.
    FRONTLINT_LINES_NOT_READ = 0,
    /// Read up to `end`: all the bytes, or those up to the line feed that found `starts` full.
    FRONTLINT_LINES_READ = 1,
    /// Found a carriage return, which calls for CommonMark's reading of CR and CRLF: the rest is useless.
    FRONTLINT_LINES_CARRIAGE_RETURN = 2,
} frontlint_lines_outcome;

typedef struct {
    frontlint_lines_outcome outcome;
    /// How many line starts were written.
    size_t written;
    /// Where reading stopped: `count`, or the offset of the first line feed not written for want of room.
    size_t end;
} frontlint_lines;

/// Writes the offset after each line feed in `bytes[from..<count]` to `starts`, at most `capacity` of
/// them, in one pass that also looks for carriage returns; with AVX2 only (see `frontlint_lines_outcome`).
frontlint_lines frontlint_line_starts(const uint8_t *bytes, size_t count, size_t from, intptr_t *starts,
                                      size_t capacity, int allowVectors);

#endif
