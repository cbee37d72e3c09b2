# Sanitizer builds (presets `native-asan` and `fuzz`, see CMakePresets.json and fuzz/README.md).
#
# SHOPSCORE_SANITIZE: ASan + UBSan on everything (core, CLI, tests); any finding stops the program
#   (-fno-sanitize-recover=all), so the Catch2 suite and the CLI checks fail on it.
# SHOPSCORE_FUZZ: the same sanitizers with libFuzzer instrumentation (clang only); builds fuzz/.
#   UBSan reports are recoverable here only so that fuzz/ubsan.supp can hold an open finding that
#   belongs to another change; fuzz/run.sh sets halt_on_error=1, so every other report is fatal.
option(SHOPSCORE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(SHOPSCORE_FUZZ "Build the libFuzzer harnesses in fuzz/ (clang)" OFF)

if(SHOPSCORE_SANITIZE)
  set(_shopscore_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${_shopscore_san} -g)
  add_link_options(${_shopscore_san})
endif()

if(SHOPSCORE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SHOPSCORE_FUZZ needs clang (libFuzzer): use the `fuzz` preset")
  endif()
  set(_shopscore_san -fsanitize=address,undefined -fsanitize-recover=undefined -fno-omit-frame-pointer)
  add_compile_options(-fsanitize=fuzzer-no-link ${_shopscore_san} -g)
  add_link_options(${_shopscore_san})
endif()
