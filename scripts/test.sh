#!/usr/bin/env bash
# `npm test`: every test — types, unit, integration against real SQLite and
# PostgreSQL (and Redis for several processes), end-to-end in Chromium.
# Runs every stage even when one fails, then prints one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
OUT=$(mktemp -d)
status=0
# Each stage's wall time goes to $OUT/phases.tsv; test-summary.mjs prints them at the end,
# so the next change sees what it costs (budget: 15 minutes on the 2-core machine).
PHASE=""
PHASE_START=$(date +%s)
end_phase() { [ -n "$PHASE" ] && printf '%s\t%s\n' "$PHASE" "$(($(date +%s) - PHASE_START))" >>"$OUT/phases.tsv"; }
# A stage that fails is named at the end, beside the counts (a lint or type error has no test count).
fail() {
  status=1
  grep -qxF "$PHASE" "$OUT/failed.txt" 2>/dev/null || echo "$PHASE" >>"$OUT/failed.txt"
}
stage() {
  end_phase
  PHASE="$1"
  PHASE_START=$(date +%s)
  echo
  echo "=== $1"
}

stage "machine (PostgreSQL, Redis, Chromium, CJK fonts: started or installed when missing)"
bash scripts/setup.sh || exit 1

# The static checks need one core for ~45 s and nothing from the stages after them, while the integration
# tests leave about a quarter of the machine idle (they wait on servers and sockets): they run beside the
# tests at low priority, their output printed when they end and their time listed apart from the total.
STATIC="types (tsc --noEmit), lint and format (Biome), import circles (dependency-cruiser), dead code (knip), file paths named in docs"
echo
echo "=== $STATIC: started in the background"
(
  start=$(date +%s)
  check() {
    local name="$1"
    shift
    echo "--- $name"
    nice -n 10 "$@" || echo "$name" >>"$OUT/failed.txt"
  }
  {
    check "types (tsc --noEmit)" npx tsc --noEmit
    check "lint and format (Biome)" npx biome check .
    check "import circles (dependency-cruiser)" node scripts/check-cycles.mjs
    check "dead code (knip)" npx knip
    check "file paths named in docs" node scripts/check-paths.mjs
  } >"$OUT/static.log" 2>&1
  printf '%s\t%s\tbackground\n' "$STATIC" "$(($(date +%s) - start))" >"$OUT/static.tsv"
) &
STATIC_PID=$!

stage "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$OUT/unit.json" || fail

stage "production build"
npx tsx scripts/build-if-needed.ts || { echo "build failed"; exit 1; }

stage "integration tests (SQLite and PostgreSQL)"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$OUT/integration.json" || fail

stage "end-to-end tests (Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/e2e.json" npx playwright test --reporter=list,json || fail

end_phase
echo
echo "=== $STATIC: their output"
wait "$STATIC_PID"
cat "$OUT/static.log"
cat "$OUT/static.tsv" >>"$OUT/phases.tsv" 2>/dev/null
node scripts/test-summary.mjs "$OUT" || fail
rm -rf "$OUT"
exit $status
