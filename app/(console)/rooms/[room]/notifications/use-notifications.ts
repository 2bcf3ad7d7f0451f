'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TBodyOf } from '@/lib/api/contract';
import type { notificationsApi, TDeliveryState } from '@/lib/api/notifications';
import { api } from '@/lib/client/api';
import { newIdempotencyKey } from '@/lib/client/use-incidents-actions';
import { queryKeys, useLiveQuery } from '@/lib/client/live-query';

/**
 * Deliveries are written by the outbox worker, which pushes nothing to
 * screens: the page asks again every few seconds while it is shown (and at
 * once after a reconnect or a change made here), and says how old its answer is.
 */
const POLL_MS = 3000;

/** The room's channels with their health (lead+). */
export function useChannelsQuery(slug: string) {
  return useLiveQuery({
    queryKey: queryKeys.channels(slug),
    queryFn: () => api.notifications.listChannels({ params: { room: slug } }),
    socket: 'session',
    on: {},
    refetchInterval: POLL_MS,
  });
}

/** The delivery log, newest first, optionally only one state. */
export function useDeliveriesQuery(slug: string, state: TDeliveryState | null) {
  return useLiveQuery({
    queryKey: [...queryKeys.deliveries(slug), state ?? 'all'],
    queryFn: () => api.notifications.listDeliveries({ params: { room: slug }, query: { state: state ?? undefined, limit: 100 } }),
    socket: 'session',
    on: {},
    refetchInterval: POLL_MS,
  });
}

/** One write a lead makes on the notifications page, typed by its contract. */
export type TNotifyWrite =
  | { op: 'create'; body: TBodyOf<typeof notificationsApi.createChannel> }
  | { op: 'update'; id: string; body: TBodyOf<typeof notificationsApi.updateChannel> }
  | { op: 'remove'; id: string }
  | { op: 'test'; id: string }
  | { op: 'retry'; id: string };

function write(room: string, w: TNotifyWrite): Promise<unknown> {
  switch (w.op) {
    case 'create':
      return api.notifications.createChannel({ params: { room }, body: w.body, idempotencyKey: newIdempotencyKey() });
    case 'update':
      return api.notifications.updateChannel({ params: { room, id: w.id }, body: w.body });
    case 'remove':
      return api.notifications.removeChannel({ params: { room, id: w.id } });
    case 'test':
      return api.notifications.testChannel({ params: { room, id: w.id } }).then((r) => r.delivery);
    case 'retry':
      return api.notifications.retryDelivery({ params: { room, id: w.id } }).then((r) => r.delivery);
  }
}

/** One write against the channels or deliveries API; both lists are asked again after it. */
export function useNotifyWrite(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (w: TNotifyWrite) => write(slug, w),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.channels(slug) });
      void qc.invalidateQueries({ queryKey: queryKeys.deliveries(slug) });
    },
  });
}
