'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TClientSocket } from '@/lib/client/socket';
import type { TWallIncident } from './incidents-panel';
import { fetchWithKey } from './use-room-settings';

const key = (slug: string | undefined) => ['room', slug ?? '(default)', 'wall-incidents'] as const;

/**
 * The room's open incidents over HTTP (display link as bearer), refetched on
 * every `incident:changed` push and on reconnect, so the wall catches up.
 */
export function useWallIncidents(slug: string | undefined, displayKey: string | null, socket: TClientSocket | null) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: key(slug),
    enabled: Boolean(slug),
    retry: 3,
    retryDelay: (n) => Math.min(1000 * 2 ** n, 10_000),
    queryFn: async () => {
      const body = await fetchWithKey<{ incidents?: TWallIncident[] } | TWallIncident[]>(`/api/v1/incidents?status=open&room=${encodeURIComponent(slug!)}`, displayKey);
      return Array.isArray(body) ? body : (body.incidents ?? []);
    },
  });
  useEffect(() => {
    if (!socket) return;
    const refetch = () => void qc.invalidateQueries({ queryKey: key(slug) });
    socket.on('incident:changed', refetch);
    socket.on('connect', refetch);
    return () => {
      socket.off('incident:changed', refetch);
      socket.off('connect', refetch);
    };
  }, [socket, qc, slug]);
  return query.data;
}
