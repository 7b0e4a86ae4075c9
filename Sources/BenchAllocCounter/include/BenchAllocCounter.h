#ifndef BENCH_ALLOC_COUNTER_H
#define BENCH_ALLOC_COUNTER_H
#include <stdint.h>

/// Number of heap allocations (malloc/calloc/realloc/aligned variants) since the process started.
/// On glibc the allocator entry points are interposed and counted exactly; on macOS it is the default
/// zone's `blocks_in_use` statistic (a net count, so it only proves "no allocation left behind").
uint64_t bench_alloc_count(void);

/// 1 when `bench_alloc_count` is an exact count on this platform.
int bench_alloc_count_is_exact(void);

#endif
