#ifndef FRONTLINT_THREADS_H
#define FRONTLINT_THREADS_H

#include <pthread.h>

/// Starts a thread as `pthread_create` does (default attributes), but on a CPU other than the caller's
/// when the process may run on more than one. The thread takes back the process's whole CPU set before it
/// calls `start`, so the system places it freely from then on. `avoided` (when not NULL) is set to the
/// CPU the thread was kept off at its start, or -1 when it was started as `pthread_create` would.
///
/// Some kernels put a new thread on its creator's CPU even when another CPU is idle: on the virtual machines
/// this project is measured on, a run's second lint thread shared the main thread's CPU for its first 2 to
/// 12 ms while the other CPU sat idle.
int frontlint_thread_start_elsewhere(pthread_t *thread, void *(*start)(void *), void *argument, int *avoided);

/// The CPU the calling thread runs on, or -1 where the system cannot tell.
int frontlint_current_cpu(void);

/// How many CPUs the calling thread may run on, or -1 where the system cannot tell.
int frontlint_allowed_cpu_count(void);

#endif
