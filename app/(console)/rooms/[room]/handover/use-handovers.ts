'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getSocket } from '@/lib/client/socket';
import { api } from '@/lib/client/api';
import type { TBodyOf } from '@/lib/api/contract';
import type { NIGHT } from '@/lib/api/night';

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
  return useQuery({
    queryKey: key(slug),
    queryFn: () => api.night.listHandovers({ params: { room: slug } }),
  });
}

/** The brief a handover made now would carry; fetched when the lead starts one. */
export function useBriefPreview(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: ['room', slug, 'brief-preview'],
    enabled,
    queryFn: () => api.night.previewBrief({ params: { room: slug } }),
    staleTime: 0,
    gcTime: 0,
  });
}

export function useCreateHandover(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TBodyOf<typeof NIGHT.createHandover>) =>
      api.night.createHandover({
        params: { room: slug },
        body,
        idempotencyKey: crypto.randomUUID(),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(slug) }),
  });
}

export function useAcceptHandover(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, takeOwnership }: { id: string; takeOwnership: boolean }) =>
      api.night.acceptHandover({
        params: { room: slug, id },
        body: { takeOwnership },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(slug) }),
  });
}
