// Adds up the JSON reports of vitest and Playwright into one closing line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const f of ['unit.json', 'integration.json']) {
  const p = join(dir, f);
  if (!existsSync(p)) {
    console.log(`${f}: no report (the stage did not run)`);
    failed++;
    continue;
  }
  const r = JSON.parse(readFileSync(p, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
const e2e = join(dir, 'e2e.json');
if (existsSync(e2e)) {
  const r = JSON.parse(readFileSync(e2e, 'utf8'));
  passed += r.stats.expected + (r.stats.flaky ?? 0);
  failed += r.stats.unexpected;
  skipped += r.stats.skipped;
} else {
  console.log('e2e.json: no report (the stage did not run)');
  failed++;
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
