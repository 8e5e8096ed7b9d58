#!/usr/bin/env bash
# The LLM writer benchmark (not a test): builds, then runs build/llm_bench —
# the 2026-02-26 snapshot against a local fake OpenAI-compatible endpoint with
# 2 s of latency per call. Prints LLM calls, tokens, wall time with the
# configured concurrency and with none, and a warm re-run (cache: 0 calls).
#   bench/llm_bench.sh [--latency-ms N] [--concurrency N] [--keep DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/build.ninja ] || cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target infradigest llm_bench >/dev/null
exec ./build/llm_bench "$@"
