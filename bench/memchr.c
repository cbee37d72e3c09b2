/* The floor for any reader: memchr for line ends over the file's bytes, read in 1 MiB chunks
   (page cache). Compiled by bench/run.mjs at bench time. Prints: bytes lines wall_s cpu_s */
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(int argc, char** argv) {
    static char buf[1 << 20];
    FILE* f = fopen(argv[1], "rb");
    if (!f) return 2;
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    long long bytes = 0, lines = 0;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        const char* p = buf;
        const char* end = buf + n;
        while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) ++lines, ++p;
        bytes += (long long)n;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    printf("%lld %lld %.6f %.6f\n", bytes, lines, (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
           (double)(c1.tv_sec - c0.tv_sec) + (c1.tv_nsec - c0.tv_nsec) / 1e9);
    return 0;
}
