#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz: cumulus_core with ASan and UBSan, Clang) and runs each
# for SECONDS on its corpus: the seeds from tests/data (scripts/fuzz_seeds.py) plus what earlier runs
# found, kept in the build folder. A crash, leak, sanitizer report or hang fails the run and leaves
# the input that caused it in BUILD/crashes/TARGET/ (turn it into a regression test).
#   scripts/fuzz.sh [SECONDS] [TARGET...]        default: 30 seconds, every target
#   scripts/fuzz.sh 600                          the long run (10 minutes each)
# CUMULUS_FUZZ_BUILD_DIR (default build-fuzz) and CUMULUS_FUZZ_OPTIMIZATION (default -O1) choose the
# tree; both are read when the tree is first configured.
# The test suite runs a short smoke run of every target (tests/fuzz/CMakeLists.txt: fuzz_smoke).
# Needs: clang and libclang-rt-dev (scripts/dev.sh test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
build=${CUMULUS_FUZZ_BUILD_DIR:-build-fuzz}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_shared_files fuzz_smithy_json fuzz_smithy_idl fuzz_botocore
                                      fuzz_responses fuzz_endpoint_rules fuzz_sigv4 fuzz_collection)

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=None -DCUMULUS_FUZZ=ON \
    -DCUMULUS_FUZZ_OPTIMIZATION="${CUMULUS_FUZZ_OPTIMIZATION:--O1}" \
    >"$log" 2>&1 || { cat "$log"; exit 1; }
fi
cmake --build "$build" --target "${targets[@]}" >"$log" 2>&1 || { cat "$log"; exit 1; }
python3 scripts/fuzz_seeds.py . "$build/corpus"

failed=()
for target in "${targets[@]}"; do
  mkdir -p "$build/crashes/$target"
  max_len=16384
  case $target in fuzz_smithy_json|fuzz_botocore|fuzz_endpoint_rules) max_len=300000 ;; esac
  # One job, so that the figures are the target's alone; -rss_limit_mb bounds memory per input.
  if "$build/tests/fuzz/$target" "$build/corpus/$target" -max_total_time="$seconds" -timeout=20 \
       -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1 \
       -artifact_prefix="$build/crashes/$target/" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "$target: ${seconds} s, ${runs:-?} inputs, no crash (corpus: $(ls "$build/corpus/$target" | wc -l) inputs)"
  else
    tail -40 "$log"
    echo "$target: FAILED — the input is in $build/crashes/$target/"
    failed+=("$target")
  fi
done
[ ${#failed[@]} -eq 0 ] || { echo "fuzzing found problems in: ${failed[*]}"; exit 1; }
