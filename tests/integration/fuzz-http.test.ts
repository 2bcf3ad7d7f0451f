/**
 * Property-based fuzzing of every /api/v1 route (fast-check), on SQLite and
 * PostgreSQL. Routes are discovered from the app/api/v1 file tree, so a route
 * added later is fuzzed without anyone listing it. Each run sends a generated
 * method, path (real ids, hostile strings, broken percent-encoding), query,
 * headers and body — valid, near-valid (from the route's zod schema) or
 * hostile — as one of several kinds of caller. Properties: never a 5xx, an
 * answer within a bound, error bodies in the API's error shape, success bodies
 * JSON (and valid against the contract's response schema where one exists).
 * Schemathesis is not installable here (PyPI unreachable): this is the
 * schema-driven fuzzer instead (README, Security).
 */
import { request } from 'node:http';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TTestServer } from '../helpers/server';
import { inputsFor, nastyString } from '../helpers/fuzz-arbitraries';
import { discoverApiRoutes, type TApiRoute } from '../../server/http/api-routes';
import { ZErrorBody } from '../../lib/errors';
import { ENDPOINTS } from '../../lib/api';
import { signInCookie } from './access-callers';
import { KINDS } from './incidents-helpers';

/** Runs per route, and of the whole-API property; the suite stays well under a minute per database. */
const SCALE = Number(process.env.WARROOM_FUZZ_SCALE ?? 1);
const RUNS_PER_ROUTE = Math.round(10 * SCALE);
const RUNS_ANY = Math.round(150 * SCALE);
/** No request may take longer than this (a hang is a failure). */
const REQUEST_TIMEOUT_MS = 10_000;

/** "/api/v1/rooms/{room}/x" (OpenAPI) → "/api/v1/rooms/[room]/x" (file tree). */
const filePattern = (openApiPath: string) => openApiPath.replace(/\{([^}]+)\}/g, '[$1]');
const endpointOf = (method: string, r: TApiRoute) => ENDPOINTS.find((e) => e.method === method && filePattern(e.path) === r.pattern);
function schemasOf(method: string, r: TApiRoute): { body?: z.ZodType; query?: z.ZodType } {
  const e = endpointOf(method, r);
  return e ? { body: e.body, query: e.query } : {};
}

interface TAnswer {
  status: number;
  type: string;
  text: string;
}

function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<TAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      method,
      path,
      headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
      agent: false,
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`hang: no answer in ${REQUEST_TIMEOUT_MS} ms to ${method} ${path}`));
    }, REQUEST_TIMEOUT_MS);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          text: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end(body);
  });
}

/** What every answer must satisfy; returns a reason when it does not. */
function violation(method: string, path: string, r: TAnswer, route: TApiRoute | null): string | null {
  const what = `${method} ${path.slice(0, 160)} → ${r.status} ${r.text.slice(0, 200)}`;
  if (r.status >= 500 || r.status < 100) return `5xx: ${what}`;
  // HEAD has no body; a redirect (Next's trailing-slash 308) is not an answer of its own.
  if (method === 'HEAD' || r.status === 204 || (r.status >= 300 && r.status < 400)) return null;
  const isJson = r.type.includes('json');
  const e = route ? endpointOf(method, route) : undefined;
  // An endpoint may answer in one declared other form (the report as Markdown for format=md, a
  // link a person clicks as an HTML page, its refusals too); nothing else.
  if (e?.alternate && r.type.startsWith(e.alternate.type)) return null;
  if (r.status >= 400) {
    if (!isJson) return `error not JSON: ${what}`;
    try {
      if (!ZErrorBody.safeParse(JSON.parse(r.text)).success) return `error body not in the error shape: ${what}`;
    } catch {
      return `error body does not parse: ${what}`;
    }
    return null;
  }
  if (!isJson) return `success not JSON: ${what}`;
  let body: unknown;
  try {
    body = JSON.parse(r.text);
  } catch {
    return `success body does not parse: ${what}`;
  }
  if (e?.response && r.status === (e.status ?? 200) && !e.response.safeParse(body).success)
    return `answer does not match its response schema: ${what}`;
  return null;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND'];

describe.each(KINDS)('fuzzing /api/v1 on %s', (kind) => {
  let server: TTestServer;
  let callers: Record<string, Record<string, string>>;
  /** real values for path parameters, so runs reach past "not found" */
  let real: Record<string, string[]>;
  const routes = discoverApiRoutes();

  beforeAll(async () => {
    server = await startServer({ db: kind });
    const [viewer, engineer, lead, admin, victim] = await Promise.all(
      ['viewer', 'engineer', 'lead', 'admin', 'viewer'].map((r) => server.createUser(r as 'viewer')),
    );
    const cookie = await signInCookie(server, admin!.email, admin!.password);
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    callers = {
      anonymous: {},
      viewer: bearer(viewer!.token),
      engineer: bearer(engineer!.token),
      lead: bearer(lead!.token),
      admin: bearer(admin!.token),
      'admin (session)': { cookie, origin: server.url },
      'admin (session, cross-site)': { cookie, origin: 'http://evil.example' },
      'ingest key': bearer(await server.createIngestKey()),
      'display link': bearer(await server.createDisplayLink()),
      'garbage bearer': bearer(`wr_pat_${'x'.repeat(40)}`),
    };
    const incident = await api(server, 'POST', '/api/v1/incidents', {
      token: engineer!.token,
      body: { title: 'Fuzz target', severity: 'SEV3' },
    });
    const post = await api(server, 'POST', `/api/v1/incidents/${incident.body.id}/updates`, {
      token: engineer!.token,
      body: { body: 'a post' },
    });
    const finding = await api(server, 'POST', `/api/v1/incidents/${incident.body.id}/findings`, {
      token: engineer!.token,
      body: { text: 'cache?' },
    });
    real = {
      id: [incident.body.id, String(incident.body.number), victim!.id, victim!.token.slice(0, 11)],
      entryId: [post.body.id],
      findingId: [String(finding.body.findings?.[0]?.id ?? 'f')],
      room: ['launch'],
    };
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  /** A path for a route: each parameter a real value, a hostile string, or broken percent-encoding. */
  const pathFor = (r: TApiRoute) =>
    fc
      .tuple(
        ...r.segments.map((s) =>
          s.kind === 'static'
            ? fc.constant(s.name)
            : fc.oneof(
                fc.constantFrom(...(real[s.name] ?? ['x'])),
                nastyString.map(encodeURIComponent),
                fc.constantFrom('%ff', '%', '%zz', '%c0%af', '..%2f..'),
              ),
        ),
      )
      .map((parts) => `/api/v1/${parts.join('/')}`);

  const queryFor = (schema?: z.ZodType) =>
    fc.oneof(
      fc.constant(''),
      inputsFor(schema).map((q) =>
        q && typeof q === 'object' && !Array.isArray(q)
          ? new URLSearchParams(Object.entries(q).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString()
          : '',
      ),
      fc.dictionary(nastyString, nastyString, { maxKeys: 3 }).map((d) => new URLSearchParams(d).toString()),
    );

  /** A body: JSON of a generated value, raw non-JSON text, or none; with a plausible or odd content type. */
  const bodyFor = (schema?: z.ZodType) =>
    fc.tuple(
      fc.oneof(
        { arbitrary: inputsFor(schema).map((v) => JSON.stringify(v)), weight: 6 },
        { arbitrary: nastyString, weight: 1 },
        { arbitrary: fc.constant(undefined), weight: 1 },
      ),
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', undefined),
      fc.option(
        fc.oneof(
          nastyString.filter((k) => /^[\x21-\x7e]*$/.test(k)),
          fc.uuid(),
        ),
        { nil: undefined },
      ),
    );

  const request = (r: TApiRoute, methods: string[]) =>
    fc
      .record({
        method: fc.constantFrom(...methods),
        caller: fc.constantFrom(...Object.keys(callers)),
        path: pathFor(r),
      })
      .chain(({ method, caller, path }) => {
        const s = schemasOf(method, r);
        return fc.record({
          method: fc.constant(method),
          caller: fc.constant(caller),
          path: fc.constant(path),
          query: queryFor(s.query),
          body: bodyFor(s.body),
        });
      });

  const check = async (
    route: TApiRoute,
    x: { method: string; caller: string; path: string; query: string; body: [string | undefined, string | undefined, string | undefined] },
  ) => {
    const [body, type, key] = x.body;
    const withBody = !['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(x.method);
    const headers: Record<string, string> = {
      ...callers[x.caller],
      ...(type && withBody ? { 'content-type': type } : {}),
      ...(key !== undefined ? { 'idempotency-key': key } : {}),
    };
    const path = x.path + (x.query ? `?${x.query}` : '');
    const answer = await send(server.port, x.method, path, headers, withBody ? body : undefined);
    // A dot segment ("/status/../incidents") is resolved before routing, so the answer is another
    // route's (here the incident list): its shape is checked only in general, not against this route's schema.
    const resolvedElsewhere = /(^|\/)(\.|%2e){1,2}(\/|$)/i.test(x.path);
    const why = violation(x.method, path, answer, resolvedElsewhere ? null : route);
    if (why) throw new Error(`${x.caller}: ${why}`);
  };

  it('discovers the route files', () => {
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) expect(r.methods.length, r.file).toBeGreaterThan(0);
  });

  it(`every route, ${RUNS_PER_ROUTE} generated requests each with its own methods: no 5xx, no hang, answers in shape`, {
    timeout: 120_000,
  }, async () => {
    for (const r of routes) {
      await fc.assert(
        fc.asyncProperty(request(r, r.methods), (x) => check(r, x)),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
  });

  it(`any route, any method (${RUNS_ANY} runs): no 5xx, no hang, answers in shape`, { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes).chain((r) => request(r, METHODS).map((x) => ({ r, x }))),
        ({ r, x }) => check(r, x),
      ),
      { numRuns: RUNS_ANY },
    );
  });

  it('pages and unknown paths under hostile segments: no 5xx', { timeout: 60_000 }, async () => {
    const cookie = callers['admin (session)']!;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/wall/', '/incidents/', '/rooms/', '/api/v1/', '/api/v1/incidents/x/', '/', '/login/', '/_next/'),
        fc.oneof(nastyString.map(encodeURIComponent), fc.constantFrom('%ff%fe', '%', '%c0', 'settings/%ff')),
        fc.constantFrom('GET', 'HEAD', 'POST', 'TRACE'),
        fc.boolean(),
        async (prefix, tail, method, signedIn) => {
          const r = await send(server.port, method, prefix + tail, signedIn ? cookie : {});
          if (r.status >= 500 || r.status < 100) throw new Error(`${method} ${prefix}${tail} → ${r.status} ${r.text.slice(0, 200)}`);
        },
      ),
      { numRuns: Math.round(80 * SCALE) },
    );
  });

  it('the server is still up and answering after the fuzzing', async () => {
    expect((await api(server, 'GET', '/api/v1/health')).status).toBe(200);
  });
});
