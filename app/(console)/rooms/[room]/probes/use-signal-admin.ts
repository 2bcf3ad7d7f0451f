'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/use-incidents-api';
import { probesKey } from '@/lib/client/use-probes';
import type { TRule } from '@/lib/schemas/signals';

export const rulesKey = (slug: string) => ['room', slug, 'rules'] as const;

/** The room's alert rules; refetched after every change made here. */
export function useRulesQuery(slug: string) {
  return useQuery({ queryKey: rulesKey(slug), queryFn: () => apiFetch<{ rules: TRule[] }>(`/api/v1/rooms/${encodeURIComponent(slug)}/rules`) });
}

/** One write to probes or rules (POST, PATCH, DELETE), then a refetch of both lists. */
export function useSignalAdmin(slug: string, what: 'probes' | 'rules') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { method: 'POST' | 'PATCH' | 'DELETE'; id?: string; body?: unknown }) =>
      apiFetch<unknown>(`/api/v1/rooms/${encodeURIComponent(slug)}/${what}${v.id ? `/${encodeURIComponent(v.id)}` : ''}`, {
        method: v.method,
        body: v.body,
        idempotencyKey: v.method === 'POST' ? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}` : undefined,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: what === 'probes' ? probesKey(slug) : rulesKey(slug) });
    },
  });
}
