'use client';

import type { TChannelHealth } from '../api/notifications';
import { api } from './api';
import { queryKeys, useLiveQuery } from './live-query';
import type { TClientSocket } from './socket';
import { noteServerTime } from './use-server-now';

/** Without pushes (a socket down) the list is read again now and then; the ages tick on the client meanwhile. */
const REFRESH_MS = 60_000;

/**
 * The room's notification channels that cannot reach people: read over HTTP
 * (the display link as bearer on the wall), replaced whole by each
 * `channels:health` push (a channel died, kept failing for 5 minutes,
 * recovered, was paused) and read again when the socket comes back.
 * `socket`: the wall's display-link socket, or 'session'.
 */
export function useChannelHealthQuery(slug: string | undefined, token: string | null, socket: TClientSocket | null | 'session') {
  return useLiveQuery({
    queryKey: queryKeys.channelHealth(slug),
    enabled: Boolean(slug),
    retry: 3,
    retryDelay: (n) => Math.min(1000 * 2 ** n, 10_000),
    refetchInterval: REFRESH_MS,
    queryFn: () => api.notifications.channelHealth({ params: { room: slug! }, token }),
    socket,
    join: { room: slug },
    on: {
      'channels:health': (p, qc, key) => {
        // A push for another room this tab also watches is not ours.
        if (p.room !== slug) return;
        noteServerTime(p.serverTime);
        qc.setQueryData<TChannelHealth>(key, { failing: p.failing, serverTime: p.serverTime });
      },
    },
  });
}
