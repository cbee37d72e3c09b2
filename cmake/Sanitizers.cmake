# Sanitizer builds (preset `native-asan`, which `fuzz` shares; see CMakePresets.json, fuzz/README.md).
#
# SHOPSCORE_SANITIZE: ASan + UBSan on everything (core, CLI, tests, harnesses); any report stops
#   the program (-fno-sanitize-recover=all), so the Catch2 suite, the CLI checks and the fuzzers
#   fail on it.
# SHOPSCORE_FUZZ: libFuzzer coverage instrumentation (clang only) and the harnesses in fuzz/.
#   One build serves the sanitizer suite and the fuzzers, so CI compiles the core once for both;
#   the preset compiles at -O1 (quick to build in CI, and what libFuzzer recommends).
option(SHOPSCORE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(SHOPSCORE_FUZZ "Build the libFuzzer harnesses in fuzz/ (clang)" OFF)

if(SHOPSCORE_SANITIZE)
  set(_shopscore_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${_shopscore_san} -g)
  add_link_options(${_shopscore_san})
endif()

if(SHOPSCORE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SHOPSCORE_FUZZ needs clang (libFuzzer): use the `native-asan` or `fuzz` preset")
  endif()
  if(NOT SHOPSCORE_SANITIZE)
    message(FATAL_ERROR "SHOPSCORE_FUZZ needs SHOPSCORE_SANITIZE (the harnesses rely on ASan/UBSan)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
