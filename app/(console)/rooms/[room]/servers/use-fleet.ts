'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys, useLiveQuery } from '@/lib/client/live-query';
import type { TDrainBody } from '@/lib/api/servers';
import { api } from '@/lib/client/api';

/** Metrics move every few seconds; the table follows without a socket message per point. */
const REFRESH_MS = 5000;

/**
 * The room's fleet with an hour of sparklines. A drain or restore anywhere
 * (the `servers:changed` push) refetches at once; a reconnect too.
 */
export function useFleetQuery(slug: string) {
  return useLiveQuery({
    queryKey: queryKeys.servers(slug),
    queryFn: () => api.servers.list({ params: { room: slug }, query: { spark: 60 } }),
    refetchInterval: REFRESH_MS,
    socket: 'session',
    join: { room: slug },
    on: { 'servers:changed': 'refetch' },
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
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.servers(slug) }),
  });
}

/** Open incidents of the room, to link a drain to. */
export function useOpenIncidents(slug: string, enabled: boolean) {
  return useQuery({
    // the same list (and cache entry) the incidents screens read
    queryKey: queryKeys.incidentList(slug, 'open'),
    enabled,
    queryFn: async () => (await api.incidents.list({ query: { status: 'open', room: slug } })).incidents,
  });
}
