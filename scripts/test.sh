#!/usr/bin/env bash
# The README's test command, and CI's (.ci/run): installs what the tests need
# (scripts/install-deps.sh --tests: the program's packages and the test-only ones),
# then runs the test stages in order; the first stage that fails stops the run.
#
#   unit   the normal build (build/: GCC, Release, -Werror under CI=true), whole suite
#   asan   clang ASan+UBSan build (build-asan/: -O1, assertions on), whole suite
#          plus every checked-in fuzz input once
#   tsan   clang TSan build (build-tsan/), the tests whose code runs on several threads
#   fuzz   each libFuzzer target (built in build-asan/) for INFRADIGEST_FUZZ_SECONDS
#          seconds (default 45) from its corpus in fuzz/corpus/; a crash fails
#
# Usage: scripts/test.sh [STAGE...]    no stage: all four, in the order above.
# INFRADIGEST_TEST_STAGES="asan fuzz" selects stages the same way.
# Each stage prints how long its build and its run took.
set -euo pipefail
cd "$(dirname "$0")/.."

all_stages=(unit asan tsan fuzz)
stages=("$@")
if [ ${#stages[@]} -eq 0 ] && [ -n "${INFRADIGEST_TEST_STAGES:-}" ]; then read -r -a stages <<<"$INFRADIGEST_TEST_STAGES"; fi
if [ ${#stages[@]} -eq 0 ]; then stages=("${all_stages[@]}"); fi
for s in "${stages[@]}"; do
  case "$s" in unit | asan | tsan | fuzz) ;; *) echo "test.sh: unknown stage '$s' (stages: ${all_stages[*]})" >&2; exit 2 ;; esac
done

jobs=$(nproc)
fuzz_seconds=${INFRADIGEST_FUZZ_SECONDS:-45}
fuzz_targets=(snapshot_reader config_reader link_header llm_answer chat_markup)
# gtest suites whose code runs on more than one thread: the fake servers, the
# HTTP clients, parallel_for, and the sync/run/publish paths of the binary.
tsan_tests='(^|/)(GithubClient|HttpClient|LlmCli|LlmClient|LlmWriter|LlmWriterHallucination|ParallelFor|PeriodOnSyncedData|Publish|PublishCommand|RunBackfill|SyncCli|SyncExactlyOnce|SyncRepo)\.'

# Every finding fails its test: ASan/UBSan/TSan stop the process with a
# non-zero status (also in the binary the tests run), and print a stack.
export ASAN_OPTIONS="abort_on_error=0:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/tsan.supp"  # third-party only

timed() {  # timed LABEL COMMAND...: runs it, then prints how long it took
  local label=$1 start=$SECONDS
  shift
  "$@"
  echo "test.sh: $label took $((SECONDS - start)) s"
}

configure_checking_build() {  # DIR CMAKE-OPTIONS...: a clang build with assertions on
  local dir=$1
  shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
}

build_asan() {  # the targets of one build-asan stage: the tests and/or the fuzz targets
  configure_checking_build build-asan -DINFRADIGEST_SANITIZE=address,undefined -DINFRADIGEST_FUZZ=ON
  cmake --build build-asan --parallel "$jobs" --target "$@"
}

stage_unit() {
  timed "unit: build" ./scripts/build.sh
  timed "unit: tests" ctest --test-dir build --no-tests=error --output-on-failure --parallel "$jobs" --timeout 300
}

stage_asan() {
  local fuzzers=()
  for t in "${fuzz_targets[@]}"; do fuzzers+=("fuzz_$t"); done
  timed "asan: build" build_asan infradigest infradigest_tests "${fuzzers[@]}"
  timed "asan: tests" ctest --test-dir build-asan --no-tests=error --output-on-failure --parallel "$jobs" --timeout 600
}

stage_tsan() {
  configure_checking_build build-tsan -DINFRADIGEST_SANITIZE=thread
  timed "tsan: build" cmake --build build-tsan --parallel "$jobs" --target infradigest infradigest_tests
  timed "tsan: tests" ctest --test-dir build-tsan --no-tests=error --output-on-failure --parallel "$jobs" --timeout 600 -R "$tsan_tests"
}

# One target: its checked-in corpus plus what this run finds (in build-asan/,
# never in the source tree); a crash leaves its input in build-asan/fuzz/ and
# libFuzzer prints it (base64 for small inputs) for a regression seed.
fuzz_one() {
  local t=$1 work=build-asan/fuzz/$1
  mkdir -p "$work/corpus"
  ./build-asan/fuzz/fuzz_$t -max_total_time="$fuzz_seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$work/" "$work/corpus" "fuzz/corpus/$t" >"$work/log" 2>&1
}

stage_fuzz() {
  local fuzzers=() failed=0
  for t in "${fuzz_targets[@]}"; do fuzzers+=("fuzz_$t"); done
  timed "fuzz: build" build_asan "${fuzzers[@]}"
  local start=$SECONDS
  # One target per core at a time.
  local running=()
  for t in "${fuzz_targets[@]}"; do
    fuzz_one "$t" &
    running+=("$!:$t")
    if [ ${#running[@]} -ge "$jobs" ]; then
      wait "${running[0]%%:*}" || { failed=1; echo "test.sh: fuzz target ${running[0]#*:} crashed" >&2; }
      running=("${running[@]:1}")
    fi
  done
  for r in "${running[@]}"; do
    wait "${r%%:*}" || { failed=1; echo "test.sh: fuzz target ${r#*:} crashed" >&2; }
  done
  for t in "${fuzz_targets[@]}"; do
    local log=build-asan/fuzz/$t/log
    echo "test.sh: fuzz $t: $(grep -m1 -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?') runs," \
      "$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)"
  done
  echo "test.sh: fuzz: ${#fuzz_targets[@]} targets x ${fuzz_seconds} s took $((SECONDS - start)) s"
  if [ "$failed" -ne 0 ]; then
    for t in "${fuzz_targets[@]}"; do
      if grep -q "ERROR: libFuzzer\|SUMMARY: \|fuzz property broken" "build-asan/fuzz/$t/log"; then
        echo "---- fuzz_$t ----" >&2
        tail -n 60 "build-asan/fuzz/$t/log" >&2
      fi
    done
    return 1
  fi
}

./scripts/install-deps.sh --tests
for s in "${stages[@]}"; do
  echo "test.sh: stage $s"
  "stage_$s"
done
echo "test.sh: stages passed: ${stages[*]}"
