'use client';

import { useMemo } from 'react';
import { queryKeys, useLiveQuery } from '@/lib/client/live-query';
import type { TClientSocket } from '@/lib/client/socket';
import { api } from '@/lib/client/api';
import type { TDrainInfo } from '@/lib/fleet/judge';

/**
 * The room's drained servers, for the wall's strip: read once over HTTP,
 * then kept by the `servers:changed` push (which carries the whole drained
 * list) and refetched when the socket comes back.
 */
export function useWallDrains(slug: string | undefined, displayKey: string | null, socket: TClientSocket | null): Map<string, TDrainInfo> {
  const query = useLiveQuery({
    queryKey: queryKeys.drains(slug),
    enabled: Boolean(slug),
    retry: 3,
    retryDelay: (n) => Math.min(1000 * 2 ** n, 10_000),
    queryFn: async () => {
      const res = await api.servers.list({ params: { room: slug! }, token: displayKey });
      return Object.fromEntries(res.servers.filter((s) => s.drain).map((s) => [s.name, s.drain!])) as Record<string, TDrainInfo>;
    },
    socket,
    join: { room: slug },
    on: {
      // the push carries the whole drained list: show it at once, then refetch the details
      'servers:changed': (p, qc, key) => {
        qc.setQueryData<Record<string, TDrainInfo>>(key, (old) => {
          const next: Record<string, TDrainInfo> = {};
          for (const name of p.drained)
            next[name] = old?.[name] ?? { drainedAt: new Date().toISOString(), drainedBy: '', reason: null, incident: null };
          return next;
        });
        void qc.invalidateQueries({ queryKey: key });
      },
    },
  });
  const data = query.data;
  return useMemo(() => new Map(Object.entries(data ?? {})), [data]);
}
