'use client';

import type { z } from 'zod';
import type { TProbe, ZProbeList } from '../api/signals';
import { api } from './api';
import { queryKeys, useLiveQuery } from './live-query';
import type { TClientSocket } from './socket';

/** A room's probes as the API answers and the pushes keep them. */
export type TProbeList = z.infer<typeof ZProbeList>;

/** Applies one `probe:changed` push: replaces, adds or (probe null) removes it. */
export function mergeProbe(
  list: TProbeList | undefined,
  push: { roomId: string; probeId: string; probe: TProbe | null; serverTime: number },
): TProbeList | undefined {
  // A push for another room this tab also watches is not ours.
  if (!list || list.roomId !== push.roomId) return list;
  const rest = list.probes.filter((p) => p.id !== push.probeId);
  const probes = push.probe ? [...rest, push.probe].sort((a, b) => a.name.localeCompare(b.name)) : rest;
  return { roomId: list.roomId, probes, serverTime: Math.max(list.serverTime, push.serverTime) };
}

/**
 * A room's probes: read over HTTP (the display link as bearer on the wall),
 * then kept current by `probe:changed` pushes on the room's channel (joined
 * here, or the screen's join shared); read again after each connect's join.
 */
export function useProbesQuery(slug: string | undefined, token: string | null, socket: TClientSocket | null) {
  return useLiveQuery({
    queryKey: queryKeys.probes(slug),
    enabled: Boolean(slug),
    retry: 3,
    retryDelay: (n) => Math.min(1000 * 2 ** n, 10_000),
    queryFn: () => api.probes.list({ params: { room: slug! }, token }),
    socket,
    join: { room: slug },
    on: { 'probe:changed': (p, qc, key) => qc.setQueryData<TProbeList>(key, (list) => mergeProbe(list, p)) },
  });
}

/** Has the probe been checked recently enough to trust its state? Two intervals plus its timeout, on the server clock. */
export function isProbeStale(p: Pick<TProbe, 'lastCheckedAt' | 'intervalSeconds' | 'timeoutMs' | 'paused'>, serverNow: number): boolean {
  if (p.paused || !p.lastCheckedAt) return false;
  return serverNow - Date.parse(p.lastCheckedAt) > p.intervalSeconds * 2000 + p.timeoutMs + 5000;
}
