#!/usr/bin/env bash
# The sanitizer preset: builds everything with ASan and UBSan (GCC, -O1 -g) in build-asan and runs
# the whole test suite there, LeakSanitizer included; any report fails its test. Needs what
# `scripts/dev.sh test` installs (run that once first).
#   scripts/sanitize.sh [ctest arguments]      e.g. scripts/sanitize.sh -R tst_transport
# Left out: fuzz_smoke (its own sanitized Clang tree) and installer_packages (packages are not built
# from a sanitized tree). Suppressions for leaks inside system libraries: tests/sanitize/lsan.supp.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${CUMULUS_SANITIZE_BUILD_DIR:-build-asan}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=None -DCUMULUS_SANITIZE=ON -DCUMULUS_BUILD_BENCH=OFF \
    >"$log" 2>&1 || { cat "$log"; exit 1; }
fi
cmake --build "$build" >"$log" 2>&1 || { cat "$log"; exit 1; }
export CUMULUS_SANITIZE=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitize/lsan.supp:print_suppressions=0"
cd "$build"
exec ctest --output-on-failure --timeout 3600 -j "$(nproc)" -E '^(fuzz_smoke|installer_packages)$' "$@"
