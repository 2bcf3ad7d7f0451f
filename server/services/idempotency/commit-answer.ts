import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '../../errors';
import type { TTx } from '../../db/client';

/** A placeholder row: the request holding its lease is still running. */
const PENDING = 0;

/** What a service's transaction made, for the answer written with it. */
export interface TEffectRef {
  incidentId: string;
  /** what the transaction's own function returned (e.g. the new entry's id) */
  result: unknown;
}

/** Builds the answer from inside the effect's transaction. */
export type TAnswerInTx = (tx: TTx, ref: TEffectRef) => Promise<unknown>;

export interface TClaim {
  scope: string;
  key: string;
  token: string;
  status: number;
  answer: TAnswerInTx;
  committed?: { body: unknown };
  closed?: boolean;
}

// One store for both module graphs (Next's bundle and tsx's), like the runtime.
const STORE_KEY = Symbol.for('warroom.idempotency');
const shared = globalThis as Record<symbol, unknown>;
if (!shared[STORE_KEY]) shared[STORE_KEY] = new AsyncLocalStorage<TClaim>();
export const claims = shared[STORE_KEY] as AsyncLocalStorage<TClaim>;

/**
 * Called by a service at the end of its transaction (runIncidentChange,
 * createIncident). When the request holds an Idempotency-Key, the answer is
 * written in the same transaction as the effect — so after a crash the key
 * holds either nothing (the effect rolled back) or the effect and its answer.
 * The write is fenced by the lease token: if the lease ran out and a retry took
 * the key over, this transaction rolls back instead of making a second effect.
 */
export async function commitIdempotentAnswer(tx: TTx, ref: TEffectRef): Promise<void> {
  const c = claims.getStore();
  if (!c || c.closed || c.committed) return;
  const body = await c.answer(tx, ref);
  const done = await tx.idempotencyRecord.updateMany({
    where: { scope: c.scope, key: c.key, leaseToken: c.token, status: PENDING },
    data: { status: c.status, body: JSON.stringify(body), leaseUntil: null },
  });
  if (done.count !== 1)
    throw new AppError('conflict', 'this Idempotency-Key was taken over after its lease ran out; retry with it to get its answer');
  c.committed = { body };
}
