#!/usr/bin/env bash
# Configures and builds infradigest into build/ (Release-ish, warnings on;
# -Werror when CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."
werror=OFF
if [ "${CI:-}" = "true" ]; then werror=ON; fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINFRADIGEST_WERROR="$werror" >/dev/null
cmake --build build --parallel "$(nproc)"
