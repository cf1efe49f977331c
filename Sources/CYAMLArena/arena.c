// Memory for libyaml while it parses one document: a per-thread arena that is emptied, not freed, when
// the parse ends.
//
// libyaml allocates through four functions of its own, yaml_malloc, yaml_realloc, yaml_free and
// yaml_strdup, and calls them through its procedure linkage table. This file defines functions with the
// same names, which the dynamic linker binds libyaml's calls to, as it binds any symbol the executable
// defines. A front matter takes about 150 allocations and as many frees (three or four buffers for every
// scalar, the parser's 64 KB of input buffers, its queues and stacks); from the arena each costs a few
// instructions instead of a trip through malloc and free, which was a tenth of everything frontlint did on
// the benchmark corpus.
//
// Correctness never depends on the arena. Outside a parse, or when the arena's chunk is full, these
// functions call malloc, realloc, free and strdup exactly as libyaml's own do; if libyaml's calls were not
// bound here, libyaml would simply use its own. A block is the arena's if its address is inside the
// arena's chunk; any other block goes to free or realloc.
//
// This is C, not Swift, for one reason: a thread-local variable. Swift reaches thread-local storage only
// through pthread_getspecific, which cost more per call than the malloc it was meant to save.

#include "CYAMLArena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// libyaml needs about 70 KB for any document (its input buffers); front matter rarely needs more than a
// few KB beyond that. A parse that outgrows the chunk continues with malloc.
enum { CHUNK_SIZE = 256 * 1024, HEADER = 16 };

struct arena {
    unsigned char *begin;  // the chunk
    unsigned char *end;
    unsigned char *next;   // the first free byte
    unsigned char *last;   // the last block handed out, which can grow or be given back in place
    int depth;             // nesting of begin/end; the arena serves allocations while it is positive
    size_t allocations;
};

static __thread struct arena *current;  // this thread's arena while a parse is on, else NULL
static __thread struct arena *owned;    // this thread's arena, made on first use

static pthread_key_t destructor_key;
static pthread_once_t destructor_once = PTHREAD_ONCE_INIT;

static void destroy_arena(void *pointer) {
    struct arena *arena = pointer;
    free(arena->begin);
    free(arena);
}

static void create_destructor_key(void) {
    // Only to free a thread's arena when the thread exits; the fast path reads `current`.
    (void)pthread_key_create(&destructor_key, destroy_arena);
}

void frontlint_yaml_arena_begin(void) {
    struct arena *arena = owned;
    if (arena == NULL) {
        arena = calloc(1, sizeof *arena);
        unsigned char *chunk = arena ? malloc(CHUNK_SIZE) : NULL;
        if (chunk == NULL) {
            free(arena);
            return;  // no arena: libyaml gets malloc, and end() finds nothing to do
        }
        arena->begin = arena->next = chunk;
        arena->end = chunk + CHUNK_SIZE;
        owned = arena;
        pthread_once(&destructor_once, create_destructor_key);
        pthread_setspecific(destructor_key, arena);
    }
    if (arena->depth++ == 0) current = arena;
}

void frontlint_yaml_arena_end(void) {
    struct arena *arena = owned;
    if (arena == NULL || arena->depth == 0) return;
    if (--arena->depth == 0) {
        current = NULL;
        arena->next = arena->begin;
        arena->last = NULL;
    }
}

size_t frontlint_yaml_arena_allocations(void) {
    return owned ? owned->allocations : 0;
}

static inline size_t block_size(size_t size) {
    return HEADER + ((size + 15) & ~(size_t)15);
}

static inline int owns(const struct arena *arena, const void *block) {
    return (const unsigned char *)block > arena->begin && (const unsigned char *)block < arena->end;
}

// A block from the arena, or NULL when it is full.
static inline void *arena_allocate(struct arena *arena, size_t size) {
    size_t needed = block_size(size);
    if ((size_t)(arena->end - arena->next) < needed) return NULL;
    unsigned char *block = arena->next + HEADER;
    memcpy(arena->next, &size, sizeof size);
    arena->next += needed;
    arena->last = block;
    arena->allocations += 1;
    return block;
}

void *yaml_malloc(size_t size) {
    struct arena *arena = current;
    if (arena) {
        void *block = arena_allocate(arena, size);
        if (block) return block;
    }
    return malloc(size ? size : 1);
}

void *yaml_realloc(void *block, size_t size) {
    struct arena *arena = current;
    if (block == NULL) return yaml_malloc(size);
    if (arena && owns(arena, block)) {
        unsigned char *header = (unsigned char *)block - HEADER;
        size_t old_size;
        memcpy(&old_size, header, sizeof old_size);
        if (block == arena->last && (size_t)(arena->end - header) >= block_size(size)) {
            // The last block grows (or shrinks) where it is.
            memcpy(header, &size, sizeof size);
            arena->next = header + block_size(size);
            return block;
        }
        void *moved = yaml_malloc(size);
        if (moved) memcpy(moved, block, old_size < size ? old_size : size);
        return moved;  // the old block is reclaimed when the parse ends
    }
    return realloc(block, size ? size : 1);
}

void yaml_free(void *block) {
    if (block == NULL) return;
    struct arena *arena = current;
    if (arena && owns(arena, block)) {
        if (block == arena->last) {
            // The last block's memory is reused at once; the others wait for the end of the parse.
            arena->next = (unsigned char *)block - HEADER;
            arena->last = NULL;
        }
        return;
    }
    free(block);
}

unsigned char *yaml_strdup(const unsigned char *text) {
    if (text == NULL) return NULL;
    if (current) {
        size_t length = strlen((const char *)text);
        unsigned char *copy = yaml_malloc(length + 1);
        if (copy) memcpy(copy, text, length + 1);
        return copy;
    }
    return (unsigned char *)strdup((const char *)text);
}
