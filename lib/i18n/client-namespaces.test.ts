import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import { CONSOLE_CLIENT_NAMESPACES, SHELL_CLIENT_NAMESPACES } from './client-namespaces';

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

  it("the phone's summary and the console's frame read only the frame's namespaces (all they get)", () => {
    // Every module `/` and the console layout import, followed through the project's own imports.
    const seen = new Set<string>();
    const file = (p: string) =>
      [p, `${p}.ts`, `${p}.tsx`, join(p, 'index.ts'), join(p, 'index.tsx')].find((f) => existsSync(f) && statSync(f).isFile());
    const walk = (f: string) => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const spec = m[1]!;
        const target = spec.startsWith('@/')
          ? file(resolve(spec.slice(2)))
          : spec.startsWith('.')
            ? file(resolve(dirname(f), spec))
            : undefined;
        if (target) walk(target);
      }
    };
    walk(resolve('app/(console)/page.tsx'));
    walk(resolve('app/(console)/layout.tsx'));
    expect(seen.size).toBeGreaterThan(20);
    const read = new Map<string, string>();
    for (const f of seen) for (const m of readFileSync(f, 'utf8').matchAll(/useTranslations\('(\w+)/g)) read.set(m[1]!, f);
    expect(read.has('nav'), 'the nav bar is among them').toBe(true);
    for (const [ns, f] of read) expect(SHELL_CLIENT_NAMESPACES as readonly string[], `${ns} in ${f}`).toContain(ns);
  });

  it('every console section below the frame brings the console words in its layout', () => {
    for (const dir of readdirSync('app/(console)')) {
      const p = join('app/(console)', dir);
      if (dir.startsWith('_') || !statSync(p).isDirectory()) continue;
      if (!files(p).some((f) => f.endsWith('page.tsx'))) continue;
      const layout = join(p, 'layout.tsx');
      expect(existsSync(layout), layout).toBe(true);
      expect(readFileSync(layout, 'utf8'), layout).toContain('<ClientWords>');
    }
  });
});
