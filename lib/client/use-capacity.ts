'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CAPACITY } from '../api/capacity';
import { call } from './api';
import type { TClientSocket } from './socket';

const capacityKey = (slug: string | undefined) => ['room', slug ?? '(default)', 'capacity'] as const;
/** Without pushes (a socket down) the headroom still moves on; ages tick on the client meanwhile. */
const REFRESH_MS = 30_000;

/**
 * The room's capacity headroom: read over HTTP (the display link as bearer on
 * the wall), refetched on each evaluation the server announces
 * (`capacity:changed`: a rollup passed, a server drained, the model changed)
 * and when the socket comes back. The socket must have joined the room.
 */
export function useCapacityQuery(slug: string | undefined, token: string | null, socket: TClientSocket | null) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!socket || !slug) return;
    const refetch = () => void qc.invalidateQueries({ queryKey: capacityKey(slug) });
    socket.on('capacity:changed', refetch);
    socket.on('connect', refetch);
    return () => {
      socket.off('capacity:changed', refetch);
      socket.off('connect', refetch);
    };
  }, [socket, qc, slug]);
  return useQuery({
    queryKey: capacityKey(slug),
    enabled: Boolean(slug),
    retry: 3,
    refetchInterval: REFRESH_MS,
    queryFn: () => call<typeof CAPACITY.get>('GET', '/api/v1/rooms/{room}/capacity', { params: { room: slug! }, token }),
  });
}
