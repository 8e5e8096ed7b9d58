#!/usr/bin/env bash
# Benchmark (not a test): `infradigest sync` of a realistic day — 8 repositories,
# 70 commits (one with 350 files), merged and closed PRs, issues, releases —
# from a local fake GitHub that adds LATENCY_MS to every answer (default 100).
# Runs, each on the real binary under /usr/bin/time -v:
#   cold        a fresh store, the default concurrency (github.concurrency = 6)
#   warm        the same store again: every list should be a 304, no commit detail
#   cold c=4, cold c=8   fresh stores, 4 and 8 requests in flight
#   sequential  a fresh store, concurrency 1 (the baseline for the ratios)
# and prints requests, 304s, commit-detail requests, wall time and peak RSS.
#   bench/sync_bench.sh [BUILD_DIR]      (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
latency=${LATENCY_MS:-100}
for bin in infradigest fake_github_server; do
  [ -x "$build/$bin" ] || { echo "sync_bench: $build/$bin missing; build first (ninja -C $build $bin)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "sync_bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

tmp=$(mktemp -d)
coproc SERVER { exec "$build/fake_github_server" --latency-ms "$latency"; }
trap 'exec {SERVER[1]}>&- 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; rm -rf "$tmp"' EXIT
read -r url <&"${SERVER[0]}"
repos="deepseek-ai/DeepGEMM,deepseek-ai/FlashMLA,NVIDIA/cutlass,flashinfer-ai/flashinfer,Dao-AILab/flash-attention,sgl-project/sglang,vllm-project/vllm,NVIDIA/cutile-python"

stat() { curl -s "$url/_stats" | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

printf '%-12s %9s %6s %15s %12s %9s %13s\n' run requests 304s commit-details new-commits wall-s peak-RSS-MiB
run() {  # label store concurrency
  local label=$1 db=$2 conc=$3
  local req0 nm0 det0
  req0=$(stat requests); nm0=$(stat not_modified); det0=$(stat commit_details)
  /usr/bin/time -v -o "$tmp/time.$label" env XDG_CONFIG_HOME="$tmp/config" GITHUB_API_URL="$url" \
    GITHUB_TOKEN=bench-token INFRADIGEST_REPOS="$repos" INFRADIGEST_GITHUB_CONCURRENCY="$conc" \
    "$build/infradigest" --db "$db" --now 2026-02-27T08:00:00Z sync --date 2026-02-26 2>"$tmp/err.$label"
  local wall rss new
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$tmp/time.$label")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$tmp/time.$label")
  new=$(sed -n 's/.*new: \([0-9]*\) commits.*/\1/p' "$tmp/err.$label")
  printf '%-12s %9s %6s %15s %12s %9s %13s\n' "$label" $(( $(stat requests) - req0 )) $(( $(stat not_modified) - nm0 )) \
    $(( $(stat commit_details) - det0 )) "$new" "$wall" "$rss"
  echo "$wall" > "$tmp/wall.$label"
}

run cold "$tmp/a.db" 6
run warm "$tmp/a.db" 6
run "cold c=4" "$tmp/d.db" 4
run "cold c=8" "$tmp/b.db" 8
run sequential "$tmp/c.db" 1
echo
echo "summary line of the cold run:"
sed -n 's/^infradigest: //p' "$tmp/err.cold" | grep synced
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
w = lambda n: float(open(f"{d}/wall.{n}").read())
print("wall time / sequential: " + ", ".join(f"{w(n)/w('sequential'):.2f} ({n})" for n in ("cold", "cold c=4", "cold c=8")))
PY
