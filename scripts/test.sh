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

stage "types (tsc --noEmit)"
npx tsc --noEmit || fail

stage "lint and format (Biome), import circles (dependency-cruiser), dead code (knip), file paths named in docs"
npx biome check . || fail
node scripts/check-cycles.mjs || fail
npx knip || fail
node scripts/check-paths.mjs || fail

stage "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$OUT/unit.json" || fail

stage "production build"
npx tsx scripts/build-if-needed.ts || { echo "build failed"; exit 1; }

stage "integration tests (SQLite and PostgreSQL)"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$OUT/integration.json" || fail

stage "end-to-end tests (Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/e2e.json" npx playwright test --reporter=list,json || fail

end_phase
node scripts/test-summary.mjs "$OUT" || fail
rm -rf "$OUT"
exit $status
