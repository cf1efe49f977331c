#ifndef FRONTLINT_UTF8_H
#define FRONTLINT_UTF8_H

#include <stddef.h>
#include <stdint.h>

/// How many of the `count` bytes at `bytes` are known to be a valid start of UTF-8 text without NUL bytes
/// (RFC 3629): a multiple of 32 below `count`, up to the first block of 32 bytes that may hold a problem.
/// The prefix may end inside a sequence. 0 where the processor lacks AVX2, or with `allowVectors` 0 (for
/// tests).
size_t frontlint_utf8_valid_prefix(const uint8_t *bytes, size_t count, int allowVectors);

#endif
