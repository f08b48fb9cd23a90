#!/usr/bin/env bash
# Every test, in order: type check + lint, unit tests, production builds (Chrome, Firefox),
# Chromium end-to-end tests, Firefox lint. Installs what is missing first.
# Usage: npm test                 (everything)
#        npm test -- unit|e2e|firefox   (one part; see README)
set -uo pipefail
cd "$(dirname "$0")/.."
# The Node 24 that `npm ci` installs (package `node`) runs everything below.
export PATH="$PWD/node_modules/.bin:$PATH"
only="${1:-all}"
bash scripts/setup.sh --firefox || exit 1
mkdir -p test-results
rm -f test-results/unit.json test-results/e2e.json test-results/firefox.json

failed=()
stage() {
  local name="$1"; shift
  echo
  echo "── $name ──────────────────────────────────────────"
  local t0=$SECONDS
  if "$@"; then echo "── $name: ok ($((SECONDS - t0)) s)"; else echo "── $name: FAILED ($((SECONDS - t0)) s)"; failed+=("$name"); fi
}

if [ "$only" = all ] || [ "$only" = unit ]; then
  stage "check (tsc + eslint)" npm run -s check
  stage "unit tests (vitest)" npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
fi
if [ "$only" = all ] || [ "$only" = e2e ] || [ "$only" = firefox ]; then
  stage "build (chrome)" npm run -s build
  stage "build (firefox)" npm run -s build:firefox
fi
if [ "$only" = all ] || [ "$only" = e2e ]; then
  stage "e2e (Chromium, production build)" npx playwright test
fi
if [ "$only" = all ] || [ "$only" = firefox ]; then
  # 0 errors, and only the warnings scripts/lint-firefox.ts lists and explains.
  stage "addons-linter (Firefox build)" node scripts/lint-firefox.ts "${LIMBER_OUT:-.output}/firefox-mv3"
  stage "e2e (Firefox, production build)" npx playwright test -c playwright.firefox.config.ts
fi

node scripts/summary.ts "${failed[@]+"${failed[@]}"}"
[ ${#failed[@]} -eq 0 ]
