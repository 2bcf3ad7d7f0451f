'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys, useLiveQuery } from '@/lib/client/live-query';
import { api } from '@/lib/client/api';
import type { TBodyOf } from '@/lib/api/contract';
import type { NIGHT } from '@/lib/api/night';

/** The room's handovers and who is on duty, refetched on every push and reconnect. */
export function useHandovers(slug: string) {
  return useLiveQuery({
    queryKey: queryKeys.handovers(slug),
    queryFn: () => api.night.listHandovers({ params: { room: slug } }),
    socket: 'session',
    join: { room: slug },
    on: { 'handover:changed': 'refetch' },
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
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.handovers(slug) }),
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
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.handovers(slug) }),
  });
}
