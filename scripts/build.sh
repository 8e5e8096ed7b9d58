#!/usr/bin/env bash
# Configures and builds infradigest into build/ (Release, warnings on;
# INFRADIGEST_BUILD_TYPE=RelWithDebInfo for a build gdb and valgrind can read).
# CI=true turns warnings into errors (INFRADIGEST_WERROR=ON). Without CI the
# setting already in build/ is left alone, so running the example never turns
# off -Werror in a developer's build.
set -euo pipefail
cd "$(dirname "$0")/.."
werror=()
if [ "${CI:-}" = "true" ]; then werror=(-DINFRADIGEST_WERROR=ON); fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${INFRADIGEST_BUILD_TYPE:-Release}" "${werror[@]}" >/dev/null
cmake --build build --parallel "$(nproc)"
