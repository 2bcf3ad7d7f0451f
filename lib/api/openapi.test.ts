import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from './index';
import { buildOpenApi } from './openapi';

const API_DIR = join(process.cwd(), 'app/api/v1');

/** Every (method, OpenAPI path) that a route file under app/api/v1 exports. */
function routesOnDisk(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'route.ts') {
        const segments = relative(API_DIR, dir)
          .split(sep)
          .filter((s) => s && !s.startsWith('_') && !s.startsWith('('));
        const path = ['/api/v1', ...segments.map((s) => s.replace(/^\[(.+)\]$/, '{$1}'))].join('/');
        for (const m of readFileSync(p, 'utf8').matchAll(/^export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE)\b/gm))
          found.push(`${m[1]} ${path}`);
      }
    }
  };
  walk(API_DIR);
  return found.sort();
}

describe('the API contract', () => {
  it('has exactly one endpoint entry for every route a file under app/api/v1 exports', () => {
    const declared = ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort();
    expect(new Set(declared).size).toBe(declared.length);
    expect(declared).toEqual(routesOnDisk());
  });

  it('is a valid OpenAPI 3.1 document by a maintained validator', async () => {
    const doc = buildOpenApi({ serverUrl: 'http://localhost:3000' });
    const result = await new Validator().validate(doc as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('names each path parameter of a path in its parameters', () => {
    for (const e of ENDPOINTS) {
      const inPath = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = e.params && 'shape' in e.params ? Object.keys((e.params as unknown as { shape: object }).shape).sort() : [];
      expect(declared, `${e.method} ${e.path}`).toEqual(inPath);
    }
  });

  it("lists an answer's other form beside its JSON (the night report as Markdown)", () => {
    const doc = buildOpenApi({ serverUrl: 'http://localhost:3000' }) as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string; content: Record<string, unknown> }> }>>;
    };
    const ok = doc.paths['/api/v1/rooms/{room}/report']!.get!.responses['200']!;
    expect(Object.keys(ok.content).sort()).toEqual(['application/json', 'text/markdown']);
    expect(ok.description).toContain('format=md');
  });
});
