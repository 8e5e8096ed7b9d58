#!/usr/bin/env bash
# Configures and builds infradigest into build/ (Release-ish, warnings on).
# CI=true turns warnings into errors (INFRADIGEST_WERROR=ON). Without CI the
# setting already in build/ is left alone, so running the example never turns
# off -Werror in a developer's build.
set -euo pipefail
cd "$(dirname "$0")/.."
werror=()
if [ "${CI:-}" = "true" ]; then werror=(-DINFRADIGEST_WERROR=ON); fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${werror[@]}" >/dev/null
cmake --build build --parallel "$(nproc)"
