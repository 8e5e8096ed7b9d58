#!/usr/bin/env bash
# Installs the Debian 12 packages infradigest builds and tests with.
# Idempotent: packages already installed are skipped, and apt is not touched
# at all when everything is present. Needs root (or sudo) only to install.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libsqlite3-dev libcurl4-openssl-dev nlohmann-json3-dev libtomlplusplus-dev libcli11-dev libfmt-dev
  libhowardhinnant-date-dev tzdata
  libcmark-gfm-dev libcmark-gfm-extensions-dev libssl-dev
  libgtest-dev libgmock-dev libcpp-httplib-dev
  chromium fonts-wqy-microhei libxml2-utils jing   # tests: the web archive in headless Chromium (with a CJK font); feed XML + RFC 4287 schema checks
  python3                                          # tests: scripts/check_layers.py (folders include one way)
  clang libclang-rt-14-dev                         # tests only: the ASan/UBSan, TSan and libFuzzer stages of scripts/test.sh
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
