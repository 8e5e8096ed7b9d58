#!/usr/bin/env bash
# Installs what the tests need, builds, and runs the whole suite with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)" --timeout 300
