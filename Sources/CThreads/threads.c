// Where a new thread starts. C, because glibc declares the CPU affinity calls only with _GNU_SOURCE,
// which Swift's Glibc module does not define, and `CPU_SET` and its kin are macros.

#define _GNU_SOURCE
#include "CThreads.h"

#include <stdlib.h>

#if defined(__linux__)
#include <sched.h>

/// What the new thread needs before it runs the caller's body: the body, and the CPU set to take back.
struct start {
    void *(*start)(void *);
    void *argument;
    cpu_set_t allowed;
};

static void *start_with_every_cpu(void *raw) {
    struct start start = *(struct start *)raw;
    free(raw);
    // The set contains the CPU this thread runs on: nothing moves now, the system may later.
    sched_setaffinity(0, sizeof start.allowed, &start.allowed);
    return start.start(start.argument);
}

int frontlint_thread_start_elsewhere(pthread_t *thread, void *(*start)(void *), void *argument, int *avoided) {
    if (avoided) *avoided = -1;
    struct start *placed = malloc(sizeof *placed);
    int here = sched_getcpu();
    if (placed && here >= 0 && sched_getaffinity(0, sizeof placed->allowed, &placed->allowed) == 0) {
        cpu_set_t others = placed->allowed;
        CPU_CLR(here, &others);
        pthread_attr_t attributes;
        if (CPU_COUNT(&others) > 0 && pthread_attr_init(&attributes) == 0) {
            placed->start = start;
            placed->argument = argument;
            int result = pthread_attr_setaffinity_np(&attributes, sizeof others, &others);
            if (result == 0) result = pthread_create(thread, &attributes, start_with_every_cpu, placed);
            pthread_attr_destroy(&attributes);
            if (result == 0) {
                if (avoided) *avoided = here;
                return 0;
            }
            // The set was refused (a CPU went offline meanwhile, say): start the thread the usual way.
        }
    }
    free(placed);
    return pthread_create(thread, NULL, start, argument);
}

int frontlint_current_cpu(void) {
    return sched_getcpu();
}

int frontlint_allowed_cpu_count(void) {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return -1;
    return CPU_COUNT(&allowed);
}

#else

int frontlint_thread_start_elsewhere(pthread_t *thread, void *(*start)(void *), void *argument, int *avoided) {
    if (avoided) *avoided = -1;
    return pthread_create(thread, NULL, start, argument);
}

int frontlint_current_cpu(void) {
    return -1;
}

int frontlint_allowed_cpu_count(void) {
    return -1;
}

#endif
