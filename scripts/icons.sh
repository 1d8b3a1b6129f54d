#!/usr/bin/env bash
# Renders the app icon's PNG sizes and the Windows .ico from resources/icons/cumulus.svg.
# The results are committed (the build does not need these tools); run this after editing the SVG.
# Needs: apt-get install librsvg2-bin imagemagick
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" cumulus.svg -o "cumulus-$size.png"
done
convert cumulus-16.png cumulus-24.png cumulus-32.png cumulus-48.png cumulus-64.png cumulus-256.png cumulus.ico
echo "resources/icons: cumulus-{16..512}.png, cumulus.ico"
