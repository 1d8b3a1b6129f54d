#!/usr/bin/env bash
# One entry point for a fresh Debian/Ubuntu machine (see README.md):
#   scripts/dev.sh app    install what is missing, build, start Cumulus
#   scripts/dev.sh test   install what is missing, build, run every test (CTest)
# Idempotent and quiet when there is nothing to do. Works as root (CI) and as a user (sudo for apt).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
case "$mode" in
  app|test) shift ;;
  *) echo "usage: scripts/dev.sh app|test [arguments for the app]" >&2; exit 2 ;;
esac

BUILD_DIR=${CUMULUS_BUILD_DIR:-build}
APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev libssl-dev libtomlplusplus-dev qtkeychain-qt6-dev libsimdjson-dev zlib1g-dev
  libbenchmark-dev python3 python3-botocore
  libsecret-1-0 # QtKeychain's way to the Secret Service (GNOME Keyring, KWallet) on Linux
)
if [ "$mode" = test ]; then
  command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)
  APT_PACKAGES+=(dbus gnome-keyring) # a throwaway keyring for the keychain tests
  APT_PACKAGES+=(dpkg-dev file lintian appstream) # the package test: dpkg-shlibdeps, lintian, appstreamcli
  APT_PACKAGES+=(clang libclang-rt-dev) # the fuzz targets (libFuzzer, ASan, UBSan)
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$mode" = test ]; then
  # Local AWS-compatible servers from npm, pinned by tests/peers/package-lock.json.
  if [ ! -f tests/peers/node_modules/.package-lock.json ] \
     || [ tests/peers/package-lock.json -nt tests/peers/node_modules/.package-lock.json ]; then
    echo "Installing the npm test peers (s3rver, dynalite, kinesalite)"
    (cd tests/peers && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  # moto (a real STS/IAM with signature checks) and the AWS CLI, only where they are absent.
  if ! command -v moto_server >/dev/null 2>&1; then
    echo "Installing moto, boto3 and the AWS CLI with pip"
    python3 -m pip install --user --quiet 'moto[server]' boto3 awscli 2>/dev/null \
      || echo "warning: pip could not install moto; the tests that need it will say so and skip"
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$log" 2>&1 \
    || { cat "$log"; exit 1; }
fi
cmake --build "$BUILD_DIR" >"$log" 2>&1 || { cat "$log"; exit 1; }

if [ "$mode" = app ]; then
  exec "$BUILD_DIR/src/app/cumulus" "$@"
fi
cd "$BUILD_DIR"
exec ctest --output-on-failure --timeout 1200 -j "$(nproc)"
