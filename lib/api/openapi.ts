import { z } from 'zod';
import { ZErrorBody } from '../errors';
import type { TEndpoint } from './contract';
import { ENDPOINTS } from './index';

type TJson = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: 'input' | 'output'): TJson {
  // 'any' for what JSON Schema cannot say (refinements, transforms' insides): the route still checks them.
  const out = z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as TJson;
  delete out.$schema;
  return out;
}

/** Path or query parameters from an object schema's properties. */
function parametersOf(s: z.ZodType | undefined, where: 'path' | 'query'): TJson[] {
  if (!s) return [];
  const js = schemaOf(s, 'input');
  const props = (js.properties ?? {}) as Record<string, TJson>;
  const required = new Set((js.required ?? []) as string[]);
  return Object.entries(props).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' ? true : required.has(name) && !('default' in schema),
    schema,
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
  }));
}

const ERROR_RESPONSE = {
  description: 'error: `{"error": {"code", "message", "details"?}}`, details naming each bad field',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

function operationOf(e: TEndpoint): TJson {
  const status = String(e.status ?? 200);
  const success: TJson = { description: e.alternate ? `success; ${e.alternate.type} with ${e.alternate.when}` : 'success' };
  if (e.response && status !== '204')
    success.content = {
      'application/json': { schema: schemaOf(e.response, 'output') },
      ...(e.alternate ? { [e.alternate.type]: { schema: { type: 'string' } } } : {}),
    };
  // An answer that is never JSON (a CSV export): only its own type.
  else if (e.alternate && status !== '204') success.content = { [e.alternate.type]: { schema: { type: 'string' } } };
  const parameters = [...parametersOf(e.params, 'path'), ...parametersOf(e.query, 'query')];
  if (e.idempotent)
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: 200 },
      description: 'the same key again returns the first answer and creates nothing new',
    });
  const anyone = e.access === 'anyone';
  return {
    summary: e.summary,
    description: `Who: ${e.access}.`,
    tags: [e.tag],
    operationId: `${e.method.toLowerCase()}${e.path
      .replace(/^\/api\/v1/, '')
      .replace(/[{}]/g, '')
      .split(/[/.-]/)
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('')}`,
    ...(parameters.length ? { parameters } : {}),
    ...(e.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(e.body, 'input') } } } } : {}),
    responses: { [status]: success, default: ERROR_RESPONSE },
    ...(anyone ? { security: [] } : {}),
  };
}

/** The OpenAPI 3.1 document of every /api/v1 endpoint, built from the same zod schemas the routes parse with. */
export function buildOpenApi(opts: { serverUrl?: string; endpoints?: TEndpoint[] } = {}): TJson {
  const paths: Record<string, Record<string, TJson>> = {};
  for (const e of opts.endpoints ?? ENDPOINTS) {
    paths[e.path] ??= {};
    paths[e.path]![e.method.toLowerCase()] = operationOf(e);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Warroom API',
      version: '1',
      description:
        'Live numbers, incidents and signals of a war room. JSON in and out; errors are `{"error": {"code", "message", "details"}}`.',
    },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      schemas: { Error: schemaOf(ZErrorBody, 'output') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'a personal token, an ingest key or a display-link key' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'warroom.session_token',
          description: 'the browser session; writes must be same-origin',
        },
      },
    },
  };
}
