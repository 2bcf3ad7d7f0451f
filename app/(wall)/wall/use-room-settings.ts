'use client';

import type { TClientSocket } from '@/lib/client/socket';
import { api } from '@/lib/client/api';
import { queryKeys, useLiveQuery } from '@/lib/client/live-query';

/**
 * The room's settings (safety lines above all, for the health strip), read
 * over HTTP and refetched whenever the room changes or the socket comes back.
 */
export function useRoomSettings(slug: string | undefined, displayKey: string | null, socket: TClientSocket | null) {
  const query = useLiveQuery({
    queryKey: queryKeys.roomSettings(slug),
    enabled: Boolean(slug),
    retry: 3,
    retryDelay: (n) => Math.min(1000 * 2 ** n, 10_000),
    queryFn: () => api.rooms.settings({ params: { room: slug! }, token: displayKey }),
    socket,
    join: { room: slug },
    on: { 'room:changed': 'refetch' },
  });
  return query.data;
}
