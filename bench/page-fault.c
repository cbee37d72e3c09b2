/* What this machine charges for a page of fresh memory: a WebAssembly heap that grows is new
   memory, and each 4 KiB page costs a page fault on its first touch (WebAssembly cannot ask for
   huge pages; the native CLI does, cli/malloc_tunables.cpp). Touches 256 MiB of fresh anonymous
   memory, one byte a page, with huge pages refused. Compiled by bench/run.mjs at bench time.
   Prints: pages cpu_s (CPU time, user + system: what the faults add to a process's CPU time). */
#include <stdio.h>
#include <sys/mman.h>
#include <time.h>

int main(void) {
    const size_t size = (size_t)256 << 20, page = 4096;
    char* p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return 2;
    madvise(p, size, MADV_NOHUGEPAGE);
    struct timespec c0, c1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    for (size_t i = 0; i < size; i += page) p[i] = 1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    printf("%zu %.6f\n", size / page, (double)(c1.tv_sec - c0.tv_sec) + (c1.tv_nsec - c0.tv_nsec) / 1e9);
    return 0;
}
