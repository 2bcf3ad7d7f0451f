import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAuthSecret } from './secret';

describe('resolveAuthSecret', () => {
  it('uses WARROOM_SECRET when set', () => {
    expect(resolveAuthSecret('s'.repeat(32), '/nonexistent/x')).toBe('s'.repeat(32));
  });

  it('otherwise generates one, keeps it owner-readable, and returns the same one next time', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'warroom-secret-')), 'data', 'auth-secret');
    const first = resolveAuthSecret(undefined, file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(resolveAuthSecret(undefined, file)).toBe(first);
  });
});
