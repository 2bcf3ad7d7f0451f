import { replaceEqualDeep } from '@tanstack/react-query';

/** Answers a query function gave, until the cache has taken them over (`handOver`). */
const answers = new WeakSet<object>();

/** Marks what a query function answers (a `room:join` snapshot) as its own, for `handOver` to take. */
export function answered<T extends object>(data: T): T {
  answers.add(data);
  return data;
}

/**
 * TanStack Query's `structuralSharing` for a query whose answers are large
 * (a room's snapshot: a day of history). The cache keeps a copy of a marked
 * answer, and the answer keeps nothing: TanStack holds each finished fetch's
 * answer in the fetch's closure, and Chromium's V8 keeps one earlier fetch's
 * closure reachable after the cache has moved past it (through the hidden
 * class of the fetch context's `signal` getter). The wall soak's heap
 * snapshots found a day of history from an earlier join held that way,
 * beside the one on screen, on one week and not the next. Anything not marked
 * (a push merged in, the page's own snapshot) is shared structurally, as
 * TanStack does by default; an answer is taken over once.
 */
export function handOver(prev: unknown, next: unknown): unknown {
  if (typeof next !== 'object' || next === null || !answers.has(next) || Object.getPrototypeOf(next) !== Object.prototype)
    return replaceEqualDeep(prev, next);
  answers.delete(next);
  const kept = replaceEqualDeep(prev, { ...next });
  for (const key of Object.keys(next)) delete (next as Record<string, unknown>)[key];
  return kept;
}
