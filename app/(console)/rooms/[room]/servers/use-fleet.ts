'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getSocket } from '@/lib/client/socket';
import type { TDrainBody } from '@/lib/api/servers';
import { api } from '@/lib/client/api';

const fleetKey = (slug: string) => ['room', slug, 'servers'] as const;
/** Metrics move every few seconds; the table follows without a socket message per point. */
const REFRESH_MS = 5000;

/**
 * The room's fleet with an hour of sparklines. A drain or restore anywhere
 * (the `servers:changed` push) refetches at once; a reconnect too.
 */
export function useFleetQuery(slug: string) {
  const qc = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const join = () => void socket.emit('room:join', { room: slug }, () => {});
    const refetch = () => void qc.invalidateQueries({ queryKey: fleetKey(slug) });
    const onConnect = () => {
      join();
      refetch();
    };
    socket.on('servers:changed', refetch);
    socket.on('connect', onConnect);
    if (socket.connected) join();
    return () => {
      socket.off('servers:changed', refetch);
      socket.off('connect', onConnect);
    };
  }, [qc, slug]);
  return useQuery({
    queryKey: fleetKey(slug),
    queryFn: () => api.servers.list({ params: { room: slug }, query: { spark: 60 } }),
    refetchInterval: REFRESH_MS,
  });
}

/** Drain or restore one server (lead+). */
export function useDrainMutation(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { name: string; action: 'drain' | 'restore'; body: TDrainBody }) =>
      v.action === 'drain'
        ? api.servers.drain({
            params: { room: slug, name: v.name },
            body: v.body,
          })
        : api.servers.restore({
            params: { room: slug, name: v.name },
            body: v.body,
          }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: fleetKey(slug) }),
  });
}

/** Open incidents of the room, to link a drain to. */
export function useOpenIncidents(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: ['room', slug, 'incidents', 'open-for-drain'],
    enabled,
    queryFn: async () => (await api.incidents.list({ query: { status: 'open', room: slug } })).incidents,
  });
}
