import type { z } from 'zod';

/**
 * One HTTP endpoint of /api/v1, declared once: its method and path, who may
 * call it, and the zod schemas of its path parameters, query, body and
 * answer. Route handlers parse with these schemas, integration tests check
 * answers against `response`, and GET /api/v1/openapi.json is generated
 * from the same objects (lib/api/openapi.ts).
 */
export interface TEndpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI form, e.g. "/api/v1/rooms/{room}/probes/{id}" */
  path: string;
  summary: string;
  /** who may call it, in words the access table uses: "anyone", "viewer+", "engineer+", "lead+", "admin", "ingest key" … */
  access: string;
  /** a grouping for the API page: "metrics", "incidents", "probes" … */
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** the success status (200 unless said) */
  status?: number;
  /** the success answer, as JSON */
  response?: z.ZodType;
  /** the same answer in another form, chosen by a query parameter: { type: "text/markdown", when: "format=md" } */
  alternate?: { type: string; when: string };
  /** honours Idempotency-Key */
  idempotent?: boolean;
}

/** Declares an endpoint, keeping its schemas' exact types for the route and the client. */
export function endpoint<const E extends TEndpoint>(e: E): E {
  return e;
}

/** The request body type of an endpoint, as the client sends it. */
export type TBodyOf<E extends TEndpoint> = E['body'] extends z.ZodType ? z.input<E['body']> : never;
/** The answer type of an endpoint. */
export type TResponseOf<E extends TEndpoint> = E['response'] extends z.ZodType ? z.output<E['response']> : unknown;

/**
 * One socket command (client → server, a verb with an ack), declared once
 * beside its resource's endpoints: the payload the server validates
 * (server/realtime/with-schema.ts) and the ack's success data. The event map
 * both ends type their sockets with (lib/events.ts) is inferred from these.
 */
export interface TSocketCommand {
  summary: string;
  payload: z.ZodType;
  answer: z.ZodType;
}

/** One socket push (server → client, a noun): its payload. */
export interface TSocketPush {
  summary: string;
  payload: z.ZodType;
}

/** Declares a socket command, keeping its schemas' exact types for both ends. */
export function socketCommand<const C extends TSocketCommand>(c: C): C {
  return c;
}

/** Declares a socket push, keeping its payload's exact type for both ends. */
export function socketPush<const P extends TSocketPush>(p: P): P {
  return p;
}
