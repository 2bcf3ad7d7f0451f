import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { forgetErrorFrames } from './forget-frames';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const KEY = ['room', 'launch', 'settings'];

/** A query whose function closes over a large object (a render's snapshot) and fails as fetch does when the server is down. */
async function failOnce(qc: QueryClient) {
  let snapshot: { history: number[] } | null = { history: new Array(100_000).fill(1) };
  const ref = new WeakRef(snapshot);
  const queryFn = ((held: { history: number[] }) => async () => {
    void held.history.length;
    throw new TypeError('Failed to fetch');
  })(snapshot);
  snapshot = null;
  await qc.fetchQuery({ queryKey: KEY, queryFn, retry: false }).catch(() => {});
  // The screen renders again: the query takes that render's function, and only the error still points at the old one.
  qc.getQueryCache()
    .find({ queryKey: KEY })!
    .setOptions({ queryKey: KEY, queryFn: async () => 0 });
  return ref;
}

async function heldAfterGc(install: boolean) {
  const qc = new QueryClient();
  const stop = install ? forgetErrorFrames(qc) : () => {};
  const ref = await failOnce(qc);
  // The error stays in the query's state, as it does on a screen until the next success.
  expect(qc.getQueryState(KEY)?.error).toBeInstanceOf(TypeError);
  await new Promise((r) => setTimeout(r, 0));
  gc();
  gc();
  const held = ref.deref() !== undefined;
  stop();
  qc.clear();
  return held;
}

describe('forgetErrorFrames', () => {
  it('a failed query keeps its error, not the scope its query function closed over', async () => {
    expect(await heldAfterGc(true)).toBe(false);
  });

  it('without it, the error’s unread stack keeps that scope alive (what the soak found)', async () => {
    expect(await heldAfterGc(false)).toBe(true);
  });
});
