#!/usr/bin/env bash
# Installs the Debian 12 packages infradigest needs.
#
#   scripts/install-deps.sh           building and running: what the main job
#                                     (scripts/run-example.sh) and an install need
#   scripts/install-deps.sh --tests   also what only the tests need (scripts/test.sh):
#                                     GoogleTest, headless Chromium and fonts, jing, clang, ...
#   scripts/install-deps.sh --list [--tests]   print the package names, install nothing
#
# Idempotent: packages already installed are skipped, and apt is not touched
# at all when everything is present. Needs root (or sudo) only to install.
set -euo pipefail

build_and_run=(
  build-essential cmake ninja-build pkg-config
  libsqlite3-dev libcurl4-openssl-dev nlohmann-json3-dev libtomlplusplus-dev libcli11-dev libfmt-dev
  libhowardhinnant-date-dev tzdata
  libcmark-gfm-dev libcmark-gfm-extensions-dev libssl-dev
  ca-certificates                                  # run/sync: HTTPS to GitHub, LLM endpoints and webhooks
)
tests_only=(
  libgtest-dev libgmock-dev libcpp-httplib-dev     # the unit tests and their fake HTTP servers on 127.0.0.1
  chromium fonts-wqy-microhei libxml2-utils jing   # the web archive in headless Chromium (with a CJK font); feed XML + RFC 4287 schema checks
  python3                                          # scripts/check_layers.py (folders include one way)
  man-db                                           # `man -l` renders docs/infradigest.1
  clang libclang-rt-14-dev                         # the ASan/UBSan, TSan and libFuzzer stages of scripts/test.sh
)

tests=0 list=0
for arg in "$@"; do
  case "$arg" in
    --tests) tests=1 ;;
    --list) list=1 ;;
    *) echo "install-deps: unknown option '$arg' (options: --tests, --list)" >&2; exit 2 ;;
  esac
done
packages=("${build_and_run[@]}")
if [ "$tests" -eq 1 ]; then packages+=("${tests_only[@]}"); fi
if [ "$list" -eq 1 ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

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
