import type { TServiceContext } from '../context';
import { AppError } from '../errors';
import type { TActor } from '../services/access/actor';
import { json } from './route';

const MAX_KEY_LENGTH = 200;
/** How long a second request with the same key waits for the first to finish. */
const WAIT_FOR_FIRST_MS = 15_000;
/** A placeholder row: the first request with this key is still running. */
const PENDING = 0;

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
  }
}

/**
 * Runs a create at most once per (caller, operation, Idempotency-Key) and
 * replays the first answer for the same key. A placeholder row is written
 * before the work starts, so two simultaneous requests with one key cannot
 * both create: the second waits for the first's answer. A failure (4xx/5xx)
 * is not kept, so the caller may fix the request and retry with the same key.
 * Without the header the work simply runs.
 */
export async function withIdempotency(opts: {
  ctx: TServiceContext;
  req: Request;
  actor: TActor;
  /** the operation, e.g. "POST /incidents" */
  operation: string;
  run: () => Promise<{ status: number; body: unknown }>;
}): Promise<Response> {
  const { ctx, req, actor } = opts;
  const key = req.headers.get('idempotency-key');
  if (key === null) {
    const r = await opts.run();
    return json(r.body, r.status);
  }
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new AppError('bad_request', `Idempotency-Key must be 1–${MAX_KEY_LENGTH} characters`, [{ field: 'Idempotency-Key', message: `1–${MAX_KEY_LENGTH} characters` }]);
  }
  const scope = `${callerOf(actor)} ${opts.operation}`;
  const id = { scope_key: { scope, key } };
  try {
    await ctx.prisma.idempotencyRecord.create({ data: { scope, key, status: PENDING, body: '' } });
  } catch {
    return replay(ctx, id);
  }
  let result: { status: number; body: unknown };
  try {
    result = await opts.run();
  } catch (err) {
    await ctx.prisma.idempotencyRecord.delete({ where: id }).catch(() => {});
    throw err;
  }
  if (result.status >= 400) {
    await ctx.prisma.idempotencyRecord.delete({ where: id }).catch(() => {});
  } else {
    await ctx.prisma.idempotencyRecord.update({ where: id, data: { status: result.status, body: JSON.stringify(result.body) } });
  }
  return json(result.body, result.status);
}

async function replay(ctx: TServiceContext, id: { scope_key: { scope: string; key: string } }): Promise<Response> {
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (let delay = 20; ; delay = Math.min(delay * 2, 500)) {
    const rec = await ctx.prisma.idempotencyRecord.findUnique({ where: id });
    if (rec && rec.status !== PENDING) return json(JSON.parse(rec.body), rec.status, { 'idempotent-replayed': 'true' });
    if (!rec) throw new AppError('conflict', 'the first request with this Idempotency-Key failed; retry');
    if (Date.now() > deadline) throw new AppError('conflict', 'a request with this Idempotency-Key is still in progress');
    await new Promise((r) => setTimeout(r, delay));
  }
}
