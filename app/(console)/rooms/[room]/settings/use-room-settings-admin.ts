'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TBodyOf } from '@/lib/api/contract';
import type { ROOMS } from '@/lib/api/rooms';
import { call } from '@/lib/client/api';
import { getSocket } from '@/lib/client/socket';

const key = (slug: string) => ['room', slug, 'settings-admin'] as const;

/** The room's settings for the settings page, refetched when anyone changes the room. */
export function useRoomSettingsQuery(slug: string) {
  const qc = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const refetch = () => void qc.invalidateQueries({ queryKey: key(slug) });
    const join = () => void socket.emit('room:join', { room: slug }, () => {});
    socket.on('room:changed', refetch);
    socket.on('connect', join);
    if (socket.connected) join();
    return () => {
      socket.off('room:changed', refetch);
      socket.off('connect', join);
    };
  }, [qc, slug]);
  return useQuery({
    queryKey: key(slug),
    queryFn: () => call<typeof ROOMS.settings>('GET', '/api/v1/rooms/{room}/settings', { params: { room: slug } }),
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
      return call<typeof ROOMS.updateSettings>('PATCH', '/api/v1/rooms/{room}/settings', { params: { room }, body: w.body });
    case 'addAnnotation':
      return call<typeof ROOMS.addAnnotation>('POST', '/api/v1/rooms/{room}/annotations', { params: { room }, body: w.body });
    case 'removeAnnotation':
      return call<typeof ROOMS.removeAnnotation>('DELETE', '/api/v1/rooms/{room}/annotations/{id}', { params: { room, id: w.id } });
    case 'addMilestone':
      return call<typeof ROOMS.addMilestone>('POST', '/api/v1/rooms/{room}/milestones', { params: { room }, body: w.body });
    case 'removeMilestone':
      return call<typeof ROOMS.removeMilestone>('DELETE', '/api/v1/rooms/{room}/milestones/{id}', { params: { room, id: w.id } });
    case 'setSafetyLine':
      return call<typeof ROOMS.setSafetyLine>('PUT', '/api/v1/rooms/{room}/safety-lines', { params: { room }, body: w.body });
    case 'removeSafetyLine':
      return call<typeof ROOMS.removeSafetyLine>('DELETE', '/api/v1/rooms/{room}/safety-lines/{id}', { params: { room, id: w.id } });
  }
}

/** One write against the room's settings API; refreshes the settings after it. */
export function useRoomSettingsMutation(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (w: TRoomWrite) => write(slug, w),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(slug) }),
  });
}
