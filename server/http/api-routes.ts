import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** One route file under app/api/v1: its path pattern and the methods it exports. */
export interface TApiRoute {
  /** e.g. "/api/v1/incidents/[id]/claim" */
  pattern: string;
  segments: { kind: 'static' | 'param' | 'catchAll'; name: string }[];
  methods: string[];
  file: string;
}

const EXPORTED = /export\s+(?:const|let|async\s+function|function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g;

/**
 * The /api/v1 routes, read from the app/api/v1 file tree the way Next's App
 * Router reads it (route groups "(x)" and private folders "_x" are not
 * segments). The request gate answers unknown paths and methods from it, and
 * the fuzz suite covers every route it lists, so a route added later is
 * covered without anyone remembering to.
 */
export function discoverApiRoutes(root = process.cwd()): TApiRoute[] {
  const base = join(root, 'app', 'api', 'v1');
  if (!existsSync(base)) return [];
  const out: TApiRoute[] = [];
  const walk = (dir: string, segs: TApiRoute['segments']) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.isFile() && /^route\.(ts|tsx|js|mjs)$/.test(d.name)) {
        const file = join(dir, d.name);
        const methods = [...readFileSync(file, 'utf8').matchAll(EXPORTED)].map((m) => m[1]!);
        const pattern = `/api/v1${segs.map((s) => `/${s.kind === 'static' ? s.name : s.kind === 'param' ? `[${s.name}]` : `[...${s.name}]`}`).join('')}`;
        out.push({ pattern, segments: segs, methods: [...new Set(methods)], file });
      } else if (d.isDirectory() && !d.name.startsWith('_')) {
        const m = /^\[(\.\.\.)?([^\]]+)\]$/.exec(d.name);
        const next = /^\(.*\)$/.test(d.name)
          ? segs
          : [
              ...segs,
              m ? { kind: m[1] ? ('catchAll' as const) : ('param' as const), name: m[2]! } : { kind: 'static' as const, name: d.name },
            ];
        walk(join(dir, d.name), next);
      }
    }
  };
  walk(base, []);
  // Static segments win over parameters, as in Next.
  const rank = { static: 0, param: 1, catchAll: 2 };
  return out.sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const x = a.segments[i];
      const y = b.segments[i];
      if (!x || !y) return x ? 1 : -1;
      if (rank[x.kind] !== rank[y.kind]) return rank[x.kind] - rank[y.kind];
    }
    return 0;
  });
}

/** The route a path reaches, or null: the path as a string, or its decoded segments ("", "api", "v1", …). */
export function matchApiRoute(routes: TApiRoute[], path: string | string[]): TApiRoute | null {
  const all = typeof path === 'string' ? path.split('/') : path;
  if (all[1] !== 'api' || all[2] !== 'v1') return null;
  const parts = all.slice(3);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  for (const r of routes) {
    let ok = true;
    let i = 0;
    for (const s of r.segments) {
      if (s.kind === 'catchAll') {
        ok = i < parts.length && parts.slice(i).every((p) => p !== '');
        i = parts.length;
        break;
      }
      const p = parts[i++];
      if (p === undefined || p === '' || (s.kind === 'static' && p !== s.name)) {
        ok = false;
        break;
      }
    }
    if (ok && i === parts.length) return r;
  }
  return null;
}

/** The methods a route answers, as an Allow header names them. */
export function allowedMethods(r: TApiRoute): string[] {
  const m = new Set(r.methods);
  if (m.has('GET')) m.add('HEAD');
  m.add('OPTIONS');
  return HTTP_METHODS.filter((x) => m.has(x));
}
