#!/usr/bin/env bash
# Builds the libFuzzer harnesses (preset `fuzz`, clang 14) and runs each for SECONDS:
#   fuzz/run.sh SECONDS [HARNESS...]      (default: all four; FUZZ_JOBS=2 runs two at once)
# The working corpus is build/fuzz/corpus/HARNESS (seeded from tests/data by make_seeds.mjs and
# kept between runs); crashes go to build/fuzz/artifacts/. Prints "HARNESS: N executions in S s"
# per harness (also appended to build/fuzz/stats.txt) and exits non-zero if any harness found
# something. Reproduce a finding: build/fuzz/fuzz/HARNESS build/fuzz/artifacts/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: fuzz/run.sh SECONDS [HARNESS...]}
shift
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(fuzz_score_json fuzz_profile_json fuzz_ingest fuzz_xlsx)
jobs=${FUZZ_JOBS:-1}

if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -j2 --target "${harnesses[@]}" >/dev/null
fi
node fuzz/make_seeds.mjs build/fuzz/corpus >/dev/null
mkdir -p build/fuzz/artifacts build/fuzz/logs

# halt_on_error: every UBSan report is fatal; ubsan.supp lists open findings owned elsewhere.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/fuzz/ubsan.supp"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0"

run_one() {
  local h=$1 log=build/fuzz/logs/$1.log
  # -malloc_limit_mb: one allocation over 512 MiB is a finding (the documented limits stay far
  # below it); -rss_limit_mb: so is a process over 2 GiB.
  build/fuzz/fuzz/"$h" build/fuzz/corpus/"$h" -dict=fuzz/shopscore.dict -max_total_time="$seconds" \
    -timeout=20 -rss_limit_mb=2048 -malloc_limit_mb=512 -max_len=200000 -print_final_stats=1 \
    -artifact_prefix=build/fuzz/artifacts/"$h"- >"$log" 2>&1 && rc=0 || rc=$?
  local runs time
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  time=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  echo "$h: ${runs:-?} executions in ${time:-$seconds} s, exit $rc" | tee -a build/fuzz/stats.txt
  [ "$rc" -eq 0 ] || { grep -m5 -E 'ERROR|runtime error|deadly|Abort' "$log" || true; return 1; }
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
