import { createHash, randomUUID } from 'node:crypto';
import type { TServiceContext } from '../context';
import { AppError, errorBody, isUniqueViolation } from '../errors';
import type { TActor } from '../services/access/actor';
import { claims, type TAnswerInTx, type TClaim } from '../services/idempotency/commit-answer';
import { json } from './route';

const MAX_KEY_LENGTH = 200;
/** How many times a create that lost a race for the key looks again (the row changed under it). */
const LOOKS = 5;
/** A placeholder row: the request holding its lease is still running. */
const PENDING = 0;
export type { TAnswerInTx };

function callerOf(actor: TActor): string {
  switch (actor.kind) {
    case 'user':
      return `user:${actor.userId}`;
    case 'ingest':
    case 'display':
      return `cred:${actor.credentialId}`;
    case 'anonymous':
      return 'anonymous';
    case 'system':
      return `system:${actor.name}`;
    case 'cli':
      return 'cli';
  }
}

/** JSON with sorted keys, so the same body hashes the same whatever its key order. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** sha-256 of method, path and body: what "the same request" means for a key. */
function requestHashOf(req: Request, body: unknown): string {
  return createHash('sha256')
    .update(`${req.method.toUpperCase()} ${new URL(req.url).pathname}\n${stableJson(body)}`)
    .digest('hex');
}

/**
 * Runs a create at most once per (caller, operation, Idempotency-Key) and
 * replays the first answer for the same key.
 *
 * A placeholder row with a lease (WARROOM_IDEMPOTENCY_LEASE_MS, 30 s) is
 * written before the work starts, so two simultaneous requests with one key
 * cannot both create: the second is answered at once with 409 and a
 * `Retry-After` (seconds) — a retry then gets the first's answer. With
 * `answer`, the answer is stored in the effect's own transaction
 * (commitIdempotentAnswer). A request that dies (kill -9) leaves a placeholder
 * whose lease runs out; a retry then takes the key over and runs afresh —
 * its effect never happened, or the answer would be there. A failure (4xx/5xx)
 * before the effect is not kept, so the caller may fix the request and retry
 * with the same key; the same key with a different method, path or body is
 * refused (422 idempotency_mismatch). Without the header the work simply runs.
 */
export async function withIdempotency(opts: {
  ctx: TServiceContext;
  req: Request;
  actor: TActor;
  /** the operation, e.g. "POST /incidents" */
  operation: string;
  /** the request body as sent, for the request hash (method and path alone without it) */
  body?: unknown;
  /** the success status, for the answer stored inside the transaction */
  status?: number;
  /** builds the answer inside the effect's transaction; without it the answer is stored after */
  answer?: TAnswerInTx;
  run: () => Promise<{ status: number; body: unknown }>;
}): Promise<Response> {
  const { ctx, req, actor } = opts;
  const key = req.headers.get('idempotency-key');
  if (key === null) {
    const r = await opts.run();
    return json(r.body, r.status);
  }
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new AppError('bad_request', `Idempotency-Key must be 1–${MAX_KEY_LENGTH} characters`, [
      { field: 'Idempotency-Key', message: `1–${MAX_KEY_LENGTH} characters` },
    ]);
  }
  const scope = `${callerOf(actor)} ${opts.operation}`;
  const hash = requestHashOf(req, opts.body);
  const token = randomUUID();
  const replayed = await acquire(ctx, { scope, key, token, hash });
  if (replayed) return replayed;

  const claim: TClaim = { scope, key, token, status: opts.status ?? 200, answer: opts.answer ?? (async () => undefined) };
  if (!opts.answer) claim.closed = true;
  const mine = { scope, key, leaseToken: token, status: PENDING };
  let result: { status: number; body: unknown };
  try {
    result = await claims.run(claim, opts.run);
  } catch (err) {
    if (!claim.committed) await freeKey(ctx, mine);
    throw err;
  } finally {
    // Work that follows in this async context (event handlers) is not this request's effect.
    claim.closed = true;
  }
  if (claim.committed) return json(result.body, result.status);
  if (result.status >= 400) {
    await freeKey(ctx, mine);
  } else {
    const done = await ctx.prisma.idempotencyRecord.updateMany({
      where: mine,
      data: { status: result.status, body: JSON.stringify(result.body), leaseUntil: null },
    });
    if (done.count !== 1) console.error(`idempotency: the lease of ${scope} ${key} ran out before its answer was stored`);
  }
  return json(result.body, result.status);
}

/**
 * Frees a key whose request failed, so a retry runs at once. The failure is
 * often the database itself (its connections dropped): the delete is tried a
 * few times while the pool reconnects, and only then left to the lease's end.
 */
async function freeKey(ctx: TServiceContext, mine: { scope: string; key: string; leaseToken: string; status: number }): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await ctx.prisma.idempotencyRecord.deleteMany({ where: mine });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
    }
  }
}

/** Takes the key's lease (returns null), or returns the stored answer to replay. */
async function acquire(ctx: TServiceContext, c: { scope: string; key: string; token: string; hash: string }): Promise<Response | null> {
  const leaseMs = ctx.config.WARROOM_IDEMPOTENCY_LEASE_MS;
  const id = { scope_key: { scope: c.scope, key: c.key } };
  for (let look = 0; look < LOOKS; look++) {
    try {
      await ctx.prisma.idempotencyRecord.create({
        data: {
          scope: c.scope,
          key: c.key,
          status: PENDING,
          body: '',
          leaseToken: c.token,
          leaseUntil: new Date(Date.now() + leaseMs),
          requestHash: c.hash,
        },
      });
      return null;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const rec = await ctx.prisma.idempotencyRecord.findUnique({ where: id });
    if (rec) {
      if (rec.requestHash && rec.requestHash !== c.hash) {
        throw new AppError(
          'idempotency_mismatch',
          'this Idempotency-Key was used for a different request (method, path or body); use a new key',
          [{ field: 'Idempotency-Key', message: 'already used for a different request' }],
        );
      }
      if (rec.status !== PENDING) return json(JSON.parse(rec.body), rec.status, { 'idempotent-replayed': 'true' });
      if (!rec.leaseUntil || rec.leaseUntil.getTime() <= Date.now()) {
        // The holder died or overran: take the key over, fenced on the token we saw.
        const taken = await ctx.prisma.idempotencyRecord.updateMany({
          where: { scope: c.scope, key: c.key, status: PENDING, leaseToken: rec.leaseToken },
          data: { leaseToken: c.token, leaseUntil: new Date(Date.now() + leaseMs), requestHash: c.hash },
        });
        if (taken.count === 1) {
          console.warn(`idempotency: ${c.scope} key ${c.key.slice(0, 60)} taken over after its lease ran out`);
          return null;
        }
        continue;
      }
      return inProgress();
    }
    // The row went between the create and the read (its request failed): look again.
  }
  return inProgress();
}

/**
 * 409 at once for a key whose first request is still running, with
 * Retry-After of one second: a create takes milliseconds, and a request that
 * died frees its key when its lease runs out, which retries find then.
 */
function inProgress(): Response {
  const { status, body } = errorBody(
    new AppError('conflict', 'a request with this Idempotency-Key is still in progress; retry after the seconds in Retry-After'),
  );
  return json(body, status, { 'retry-after': '1' });
}
