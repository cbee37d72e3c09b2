// Why the CLI starts itself again (docs/performance.md "Huge pages and one arena"):
// - glibc.malloc.hugetlb=1: malloc madvises its large regions MADV_HUGEPAGE. Reading a 1 M-row
//   orders export touches ~100 MB of fresh memory (the orders, the reading state) and probes an
//   ~8 MB hash index of the order IDs at random: with 4 KiB pages every new page is a page fault
//   and nearly every probe a TLB miss. 1 M rows, --jobs 1: 0.89 -> 0.73 s.
// - glibc.malloc.arena_max=1: the threads (a file read in slices, batch's shops) allocate from
//   the one main heap instead of a 64 MB arena each, which glibc trims and grows again page by
//   page: 1 M rows --jobs 2 0.51 -> 0.44 s; batch of 1,000 shops 10.1 -> 8.0 s. The threads
//   allocate little and in large pieces, so sharing the lock costs nothing measurable.
// glibc reads its tunables only at start-up (2.35 and later know hugetlb; older ones ignore it),
// so the process runs itself again with them added. Nothing else changes: the arguments, the open
// files (stdin included) and the rest of the environment are the same, and so are the results,
// byte for byte. A tunable the user set is left as set. With the kernel's THP setting "never" the
// madvise does nothing.
#include "malloc_tunables.h"

#include <cstdlib>
#include <string>

#if defined(__GLIBC__) && defined(__linux__)
#include <unistd.h>
#endif

namespace shopscore::cli {

void restart_with_malloc_tunables([[maybe_unused]] char** argv) {
#if defined(__GLIBC__) && defined(__linux__)
    constexpr const char* kRestarted = "SHOPSCORE_RESTARTED";  // set before the restart: never a loop
    if (std::getenv(kRestarted)) return;
    const char* given_env = std::getenv("GLIBC_TUNABLES");
    const bool given = given_env != nullptr;
    const std::string given_tunables = given ? given_env : "";
    std::string tunables = given_tunables;
    bool added = false;
    for (const char* tunable : {"glibc.malloc.hugetlb=1", "glibc.malloc.arena_max=1"}) {
        const std::string name = std::string(tunable).substr(0, std::string(tunable).find('='));
        if (tunables.find(name + "=") != std::string::npos) continue;
        tunables += tunables.empty() ? tunable : std::string(":") + tunable;
        added = true;
    }
    if (!added) return;
    if (setenv(kRestarted, "1", 1) != 0 || setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0) return;
    execv("/proc/self/exe", argv);
    // Still here: the restart failed. Go on as we are, with the environment as it was given.
    unsetenv(kRestarted);
    if (given) setenv("GLIBC_TUNABLES", given_tunables.c_str(), 1);
    else unsetenv("GLIBC_TUNABLES");
#endif
}

}  // namespace shopscore::cli
