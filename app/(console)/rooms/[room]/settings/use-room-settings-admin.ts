'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TBodyOf } from '@/lib/api/contract';
import type { ROOMS } from '@/lib/api/rooms';
import { api } from '@/lib/client/api';
import { queryKeys, useLiveQuery } from '@/lib/client/live-query';

/** The room's settings for the settings page (the wall's cache entry too), refetched when anyone changes the room. */
export function useRoomSettingsQuery(slug: string) {
  return useLiveQuery({
    queryKey: queryKeys.roomSettings(slug),
    queryFn: () => api.rooms.settings({ params: { room: slug } }),
    socket: 'session',
    join: { room: slug },
    on: { 'room:changed': 'refetch' },
  });
}

/** One write a lead makes on the settings page, typed by its contract. */
export type TRoomWrite =
  | { op: 'settings'; body: TBodyOf<typeof ROOMS.updateSettings> }
  | { op: 'addAnnotation'; body: TBodyOf<typeof ROOMS.addAnnotation> }
  | { op: 'removeAnnotation'; id: string }
  | { op: 'addMilestone'; body: TBodyOf<typeof ROOMS.addMilestone> }
  | { op: 'removeMilestone'; id: string }
  | { op: 'setSafetyLine'; body: TBodyOf<typeof ROOMS.setSafetyLine> }
  | { op: 'removeSafetyLine'; id: string };

function write(room: string, w: TRoomWrite): Promise<unknown> {
  switch (w.op) {
    case 'settings':
      return api.rooms.updateSettings({ params: { room }, body: w.body });
    case 'addAnnotation':
      return api.rooms.addAnnotation({ params: { room }, body: w.body });
    case 'removeAnnotation':
      return api.rooms.removeAnnotation({ params: { room, id: w.id } });
    case 'addMilestone':
      return api.rooms.addMilestone({ params: { room }, body: w.body });
    case 'removeMilestone':
      return api.rooms.removeMilestone({ params: { room, id: w.id } });
    case 'setSafetyLine':
      return api.rooms.setSafetyLine({ params: { room }, body: w.body });
    case 'removeSafetyLine':
      return api.rooms.removeSafetyLine({ params: { room, id: w.id } });
  }
}

/** One write against the room's settings API; refreshes the settings after it. */
export function useRoomSettingsMutation(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (w: TRoomWrite) => write(slug, w),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.roomSettings(slug) }),
  });
}
