#!/usr/bin/env bash
# The sanitizer stage of `make test` (`make sanitize`):
#   1. build-asan/: everything (our libraries, the tree-sitter runtime and
#      grammar, the tests and the CLI) built with clang and
#      -fsanitize=address,undefined; the whole ctest suite runs under it;
#   2. build-fuzz/: the libFuzzer targets, each fuzzed for
#      SANITIZE_FUZZ_SECONDS (default 12; 0 skips this step) as ctest cases.
# Usage: tools/sanitize.sh [JOBS]   (the pinned npm packages must be in
# $GENLENS_NPM_DIR, default build/npm: `make npm`)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${1:-$(nproc)}"
fuzz_seconds="${SANITIZE_FUZZ_SECONDS:-12}"
npm_dir="${GENLENS_NPM_DIR:-$PWD/build/npm}"  # the Makefile passes $(NPM_DIR)

# Same settings as the asan/fuzz test presets in CMakePresets.json. exitcode=86:
# a sanitizer report never looks like one of genlens' own exit codes (0-4).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1:strict_string_checks=1:exitcode=86}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=86}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-exitcode=86}"

stage() { printf '\n== sanitize: %s\n' "$*"; }
start=$SECONDS

stage "configure + build build-asan/ (clang, address + undefined)"
cmake --preset asan -DGENLENS_NPM_DIR="$npm_dir" >/dev/null
cmake --build build-asan -j "$jobs"
stage "ctest in build-asan/"
(cd build-asan && ctest --output-on-failure -j "$jobs")
echo "sanitize: ASan/UBSan suite passed in $((SECONDS - start)) s"

if [ "$fuzz_seconds" != 0 ]; then
  fstart=$SECONDS
  stage "configure + build build-fuzz/ (libFuzzer); each target fuzzes ${fuzz_seconds} s"
  cmake --preset fuzz -DGENLENS_NPM_DIR="$npm_dir" -DGENLENS_FUZZ_CI_SECONDS="$fuzz_seconds" >/dev/null
  cmake --build build-fuzz -j "$jobs" --target genlens_fuzz_targets
  stage "ctest -L fuzz in build-fuzz/ (crashes go to build-fuzz/crashes/<target>/)"
  (cd build-fuzz && ctest --output-on-failure -L '^fuzz$' -j "$jobs")
  echo "sanitize: fuzz targets ran ${fuzz_seconds} s each without a crash ($((SECONDS - fstart)) s)"
fi
echo "sanitize: done in $((SECONDS - start)) s"
