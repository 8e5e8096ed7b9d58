#!/usr/bin/env bash
# Scale benchmark (not a test): N repositories of realistic activity (the 8 of
# tests/fake_github_dataset.h, then renamed copies) on the fake GitHub with
# LATENCY_MS per answer (default 20), for each N in SIZES (default
# "10 100 1000"). Per N, on the real binary under /usr/bin/time:
#   sync     a cold store: `sync --date 2026-02-26`
#   report   `report --date 2026-02-26` (Markdown, then JSON)
#   site     `site -o DIR` (the web archive, from scratch)
#   warm     the next day, nothing new: `sync --date 2026-02-27` — every list a 304
# and prints requests (API requests the fake answered; the free GET /rate_limit
# aside), 304s, new connections (the client's count), wall and CPU seconds,
# peak RSS; then the ratios between sizes.
# --tls: the fake serves HTTPS with a self-signed certificate made at start,
# which the client trusts through INFRADIGEST_GITHUB_CA_FILE; only the two
# syncs run (report and site use no network), and the table adds the TLS
# handshakes the server completed, full and resumed (a resumed one skips the
# key exchange and certificate check: the client's pooled handles share TLS
# sessions). Every new connection is one TLS handshake.
#   nice bench/scale_bench.sh [--tls] [BUILD_DIR]        (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
tls=0
if [ "${1:-}" = "--tls" ]; then tls=1; shift; fi
build=${1:-build}
latency=${LATENCY_MS:-20}
sizes=${SIZES:-10 100 1000}
for bin in infradigest fake_github_server; do
  [ -x "$build/$bin" ] || { echo "scale_bench: $build/$bin missing; build first (ninja -C $build $bin)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "scale_bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
results="$tmp/results.tsv"
: > "$results"

fake_stats() {  # url -> "requests not_modified tls_full tls_resumed"
  curl -s "${curl_tls[@]}" "$1/_stats" | python3 -c "import json,sys; j=json.load(sys.stdin); \
print(j['requests'], j['not_modified'], j['tls_full_handshakes'], j['tls_resumed_handshakes'])"
}

measure() {  # n step url db -- args...
  local n=$1 step=$2 url=$3; shift 3
  local req0 nm0 full0 resumed0
  read -r req0 nm0 full0 resumed0 < <(fake_stats "$url")
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" env "${envs[@]}" "$build/infradigest" "$@" >"$tmp/out" 2>"$tmp/err" || {
    echo "scale_bench: N=$n $step failed:" >&2; tail -5 "$tmp/err" >&2; exit 1; }
  local req1 nm1 full1 resumed1 conns full=- resumed=-
  read -r req1 nm1 full1 resumed1 < <(fake_stats "$url")
  conns=$(sed -n 's/.* on \([0-9]*\) new connections\{0,1\}[ ,].*/\1/p' "$tmp/err" | tail -1)
  # Less the full handshake of the curl that read the second count (counted before it answers).
  if [ "$tls" = 1 ]; then full=$((full1 - full0 - 1)); resumed=$((resumed1 - resumed0)); fi
  read -r wall user sys rss < <(tail -1 "$tmp/time")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$step" $((req1 - req0)) $((nm1 - nm0)) "${conns:--}" \
    "$full" "$resumed" "$wall" \
    "$(python3 -c "print(f'{$user + $sys:.2f}')")" "$(python3 -c "print(f'{$rss / 1024:.1f}')")" >> "$results"
}

# The local steps (report, site) take the least CPU of REPORT_RUNS runs
# (default 5), each on a fresh copy of the store: one run on a shared machine
# varies by a quarter, which would make the ratios between sizes noise.
report_runs=${REPORT_RUNS:-5}
measure_least() {  # n step url db -- args... (without --db)
  local n=$1 step=$2 url=$3 db=$4; shift 4
  local all=$results
  results="$tmp/runs"; : > "$results"
  for _ in $(seq "$report_runs"); do
    rm -f "$db.run"*; cp "$db" "$db.run"; [ -e "$db-wal" ] && cp "$db-wal" "$db.run-wal"
    measure "$n" "$step" "$url" --db "$db.run" "$@"
  done
  sort -t$'\t' -k9,9g "$results" | head -1 >> "$all"
  results=$all
  # The next step reads what this one stored.
  rm -f "$db" "$db-wal" "$db-shm" "$db.run-shm"; mv "$db.run" "$db"
  if [ -e "$db.run-wal" ]; then mv "$db.run-wal" "$db-wal"; fi
}

server_tls=() curl_tls=() env_tls=()
if [ "$tls" = 1 ]; then
  server_tls=(--tls "$tmp/ca.pem") curl_tls=(--cacert "$tmp/ca.pem") env_tls=(INFRADIGEST_GITHUB_CA_FILE="$tmp/ca.pem")
fi

for n in $sizes; do
  coproc SERVER { exec "$build/fake_github_server" --latency-ms "$latency" --repos "$n" --rate-remaining 100000000 \
                     "${server_tls[@]}"; }
  read -r url <&"${SERVER[0]}"
  repos=$(curl -s "${curl_tls[@]}" "$url/_repos")
  envs=("${env_tls[@]}" XDG_CONFIG_HOME="$tmp/config" GITHUB_API_URL="$url" GITHUB_TOKEN=bench-token INFRADIGEST_REPOS="$repos"
        INFRADIGEST_TIMEZONE=UTC INFRADIGEST_ARCHIVE_DIR="$tmp/reports-$n")
  db="$tmp/store-$n.db"
  measure "$n" sync "$url" --db "$db" --now 2026-02-27T08:00:00Z sync --date 2026-02-26
  if [ "$tls" = 0 ]; then
    measure_least "$n" report-md "$url" "$db" --now 2026-02-27T08:00:00Z report --date 2026-02-26 -o "$tmp/r.md"
    measure_least "$n" report-json "$url" "$db" --now 2026-02-27T08:00:00Z report --date 2026-02-26 --format json -o "$tmp/r.json"
    measure_least "$n" site "$url" "$db" --now 2026-02-27T08:00:00Z site -o "$tmp/site-$n"
  fi
  measure "$n" warm-sync "$url" --db "$db" --now 2026-02-28T08:00:00Z sync --date 2026-02-27
  exec {SERVER[1]}>&-
  wait "$SERVER_PID" 2>/dev/null || true
done

echo "latency ${latency} ms per answer; $([ "$tls" = 1 ] && echo HTTPS || echo plain HTTP); nproc $(nproc); $(date -u +%FT%TZ)"
python3 - "$results" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
print(f"{'N':>5} {'step':<12} {'requests':>9} {'304s':>6} {'new-conns':>9} {'tls-full':>8} {'tls-resumed':>11} "
      f"{'wall-s':>8} {'cpu-s':>8} {'peak-RSS-MiB':>12}")
for n, step, req, nm, conns, full, resumed, wall, cpu, rss in rows:
    print(f"{n:>5} {step:<12} {req:>9} {nm:>6} {conns:>9} {full:>8} {resumed:>11} {wall:>8} {cpu:>8} {rss:>12}")
by = {(r[0], r[1]): r for r in rows}
sizes = sorted({int(r[0]) for r in rows})
print()
print("ratios between sizes (CPU s, wall s, peak RSS):")
for a, b in zip(sizes, sizes[1:]):
    for step in ("sync", "report-md", "report-json", "site", "warm-sync"):
        x, y = by.get((str(a), step)), by.get((str(b), step))
        if not x or not y: continue
        r = lambda i: float(y[i]) / max(float(x[i]), 0.01)
        print(f"  {step:<12} N={b}/N={a}: cpu x{r(8):.1f}, wall x{r(7):.1f}, rss x{r(9):.2f}")
PY
