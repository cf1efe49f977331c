#ifndef FRONTLINT_YAML_ARENA_H
#define FRONTLINT_YAML_ARENA_H

#include <stddef.h>

/// Makes libyaml's allocations on this thread come from the thread's arena until the matching
/// `frontlint_yaml_arena_end`. Calls nest; only the outermost pair starts and empties the arena.
void frontlint_yaml_arena_begin(void);

/// Ends a parse begun with `frontlint_yaml_arena_begin`. Every parser and event created since must have
/// been deleted: the outermost call empties the arena for the next parse.
void frontlint_yaml_arena_end(void);

/// How many of libyaml's allocations the arena has served on this thread (for tests: zero means libyaml's
/// calls are not bound to frontlint's allocation functions).
size_t frontlint_yaml_arena_allocations(void);

#endif
