# Sanitizer and fuzzing instrumentation for every target of the build: our
# libraries, the tests, the tools and the third-party tree-sitter target.
#
# Injected after project() through CMAKE_PROJECT_INCLUDE (CMakePresets.json
# and tools/sanitize.sh, tools/fuzz.sh set it), so the top-level
# CMakeLists.txt needs no edit; `include(Sanitizers)` there works too.
#
#   GENLENS_SANITIZE  list of -fsanitize= groups, e.g. "address;undefined"
#                     (build-asan/). Empty: no sanitizer. Defines
#                     GENLENS_SANITIZED=1 for code that must know.
#   GENLENS_FUZZ      ON: coverage instrumentation for libFuzzer
#                     (-fsanitize=fuzzer-no-link) everywhere; tests/fuzz/
#                     links its targets with -fsanitize=fuzzer (build-fuzz/).
#                     Needs clang.
include_guard(GLOBAL)

set(GENLENS_SANITIZE "" CACHE STRING
    "Sanitizers for every target, e.g. address;undefined (empty: none)")
option(GENLENS_FUZZ "Instrument everything for libFuzzer and build the fuzz targets (clang)" OFF)

if(GENLENS_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "genlens: GENLENS_FUZZ=ON needs clang (libFuzzer); "
                      "configure with -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "
                      "or `cmake --preset fuzz`.")
endif()

if(GENLENS_SANITIZE)
  list(JOIN GENLENS_SANITIZE "," _genlens_san)
  # -fno-sanitize-recover=all: the first UBSan report aborts the process, so
  # a test cannot pass with undefined behaviour in it.
  add_compile_options(-fsanitize=${_genlens_san} -fno-omit-frame-pointer
                      -fno-optimize-sibling-calls -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_genlens_san})
  # libstdc++ bounds checks (operator[], front(), back() on empty containers...):
  # catches out-of-range access inside a container's capacity, which ASan
  # cannot see. ABI-neutral, so it mixes with the distribution's libraries.
  add_compile_definitions(_GLIBCXX_ASSERTIONS)
  # For tests whose time or memory budgets must allow for the sanitizers'
  # overhead (about 2-5x time, 2-3x memory), or that run the binary where
  # LeakSanitizer cannot work (under ptrace: strace, gdb).
  add_compile_definitions(GENLENS_SANITIZED=1)
  message(STATUS "genlens: sanitizers ${_genlens_san}")
endif()

if(GENLENS_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link)
  # Code that only the fuzz build should see (e.g. smaller limits) can test this.
  add_compile_definitions(FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION)
  message(STATUS "genlens: libFuzzer instrumentation on")
endif()
