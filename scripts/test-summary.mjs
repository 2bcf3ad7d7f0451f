// Adds up the JSON reports of vitest and Playwright into one closing line,
// after each phase's wall time (phases.tsv from scripts/test.sh) and the
// files that cost the most, so a change that makes `npm test` slower shows it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

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
const secs = (n) => {
  // Rounded first: 119.6 s is 2:00, not 1:60.
  const t = Math.round(n);
  return `${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`;
};
/** The slowest test files of a vitest JSON report, or of Playwright's. */
function heaviest(file) {
  const p = join(dir, file);
  if (!existsSync(p)) return [];
  const r = JSON.parse(readFileSync(p, 'utf8'));
  if (r.testResults) return r.testResults.map((t) => [t.name.replace(`${process.cwd()}/`, ''), (t.endTime - t.startTime) / 1000]);
  const perFile = new Map();
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        for (const res of test.results ?? []) perFile.set(spec.file, (perFile.get(spec.file) ?? 0) + res.duration / 1000);
    for (const s of suite.suites ?? []) walk(s);
  };
  for (const s of r.suites ?? []) walk(s);
  return [...perFile];
}
const phases = join(dir, 'phases.tsv');
if (existsSync(phases)) {
  const rows = readFileSync(phases, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split('\t'));
  const total = rows.reduce((a, [, s]) => a + Number(s), 0);
  console.log('\ntime per phase (budget for the whole run: 15:00)');
  for (const [name, s] of rows) console.log(`  ${secs(Number(s)).padStart(6)}  ${name}`);
  console.log(`  ${secs(total).padStart(6)}  total`);
}
for (const [file, label] of [
  ['integration.json', 'integration'],
  ['e2e.json', 'end-to-end'],
]) {
  const top = heaviest(file)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  if (top.length) console.log(`heaviest ${label} files: ${top.map(([f, s]) => `${f} ${secs(s)}`).join(', ')}`);
}
// What failed, named at the end where a CI log's tail shows it: a test with its first message line, or a
// file that failed outside its tests (a hook, an import, an unhandled error) with its message.
for (const f of ['unit.json', 'integration.json']) {
  const p = join(dir, f);
  if (!existsSync(p)) continue;
  const r = JSON.parse(readFileSync(p, 'utf8'));
  for (const t of r.testResults ?? []) {
    const file = t.name.replace(`${process.cwd()}/`, '');
    const bad = (t.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of bad)
      console.log(
        `FAILED ${file} › ${a.fullName ?? a.title}: ${String(a.failureMessages?.[0] ?? '')
          .split('\n')[0]
          .slice(0, 300)}`,
      );
    if (t.status === 'failed' && !bad.length)
      console.log(
        `FAILED ${file} (outside its tests): ${String(t.message ?? '')
          .split('\n')
          .slice(0, 3)
          .join(' ')
          .slice(0, 400)}`,
      );
  }
  if (r.success === false && !r.numFailedTests && !r.numFailedTestSuites)
    console.log(`${f}: the run failed with no failed test (an unhandled error: see the log above the summary)`);
}
if (existsSync(e2e)) {
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === 'unexpected') {
          const err = test.results?.at(-1)?.error?.message ?? '';
          console.log(`FAILED ${spec.file}:${spec.line} › ${spec.title}: ${stripVTControlCharacters(err).split('\n')[0].slice(0, 300)}`);
        }
    for (const s of suite.suites ?? []) walk(s);
  };
  for (const s of JSON.parse(readFileSync(e2e, 'utf8')).suites ?? []) walk(s);
}
const failedStages = existsSync(join(dir, 'failed.txt')) ? readFileSync(join(dir, 'failed.txt'), 'utf8').trim().split('\n') : [];
for (const s of failedStages) console.log(`FAILED stage: ${s}`);
console.log(
  `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${failedStages.length ? `; ${failedStages.length} stage(s) failed` : ''}`,
);
process.exit(failed || failedStages.length ? 1 : 0);
