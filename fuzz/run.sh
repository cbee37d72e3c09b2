#!/usr/bin/env bash
# Builds the libFuzzer harnesses (preset `fuzz` = the native-asan build, clang 14, ASan + UBSan)
# and runs each for SECONDS:
#   fuzz/run.sh SECONDS [HARNESS...]    (default: all four; FUZZ_JOBS=2 runs two at a time)
# Working corpus: $OUT/corpus/HARNESS (seeded from tests/data by make_seeds.mjs, kept between
# runs); findings: $OUT/artifacts/; logs: $OUT/logs/; OUT is build/native-asan/fuzz-out. Prints
# "HARNESS: N executions in S s" per harness (also appended to $OUT/stats.txt) and exits 1 if
# any harness found something. Reproduce one: build/native-asan/fuzz/HARNESS $OUT/artifacts/FILE
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: fuzz/run.sh SECONDS [HARNESS...]}
shift
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(fuzz_score_json fuzz_profile_json fuzz_ingest fuzz_xlsx)
jobs=${FUZZ_JOBS:-1}
bin=build/native-asan/fuzz
out=build/native-asan/fuzz-out

if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -j "$(nproc)" --target "${harnesses[@]}" >/dev/null
fi
node fuzz/make_seeds.mjs "$out/corpus" >/dev/null
mkdir -p "$out/artifacts" "$out/logs"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0"
export UBSAN_OPTIONS="print_stacktrace=1"

run_one() {
  local h=$1 log=$out/logs/$1.log rc=0
  # -malloc_limit_mb: one allocation over 512 MiB is a finding (the documented limits stay far
  # below it); -rss_limit_mb: so is a process over 2 GiB.
  "$bin/$h" "$out/corpus/$h" -dict=fuzz/shopscore.dict -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=2048 -malloc_limit_mb=512 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/$h-" >"$log" 2>&1 || rc=$?
  local runs
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "$h: ${runs:-?} executions in $seconds s, exit $rc" | tee -a "$out/stats.txt"
  if [ "$rc" -ne 0 ]; then
    grep -m8 -E 'ERROR|runtime error|whole:|chunked:|Test unit written' "$log" || true
    return 1
  fi
}

failed=0
pids=()
for h in "${harnesses[@]}"; do
  run_one "$h" &
  pids+=($!)
  if [ ${#pids[@]} -ge "$jobs" ]; then
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || failed=1; done
exit $failed
