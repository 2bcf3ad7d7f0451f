'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getSocket } from '@/lib/client/socket';
import { apiFetch } from '@/lib/client/use-incidents-api';
import type { TBodyOf, TResponseOf } from '@/lib/api/contract';
import type { TNightEndpoints } from '@/lib/api/night';

type TList = TResponseOf<TNightEndpoints['listHandovers']>;
type TPreview = TResponseOf<TNightEndpoints['previewBrief']>;
type THandover = TResponseOf<TNightEndpoints['createHandover']>;

const key = (slug: string) => ['room', slug, 'handovers'] as const;

/** The room's handovers and who is on duty, refetched on every push and reconnect. */
export function useHandovers(slug: string) {
  const qc = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const join = () => socket.emit('room:join', { room: slug }, () => {});
    const refetch = () => void qc.invalidateQueries({ queryKey: key(slug) });
    const onConnect = () => {
      join();
      refetch();
    };
    socket.on('handover:changed', refetch);
    socket.on('connect', onConnect);
    if (socket.connected) join();
    return () => {
      socket.off('handover:changed', refetch);
      socket.off('connect', onConnect);
    };
  }, [qc, slug]);
  return useQuery({ queryKey: key(slug), queryFn: () => apiFetch<TList>(`/api/v1/rooms/${encodeURIComponent(slug)}/handovers`) });
}

/** The brief a handover made now would carry; fetched when the lead starts one. */
export function useBriefPreview(slug: string, enabled: boolean) {
  return useQuery({ queryKey: ['room', slug, 'brief-preview'], enabled, queryFn: () => apiFetch<TPreview>(`/api/v1/rooms/${encodeURIComponent(slug)}/handovers/brief`), staleTime: 0, gcTime: 0 });
}

export function useCreateHandover(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TBodyOf<TNightEndpoints['createHandover']>) =>
      apiFetch<THandover>(`/api/v1/rooms/${encodeURIComponent(slug)}/handovers`, { method: 'POST', body, idempotencyKey: crypto.randomUUID() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(slug) }),
  });
}

export function useAcceptHandover(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, takeOwnership }: { id: string; takeOwnership: boolean }) =>
      apiFetch<THandover>(`/api/v1/rooms/${encodeURIComponent(slug)}/handovers/${encodeURIComponent(id)}/accept`, { method: 'POST', body: { takeOwnership } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(slug) }),
  });
}
