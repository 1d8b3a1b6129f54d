#!/usr/bin/env bash
# Takes docs/screenshot-main-window.png: the real app in a real X server (Xvfb), as a person sees it.
# Needs: apt-get install xvfb imagemagick. Usage: scripts/screenshot.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
size=1100x720
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display "$build/src/app/cumulus" -geometry "$size+0+0" --open dynamodb/PutItem >/dev/null 2>&1 &
app=$!
sleep 3
mkdir -p docs
DISPLAY=$display import -window root docs/screenshot-main-window.png
echo "docs/screenshot-main-window.png"
