'use client';

import { api } from './api';
import { queryKeys, useLiveQuery } from './live-query';
import type { TClientSocket } from './socket';

/** Without pushes (a socket down) the headroom still moves on; ages tick on the client meanwhile. */
const REFRESH_MS = 30_000;

/**
 * The room's capacity headroom: read over HTTP (the display link as bearer on
 * the wall), refetched on each evaluation the server announces
 * (`capacity:changed`: a rollup passed, a server drained, the model changed)
 * and after each connect's join of the room (joined here, or the screen's join shared).
 */
export function useCapacityQuery(slug: string | undefined, token: string | null, socket: TClientSocket | null) {
  return useLiveQuery({
    queryKey: queryKeys.capacity(slug),
    enabled: Boolean(slug),
    retry: 3,
    refetchInterval: REFRESH_MS,
    queryFn: () => api.capacity.get({ params: { room: slug! }, token }),
    socket,
    join: { room: slug },
    on: { 'capacity:changed': 'refetch' },
  });
}
