import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import { CONSOLE_CLIENT_NAMESPACES } from './client-namespaces';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('console client namespaces', () => {
  it('every namespace a console client component reads is handed to the client, and exists', () => {
    const used = new Set<string>();
    for (const f of [...files('app/(console)'), ...files('app/_ui')]) {
      const src = readFileSync(f, 'utf8');
      if (!src.startsWith("'use client'")) continue;
      for (const m of src.matchAll(/useTranslations\('([\w]+)/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(5);
    for (const ns of used) expect(CONSOLE_CLIENT_NAMESPACES as readonly string[], ns).toContain(ns);
    for (const ns of CONSOLE_CLIENT_NAMESPACES) expect(Object.keys(en), ns).toContain(ns);
  });
});
