// Allocation counter for propbot-bench only (never linked into the bot).
//
// On glibc every allocation entry point is interposed: the executable's definitions win over libc's for
// the whole process, and each forwards to glibc's internal `__libc_*` implementation after counting.
// The counter is one process-wide atomic: that is the point (count every thread's allocations), and
// relaxed atomics keep it race-free.
#include "BenchAllocCounter.h"
#include <stddef.h>
#include <errno.h>

#if defined(__linux__) && defined(__GLIBC__)
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);

static uint64_t counter = 0;

static inline void count(void) { __atomic_fetch_add(&counter, 1, __ATOMIC_RELAXED); }

void *malloc(size_t n) { count(); return __libc_malloc(n); }
void *calloc(size_t a, size_t b) { count(); return __libc_calloc(a, b); }
void *realloc(void *p, size_t n) { count(); return __libc_realloc(p, n); }
void free(void *p) { __libc_free(p); }
void *memalign(size_t al, size_t n) { count(); return __libc_memalign(al, n); }
void *aligned_alloc(size_t al, size_t n) { count(); return __libc_memalign(al, n); }
int posix_memalign(void **out, size_t al, size_t n) {
    count();
    void *p = __libc_memalign(al, n);
    if (!p) return ENOMEM;
    *out = p;
    return 0;
}

uint64_t bench_alloc_count(void) { return __atomic_load_n(&counter, __ATOMIC_RELAXED); }
int bench_alloc_count_is_exact(void) { return 1; }

#elif defined(__APPLE__)
#include <malloc/malloc.h>

uint64_t bench_alloc_count(void) {
    malloc_statistics_t s;
    malloc_zone_statistics(NULL, &s);
    return (uint64_t)s.blocks_in_use;
}
int bench_alloc_count_is_exact(void) { return 0; }

#else
uint64_t bench_alloc_count(void) { return 0; }
int bench_alloc_count_is_exact(void) { return 0; }
#endif
