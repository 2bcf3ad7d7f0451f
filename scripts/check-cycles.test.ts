import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
// A fixture inside the repository (cruise reports repository-relative paths), removed afterwards.
const DIR = `scripts/.cycle-fixture-${process.pid}`;

async function check(files: Record<string, string>): Promise<{ code: number; out: string }> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(DIR, name), text);
  try {
    const { stdout, stderr } = await run('node', ['scripts/check-cycles.mjs', DIR]);
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('scripts/check-cycles.mjs (dependency-cruiser)', () => {
  it('fails on a circle made only of type imports', { timeout: 60_000 }, async () => {
    const r = await check({
      'a.ts': "import type { B } from './b';\nexport type A = { b?: B };\n",
      'b.ts': "import type { A } from './a';\nexport type B = { a?: A };\n",
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/no-circular: .*a\.ts/);
    // (the clean case is the app itself: `npm test` runs the same script on app/ server/ lib/ scripts/)
  });
});
