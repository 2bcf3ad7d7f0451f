'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TClientSocket } from '@/lib/client/socket';
import { api } from '@/lib/client/api';

const roomSettingsKey = (slug: string | undefined) => ['room', slug ?? '(default)', 'settings'] as const;

/**
 * The room's settings (safety lines above all, for the health strip), read
 * over HTTP and refetched whenever the room changes or the socket comes back.
 */
export function useRoomSettings(slug: string | undefined, displayKey: string | null, socket: TClientSocket | null) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: roomSettingsKey(slug),
    enabled: Boolean(slug),
    retry: 3,
    retryDelay: (n) => Math.min(1000 * 2 ** n, 10_000),
    queryFn: () => api.rooms.settings({ params: { room: slug! }, token: displayKey }),
  });
  useEffect(() => {
    if (!socket) return;
    const refetch = () => void qc.invalidateQueries({ queryKey: roomSettingsKey(slug) });
    socket.on('room:changed', refetch);
    socket.on('connect', refetch);
    return () => {
      socket.off('room:changed', refetch);
      socket.off('connect', refetch);
    };
  }, [socket, qc, slug]);
  return query.data;
}
