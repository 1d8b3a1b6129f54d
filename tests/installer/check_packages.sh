#!/usr/bin/env bash
# Builds the DEB and TGZ packages from a build tree, checks the DEB's metadata and runs lintian on it,
# unpacks both into throwaway roots and runs what they installed: cumulus-cli --version,
# cumulus-cli models list, cumulus --quit-after-ready (offscreen), each with an empty HOME.
# Usage: check_packages.sh BUILD_DIR VERSION
set -euo pipefail
build=$(cd "$1" && pwd)
version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "-- $*"; }

step "cpack -G DEB;TGZ"
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G "DEB;TGZ" -B "$work/out" >"$work/cpack.log" 2>&1) \
  || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/out/cumulus_"$version"_*.deb 2>/dev/null | head -1)
tgz=$(ls "$work"/out/cumulus-"$version"-*.tar.gz 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb in $(ls "$work/out")"
[ -n "$tgz" ] || fail "no .tar.gz in $(ls "$work/out")"

step "dpkg-deb -I $(basename "$deb")"
info=$(dpkg-deb -I "$deb")
echo "$info" | sed -n '/^ [A-Z][A-Za-z-]*: /p'
field() { echo "$info" | sed -n "s/^ $1: //p"; }
[ "$(field Package)" = cumulus ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', the project's is $version"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture is '$(field Architecture)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Homepage)" ] || fail "no Homepage"
for library in libqt6core6 libqt6network6 libqt6widgets6 libqt6gui6 libqt6keychain1 libssl3 libsimdjson libc6 libstdc++6; do
  field Depends | grep -q "$library" || fail "Depends lacks $library: $(field Depends)"
done

step "lintian"
# Errors fail the test; warnings and notes are printed for whoever reads the log.
lintian --fail-on error --allow-root --tag-display-limit 0 "$deb" || fail "lintian reports errors"

run_installed() { # ROOT BINDIR
  local root=$1 bin=$2 home
  home=$(mktemp -d -p "$work")
  step "$bin/cumulus-cli --version"
  out=$(HOME=$home "$bin/cumulus-cli" --version)
  echo "$out"
  [ "$out" = "cumulus-cli $version" ] || fail "cumulus-cli --version printed '$out'"
  step "$bin/cumulus-cli models list"
  out=$(HOME=$home "$bin/cumulus-cli" models list)
  echo "$out" | head -3
  for service in dynamodb s3 sts iam; do
    echo "$out" | grep -q "^$service " || fail "models list lacks $service"
  done
  step "$bin/cumulus --quit-after-ready"
  out=$(HOME=$home QT_QPA_PLATFORM=offscreen "$bin/cumulus" --quit-after-ready)
  echo "$out"
  [[ "$out" == "ready in "* ]] || fail "cumulus --quit-after-ready printed '$out'"
  out=$(HOME=$home QT_QPA_PLATFORM=offscreen "$bin/cumulus" --version)
  [ "$out" = "Cumulus $version" ] || fail "cumulus --version printed '$out'"
}

step "dpkg-deb -x"
dpkg-deb -x "$deb" "$work/deb"
for f in usr/bin/cumulus usr/bin/cumulus-cli usr/share/applications/io.github.cumulus.Cumulus.desktop \
         usr/share/metainfo/io.github.cumulus.Cumulus.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.cumulus.Cumulus.svg \
         usr/share/icons/hicolor/256x256/apps/io.github.cumulus.Cumulus.png \
         usr/share/doc/cumulus/copyright usr/share/doc/cumulus/changelog.gz; do
  [ -e "$work/deb/$f" ] || fail "the package lacks /$f"
done
if command -v appstreamcli >/dev/null; then
  step "appstreamcli validate"
  appstreamcli validate --no-net --pedantic "$work/deb/usr/share/metainfo/io.github.cumulus.Cumulus.metainfo.xml" \
    || fail "the AppStream metainfo does not validate"
fi
run_installed "$work/deb" "$work/deb/usr/bin"

step "tar -xzf $(basename "$tgz")"
mkdir "$work/tgz"
tar -xzf "$tgz" -C "$work/tgz"
top=$(ls "$work/tgz")
run_installed "$work/tgz/$top" "$work/tgz/$top/bin"
echo "packages: $(basename "$deb"), $(basename "$tgz"): all checks pass"
