'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { getSocket } from '@/lib/client/socket';
import type { TConnection } from '@/lib/client/use-room-live';
import type { TIncidentDto } from '@/lib/schemas/incidents';

/**
 * The room's open incidents over HTTP, refetched when any incident in the
 * room changes (`incident:changed` arrives on the room channel that
 * useRoomLive joined) and whenever the socket comes back after a drop —
 * a phone waking from sleep catches up without a reload.
 */
export function useOpenIncidents(slug: string | undefined, connection: TConnection) {
  const qc = useQueryClient();
  const key = ['incidents', slug ?? '(default)', 'open', 'home'] as const;
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
    const socket = getSocket();
    const onChanged = () => void qc.invalidateQueries({ queryKey: key });
    socket.on('incident:changed', onChanged);
    return () => {
      socket.off('incident:changed', onChanged);
    };
    // key is derived from slug
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [qc, slug]);

  // Back to live after a drop: whatever changed meanwhile was not pushed to us.
  const prev = useRef(connection);
  useEffect(() => {
    if (connection === 'live' && prev.current !== 'live' && prev.current !== 'connecting') void qc.invalidateQueries({ queryKey: key });
    prev.current = connection;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connection, qc, slug]);

  return { data: query.data, error: query.error ? `incidents: ${query.error.message}` : null };
}
