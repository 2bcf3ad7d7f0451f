'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { TClientSocket } from '@/lib/client/socket';
import { api } from '@/lib/client/api';
import type { TDrainInfo } from '@/lib/fleet/judge';

const wallDrainsKey = (slug: string | undefined) => ['room', slug ?? '(default)', 'drains'] as const;

/**
 * The room's drained servers, for the wall's strip: read once over HTTP,
 * then kept by the `servers:changed` push (which carries the whole drained
 * list) and refetched when the socket comes back.
 */
export function useWallDrains(slug: string | undefined, displayKey: string | null, socket: TClientSocket | null): Map<string, TDrainInfo> {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: wallDrainsKey(slug),
    enabled: Boolean(slug),
    retry: 3,
    retryDelay: (n) => Math.min(1000 * 2 ** n, 10_000),
    queryFn: async () => {
      const res = await api.servers.list({ params: { room: slug! }, token: displayKey });
      return Object.fromEntries(res.servers.filter((s) => s.drain).map((s) => [s.name, s.drain!])) as Record<string, TDrainInfo>;
    },
  });
  useEffect(() => {
    if (!socket) return;
    const onChanged = (p: { server: string; drained: string[] }) => {
      qc.setQueryData<Record<string, TDrainInfo>>(wallDrainsKey(slug), (old) => {
        const next: Record<string, TDrainInfo> = {};
        for (const name of p.drained)
          next[name] = old?.[name] ?? { drainedAt: new Date().toISOString(), drainedBy: '', reason: null, incident: null };
        return next;
      });
      void qc.invalidateQueries({ queryKey: wallDrainsKey(slug) });
    };
    const refetch = () => void qc.invalidateQueries({ queryKey: wallDrainsKey(slug) });
    socket.on('servers:changed', onChanged);
    socket.on('connect', refetch);
    return () => {
      socket.off('servers:changed', onChanged);
      socket.off('connect', refetch);
    };
  }, [socket, qc, slug]);
  const data = query.data;
  return useMemo(() => new Map(Object.entries(data ?? {})), [data]);
}
