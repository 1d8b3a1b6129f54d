#!/usr/bin/env bash
# Takes the README's screenshots from the real app in a real X server (Xvfb), as a person sees it:
# docs/screenshots/{form,json,search,response,attempts,signing,options}.png (take_screenshots
# drives the window against dynalite and a scripted server) and docs/screenshots/workbench.png
# (the Smithy model workbench with the seed's example and its problems).
# Needs: apt-get install xvfb imagemagick, and a build with tests (the driver uses their support).
# Usage: scripts/screenshot.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
size=1100x720
start_x() {
  display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
}
mkdir -p docs/screenshots
export HOME=$(mktemp -d) # no settings or profiles of the person taking them

start_x
DISPLAY=$display QT_QPA_PLATFORM=xcb "$build/tests/gui/take_screenshots" docs/screenshots
kill $xvfb; wait $xvfb 2>/dev/null || true

size=1400x760 # the workbench dock beside the explorer needs the width
start_x
DISPLAY=$display "$build/src/app/cumulus" -geometry "$size+0+0" --workbench docs/screenshots/simple.smithy >/dev/null 2>&1 &
app=$!
sleep 3
DISPLAY=$display import -window root docs/screenshots/workbench.png
echo docs/screenshots/workbench.png
kill $app $xvfb 2>/dev/null || true
wait $app $xvfb 2>/dev/null || true
