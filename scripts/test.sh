#!/usr/bin/env bash
# Every test, in order: type check + lint, unit tests, production builds (Chrome, Firefox),
# Chromium end-to-end tests, Chromium with real idle on a virtual display, Firefox lint and
# end-to-end tests. Installs what is missing first.
# Usage: npm test                 (everything)
#        npm test -- unit|e2e|display|firefox   (one part; see README)
set -uo pipefail
cd "$(dirname "$0")/.."
# The Node 24 that `npm ci` installs (package `node`) runs everything below.
export PATH="$PWD/node_modules/.bin:$PATH"
only="${1:-all}"
bash scripts/setup.sh --firefox || exit 1
mkdir -p test-results
rm -f test-results/unit.json test-results/e2e.json test-results/display.json test-results/firefox.json test-results/display.log test-results/display.verdict

failed=()
skipped_note=""
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
if [ "$only" = all ] || [ "$only" = e2e ] || [ "$only" = display ] || [ "$only" = firefox ]; then
  stage "build (chrome)" npm run -s build
  stage "build (firefox)" npm run -s build:firefox
fi
if [ "$only" = all ] || [ "$only" = e2e ]; then
  stage "e2e (Chromium, production build)" npx playwright test
fi
if [ "$only" = all ] || [ "$only" = e2e ] || [ "$only" = display ]; then
  # Real idle: a visible Chromium on a virtual X display, real input from xdotool (headless
  # Chromium never reports idle). Without xvfb-run or xdotool: a failure in CI, a loud skip here.
  if command -v xvfb-run >/dev/null && command -v xdotool >/dev/null; then
    display=(xvfb-run -a -s "-screen 0 1280x800x24" npx playwright test -c playwright.display.config.ts)
    if [ "$only" = all ]; then
      # Alongside the Firefox stage below (both mostly wait out real intervals, one browser each):
      # its output is printed when it ends, its verdict counted like any stage's.
      echo
      echo "── e2e (Chromium, real idle on a virtual display): started beside the Firefox stages, its output follows them"
      ( t0=$SECONDS; if "${display[@]}" >test-results/display.log 2>&1; then echo "ok ($((SECONDS - t0)) s)"; else echo "FAILED ($((SECONDS - t0)) s)"; fi >test-results/display.verdict ) &
      display_pid=$!
    else
      stage "e2e (Chromium, real idle on a virtual display)" "${display[@]}"
    fi
  elif [ "${CI:-}" = true ]; then
    echo
    echo "── e2e (Chromium, real idle): xvfb-run or xdotool is missing; CI must run these tests (bash scripts/setup.sh installs xvfb and xdotool as root)." >&2
    failed+=("real-idle setup (xvfb-run or xdotool missing)")
  else
    echo
    echo "!! ─────────────────────────────────────────────────────────────────────────────" >&2
    echo "!! SKIPPED: e2e (Chromium, real idle on a virtual display): xvfb-run or xdotool is" >&2
    echo "!! missing. Install them (sudo apt-get install xvfb xdotool) to run these tests." >&2
    echo "!! ─────────────────────────────────────────────────────────────────────────────" >&2
    skipped_note="SKIPPED: the real-idle tests (xvfb-run or xdotool missing; sudo apt-get install xvfb xdotool)"
  fi
fi
if [ "$only" = all ] || [ "$only" = firefox ]; then
  # 0 errors, and only the warnings scripts/lint-firefox.ts lists and explains.
  stage "addons-linter (Firefox build)" node scripts/lint-firefox.ts "${LIMBER_OUT:-.output}/firefox-mv3"
  stage "e2e (Firefox, production build)" npx playwright test -c playwright.firefox.config.ts
fi

if [ -n "${display_pid:-}" ]; then
  wait "$display_pid"
  echo
  echo "── e2e (Chromium, real idle on a virtual display) ──────────────────────────────────────────"
  cat test-results/display.log
  verdict="$(cat test-results/display.verdict 2>/dev/null || echo 'FAILED (no verdict)')"
  echo "── e2e (Chromium, real idle on a virtual display): $verdict"
  case "$verdict" in ok*) ;; *) failed+=("e2e (Chromium, real idle on a virtual display)") ;; esac
fi
[ -n "$skipped_note" ] && echo && echo "!! $skipped_note" >&2
node scripts/summary.ts "${failed[@]+"${failed[@]}"}"
[ ${#failed[@]} -eq 0 ]
