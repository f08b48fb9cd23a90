#!/usr/bin/env bash
# One command: install what is missing, build the production extension, and start Chromium
# with Limber loaded (a throwaway profile in .chromium-profile/). Pass --firefox for Firefox.
set -euo pipefail
cd "$(dirname "$0")/.."
# The Node 24 that `npm ci` installs (package `node`) runs everything below.
export PATH="$PWD/node_modules/.bin:$PATH"
if [ "${1:-}" = "--firefox" ]; then
  bash scripts/setup.sh --firefox
  npm run -s build:firefox
  exec npx web-ext run --source-dir .output/firefox-mv3 --firefox /usr/bin/firefox-esr --target firefox-desktop
fi
bash scripts/setup.sh
npm run -s build
mkdir -p .chromium-profile
echo "Starting Chromium with Limber loaded. Open the puzzle-piece menu to pin Limber."
extra=()
[ "$(id -u)" = 0 ] && extra+=(--no-sandbox) # Chromium refuses to run as root with its sandbox
exec "${CHROMIUM_PATH:-/usr/bin/chromium}" "${extra[@]}" \
  --user-data-dir="$PWD/.chromium-profile" \
  --disable-extensions-except="$PWD/.output/chrome-mv3" \
  --load-extension="$PWD/.output/chrome-mv3" \
  --no-first-run --disable-background-networking --disable-component-update --disable-sync \
  "chrome://extensions" "$@"
