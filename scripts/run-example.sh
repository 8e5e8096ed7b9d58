#!/usr/bin/env bash
# The main job, offline: installs what it needs, builds, imports the bundled
# 2026-02-26 snapshot into a fresh store and writes the AI Infra report for
# that day to stdout, reports/2026-02-26.md and reports/README.md.
# No network access and no GitHub token are used.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh >&2
./scripts/build.sh >&2
db=build/example.db
rm -f "$db" "$db-wal" "$db-shm"
./build/infradigest --db "$db" import examples/2026-02-26
./build/infradigest --db "$db" --now 2026-02-27T08:00:00Z report --date 2026-02-26 --archive
