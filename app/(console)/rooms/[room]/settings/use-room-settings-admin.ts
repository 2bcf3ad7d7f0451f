'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getSocket } from '@/lib/client/socket';
import type { TRoomSettings } from '@/lib/schemas/rooms';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(json?.error?.message ?? `request failed (${res.status})`, json?.error?.details ?? []);
  return json as T;
}

const key = (slug: string) => ['room', slug, 'settings-admin'] as const;

/** The room's settings for the settings page, refetched when anyone changes the room. */
export function useRoomSettingsQuery(slug: string) {
  const qc = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const refetch = () => void qc.invalidateQueries({ queryKey: key(slug) });
    socket.on('room:changed', refetch);
    socket.on('connect', () => void socket.emit('room:join', { room: slug }, () => {}));
    if (socket.connected) socket.emit('room:join', { room: slug }, () => {});
    return () => {
      socket.off('room:changed', refetch);
    };
  }, [qc, slug]);
  return useQuery({ queryKey: key(slug), queryFn: () => call<TRoomSettings>('GET', `/api/v1/rooms/${slug}/settings`) });
}

/** One write against the room's settings API; refreshes the settings after it. */
export function useRoomSettingsMutation(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: string; path: string; body?: unknown }) => call<unknown>(method, `/api/v1/rooms/${slug}/${path}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(slug) }),
  });
}
