'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import type { TProbe, ZProbeList } from '../api/signals';
import type { probesApi } from '../api/probes';
import { call } from './api';
import type { TClientSocket } from './socket';

/** A room's probes as the API answers and the pushes keep them. */
export type TProbeList = z.infer<typeof ZProbeList>;

export const probesKey = (slug: string | undefined) => ['room', slug ?? '(default)', 'probes'] as const;

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
 * then kept current by `probe:changed` pushes on the room's channel (the
 * socket must have joined the room); refetched whenever the socket comes back.
 */
export function useProbesQuery(slug: string | undefined, token: string | null, socket: TClientSocket | null) {
  const qc = useQueryClient();
  const key = probesKey(slug);
  const query = useQuery({
    queryKey: key,
    enabled: Boolean(slug),
    retry: 3,
    retryDelay: (n) => Math.min(1000 * 2 ** n, 10_000),
    queryFn: () => call<typeof probesApi.list>('GET', '/api/v1/rooms/{room}/probes', { params: { room: slug! }, token }),
  });
  useEffect(() => {
    if (!socket || !slug) return;
    const k = probesKey(slug);
    const onChanged = (p: { roomId: string; probeId: string; probe: TProbe | null; serverTime: number }) => {
      qc.setQueryData<TProbeList>(k, (list) => mergeProbe(list, p));
    };
    const refetch = () => void qc.invalidateQueries({ queryKey: k });
    socket.on('probe:changed', onChanged);
    socket.on('connect', refetch);
    return () => {
      socket.off('probe:changed', onChanged);
      socket.off('connect', refetch);
    };
  }, [socket, qc, slug]);
  return query;
}

/** Has the probe been checked recently enough to trust its state? Two intervals plus its timeout, on the server clock. */
export function isProbeStale(p: Pick<TProbe, 'lastCheckedAt' | 'intervalSeconds' | 'timeoutMs' | 'paused'>, serverNow: number): boolean {
  if (p.paused || !p.lastCheckedAt) return false;
  return serverNow - Date.parse(p.lastCheckedAt) > p.intervalSeconds * 2000 + p.timeoutMs + 5000;
}
