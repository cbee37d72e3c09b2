#pragma once

namespace shopscore::cli {

// Starts the CLI again, once, with glibc's malloc tuned for reading large exports (huge pages,
// one arena; malloc_tunables.cpp says why), unless the environment already sets those tunables.
// Returns where that cannot be done (not glibc on Linux, no /proc/self/exe): the CLI then runs
// as it is, only slower.
void restart_with_malloc_tunables(char** argv);

}  // namespace shopscore::cli
