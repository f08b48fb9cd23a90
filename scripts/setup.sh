#!/usr/bin/env bash
# Installs what Limber's build and tests need, only what is missing:
#  - npm packages (npm ci when node_modules is missing or older than the lock file); Node 24
#    comes from the npm package `node` and runs every npm script through node_modules/.bin;
#  - Debian's chromium (and firefox-esr with --firefox) for the browser tests, and a Japanese
#    font (fonts-ipafont-gothic) for the Japanese line-breaking test;
#  - Debian's xvfb and xdotool for the real-idle tests (a virtual display and real input;
#    without root they are only asked for: scripts/test.sh then skips those tests, or fails in CI).
# Safe to run again: it does nothing when everything is in place.
set -euo pipefail
cd "$(dirname "$0")/.."

want_firefox=0
for a in "$@"; do [ "$a" = "--firefox" ] && want_firefox=1; done

if ! command -v npm >/dev/null; then
  echo "setup: npm is missing: install Node.js (any version >= 18) and npm first." >&2
  exit 1
fi

if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund
fi

apt_packages=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || apt_packages+=(chromium)
if [ "$want_firefox" = 1 ] && [ ! -x /usr/bin/firefox-esr ]; then apt_packages+=(firefox-esr); fi
# French for Firefox: the Firefox language test (tests/e2e-firefox/i18n.spec.ts) runs the add-on in
# French, and Firefox switches only to a language it has a language pack for.
if [ "$want_firefox" = 1 ] && [ ! -e /usr/lib/firefox-esr/browser/extensions/langpack-fr@firefox-esr.mozilla.org.xpi ]; then apt_packages+=(firefox-esr-l10n-fr); fi
# A Japanese font: the Japanese line-breaking test (tests/e2e/i18n-locales.spec.ts) measures where
# lines break, which needs real glyph widths (without one, every glyph is an empty box of one width).
[ -e /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || apt_packages+=(fonts-ipafont-gothic)
# The real-idle tests (tests/e2e-display): a virtual X display and real input on it.
display_packages=()
command -v xvfb-run >/dev/null || display_packages+=(xvfb)
command -v xdotool >/dev/null || display_packages+=(xdotool)
can_apt=0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then can_apt=1; fi
if [ ${#display_packages[@]} -gt 0 ]; then
  if [ "$can_apt" = 1 ]; then
    apt_packages+=("${display_packages[@]}")
  else
    echo "setup: the real-idle tests need ${display_packages[*]} (e.g. sudo apt-get install ${display_packages[*]}); without them npm test skips those tests." >&2
  fi
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  if [ "$can_apt" = 1 ]; then
    echo "setup: installing ${apt_packages[*]} from Debian…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
  else
    echo "setup: please install ${apt_packages[*]} (e.g. sudo apt-get install ${apt_packages[*]})." >&2
    exit 1
  fi
fi
