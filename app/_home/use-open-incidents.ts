'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getSocket } from '@/lib/client/socket';
import { roomLiveKey } from '@/lib/client/use-room-live';
import type { TIncidentDto } from '@/lib/schemas/incidents';

export const openIncidentsKey = (slug: string | undefined) => ['incidents', slug ?? '(default)', 'open', 'home'] as const;

/**
 * The room's open incidents over HTTP, refetched when any incident in the
 * room changes (`incident:changed` on the room channel that useRoomLive
 * joined) and after every successful room join — the first one and each one
 * after a reconnect — so a phone waking from sleep catches up without a
 * reload, and nothing that changed between the join and the fetch is missed.
 */
export function useOpenIncidents(slug: string | undefined) {
  const qc = useQueryClient();
  const key = openIncidentsKey(slug);
  const query = useQuery({
    queryKey: key,
    enabled: slug !== undefined,
    retry: (n, err) => n < 3 && !/^(401|403)/.test(err.message),
    queryFn: async ({ signal }) => {
      const res = await fetch(`/api/v1/incidents?status=open&room=${encodeURIComponent(slug!)}`, { signal, credentials: 'same-origin' });
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      const body = (await res.json()) as TIncidentDto[] | { incidents: TIncidentDto[] };
      return Array.isArray(body) ? body : body.incidents;
    },
  });

  useEffect(() => {
    if (slug === undefined) return;
    const refetch = () => void qc.invalidateQueries({ queryKey: key });
    const socket = getSocket();
    socket.on('incident:changed', refetch);
    const roomKey = JSON.stringify(roomLiveKey(undefined));
    // A fetched snapshot (not a merged push, which is "manual") means the socket has just joined the room.
    const unsubscribe = qc.getQueryCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'success' && !e.action.manual && JSON.stringify(e.query.queryKey) === roomKey) refetch();
    });
    return () => {
      socket.off('incident:changed', refetch);
      unsubscribe();
    };
    // key is derived from slug
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [qc, slug]);

  return { data: query.data, error: query.error ? `incidents: ${query.error.message}` : null };
}
