// Adds up the JSON reports of vitest and Playwright into one closing line,
// after each phase's wall time (phases.tsv from scripts/test.sh) and the
// files that cost the most, so a change that makes `npm test` slower shows it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const dir = process.argv[2];
/** A stage's JSON report, or null when the stage did not run. */
const report = (file) => (existsSync(join(dir, file)) ? JSON.parse(readFileSync(join(dir, file), 'utf8')) : null);
const vitest = { 'unit.json': report('unit.json'), 'integration.json': report('integration.json') };
const e2e = report('e2e.json');
const relative = (name) => name.replace(`${process.cwd()}/`, '');
/** Every test of a Playwright report, with the spec (file, line, title) it belongs to. */
function* playwrightTests(r) {
  const walk = function* (suite) {
    for (const spec of suite.specs ?? []) for (const test of spec.tests ?? []) yield { spec, test };
    for (const s of suite.suites ?? []) yield* walk(s);
  };
  for (const s of r?.suites ?? []) yield* walk(s);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const [f, r] of Object.entries(vitest)) {
  if (!r) {
    console.log(`${f}: no report (the stage did not run)`);
    failed++;
    continue;
  }
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
if (e2e) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
} else {
  console.log('e2e.json: no report (the stage did not run)');
  failed++;
}
const secs = (n) => {
  // Rounded first: 119.6 s is 2:00, not 1:60.
  const t = Math.round(n);
  return `${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`;
};
/** The slowest test files of a vitest JSON report, or of Playwright's. */
function heaviest(r) {
  if (!r) return [];
  if (r.testResults) return r.testResults.map((t) => [relative(t.name), (t.endTime - t.startTime) / 1000]);
  const perFile = new Map();
  for (const { spec, test } of playwrightTests(r))
    for (const res of test.results ?? []) perFile.set(spec.file, (perFile.get(spec.file) ?? 0) + res.duration / 1000);
  return [...perFile];
}
const phases = join(dir, 'phases.tsv');
if (existsSync(phases)) {
  const rows = readFileSync(phases, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split('\t'));
  // A phase marked "background" ran beside the others (scripts/test.sh): listed, not added to the total.
  const total = rows.reduce((a, [, s, bg]) => a + (bg ? 0 : Number(s)), 0);
  console.log('\ntime per phase (budget for the whole run: 15:00)');
  for (const [name, s, bg] of rows) if (!bg) console.log(`  ${secs(Number(s)).padStart(6)}  ${name}`);
  console.log(`  ${secs(total).padStart(6)}  total`);
  for (const [name, s, bg] of rows)
    if (bg) console.log(`  ${secs(Number(s)).padStart(6)}  ${name} (beside the stages above, not in the total)`);
}
for (const [r, label] of [
  [vitest['integration.json'], 'integration'],
  [e2e, 'end-to-end'],
]) {
  const top = heaviest(r)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  if (top.length) console.log(`heaviest ${label} files: ${top.map(([f, s]) => `${f} ${secs(s)}`).join(', ')}`);
}
// What failed, named at the end where a CI log's tail shows it: a test with its first message line, or a
// file that failed outside its tests (a hook, an import, an unhandled error) with its message.
const firstLine = (text, max) =>
  stripVTControlCharacters(String(text ?? ''))
    .split('\n')[0]
    .slice(0, max);
for (const [f, r] of Object.entries(vitest)) {
  if (!r) continue;
  for (const t of r.testResults ?? []) {
    const bad = (t.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of bad) console.log(`FAILED ${relative(t.name)} › ${a.fullName ?? a.title}: ${firstLine(a.failureMessages?.[0], 300)}`);
    if (t.status === 'failed' && !bad.length)
      console.log(
        `FAILED ${relative(t.name)} (outside its tests): ${String(t.message ?? '')
          .split('\n')
          .slice(0, 3)
          .join(' ')
          .slice(0, 400)}`,
      );
  }
  if (r.success === false && !r.numFailedTests && !r.numFailedTestSuites)
    console.log(`${f}: the run failed with no failed test (an unhandled error: see the log above the summary)`);
}
for (const { spec, test } of playwrightTests(e2e))
  if (test.status === 'unexpected')
    console.log(`FAILED ${spec.file}:${spec.line} › ${spec.title}: ${firstLine(test.results?.at(-1)?.error?.message, 300)}`);
const failedStages = existsSync(join(dir, 'failed.txt')) ? readFileSync(join(dir, 'failed.txt'), 'utf8').trim().split('\n') : [];
for (const s of failedStages) console.log(`FAILED stage: ${s}`);
console.log(
  `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${failedStages.length ? `; ${failedStages.length} stage(s) failed` : ''}`,
);
process.exit(failed || failedStages.length ? 1 : 0);
