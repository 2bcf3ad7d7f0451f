import type { QueryClient } from '@tanstack/react-query';

/** Reads an error's stack once: V8 then keeps the text and lets go of the frames it was thrown through. */
function format(err: unknown): void {
  if (err instanceof Error) void err.stack;
}

/**
 * Every error a query or mutation fails with has its stack read as it lands
 * in the cache. Until an error's stack is read, V8 keeps each frame's
 * function, and so the scope that function closed over: a query function
 * made in a screen's render holds that render's whole scope. The wall soak's
 * heap snapshots found a fetch's TypeError, thrown during a restart and
 * kept in a query's state, holding an old render's snapshot (a day of
 * history) through the query function in its stack.
 */
export function forgetErrorFrames(qc: QueryClient): () => void {
  const queries = qc.getQueryCache().subscribe((e) => {
    if (e.type !== 'updated') return;
    format(e.query.state.error);
    format(e.query.state.fetchFailureReason);
  });
  const mutations = qc.getMutationCache().subscribe((e) => {
    if (e.type !== 'updated') return;
    format(e.mutation.state.error);
    format(e.mutation.state.failureReason);
  });
  return () => {
    queries();
    mutations();
  };
}
