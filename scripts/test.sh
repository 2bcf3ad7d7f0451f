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
npx tsc --noEmit || status=1

stage "lint and format (Biome), import circles (dependency-cruiser), dead code (knip), file paths named in docs"
npx biome check . || status=1
node scripts/check-cycles.mjs || status=1
npx knip || status=1
node scripts/check-paths.mjs || status=1

stage "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$OUT/unit.json" || status=1

stage "production build"
npx tsx scripts/build-if-needed.ts || { echo "build failed"; exit 1; }

stage "integration tests (SQLite and PostgreSQL)"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$OUT/integration.json" || status=1

stage "end-to-end tests (Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/e2e.json" npx playwright test --reporter=list,json || status=1

end_phase
node scripts/test-summary.mjs "$OUT" || status=1
rm -rf "$OUT"
exit $status
