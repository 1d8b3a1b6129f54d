#!/usr/bin/env bash
# Takes the README's screenshots from the real app in a real X server (Xvfb), as a person sees it:
# docs/screenshot-main-window.png (an operation's form) and docs/screenshots/workbench.png (the
# Smithy model workbench with the seed's example and its problems).
# Needs: apt-get install xvfb imagemagick. Usage: scripts/screenshot.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
size=1100x720
shot() { # output, app arguments...
  local out=$1; shift
  local display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  DISPLAY=$display "$build/src/app/cumulus" -geometry "$size+0+0" "$@" >/dev/null 2>&1 &
  local app=$!
  sleep 3
  DISPLAY=$display import -window root "$out"
  kill $app $xvfb 2>/dev/null || true
  wait $app $xvfb 2>/dev/null || true
  echo "$out"
}
mkdir -p docs/screenshots
export HOME=$(mktemp -d) # no settings or profiles of the person taking them
shot docs/screenshot-main-window.png --open dynamodb/PutItem
shot docs/screenshots/workbench.png --workbench docs/screenshots/simple.smithy
