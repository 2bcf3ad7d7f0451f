'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { probesApi } from '@/lib/api/probes';
import type { rulesApi } from '@/lib/api/rules';
import { api } from '@/lib/client/api';
import { newIdempotencyKey } from '@/lib/client/use-incidents-actions';
import { queryKeys } from '@/lib/client/live-query';
import type { TBodyOf } from '@/lib/api/contract';

/** The room's alert rules; refetched after every change made here. */
export function useRulesQuery(slug: string) {
  return useQuery({
    queryKey: queryKeys.rules(slug),
    queryFn: () => api.rules.list({ params: { room: slug } }),
  });
}

/** One write to probes or rules, typed by its contract. */
export type TSignalWrite =
  | { method: 'POST'; body: TBodyOf<typeof probesApi.create> | TBodyOf<typeof rulesApi.create> }
  | { method: 'PATCH'; id: string; body: TBodyOf<typeof probesApi.update> | TBodyOf<typeof rulesApi.update> }
  | { method: 'DELETE'; id: string };

function write(room: string, what: 'probes' | 'rules', v: TSignalWrite): Promise<unknown> {
  if (what === 'probes') {
    if (v.method === 'POST')
      return api.probes.create({
        params: { room },
        body: v.body as TBodyOf<typeof probesApi.create>,
        idempotencyKey: newIdempotencyKey(),
      });
    if (v.method === 'PATCH')
      return api.probes.update({
        params: { room, id: v.id },
        body: v.body as TBodyOf<typeof probesApi.update>,
      });
    return api.probes.remove({ params: { room, id: v.id } });
  }
  if (v.method === 'POST')
    return api.rules.create({
      params: { room },
      body: v.body as TBodyOf<typeof rulesApi.create>,
      idempotencyKey: newIdempotencyKey(),
    });
  if (v.method === 'PATCH')
    return api.rules.update({
      params: { room, id: v.id },
      body: v.body as TBodyOf<typeof rulesApi.update>,
    });
  return api.rules.remove({ params: { room, id: v.id } });
}

/** One write to probes or rules (POST, PATCH, DELETE), then a refetch of the list. */
export function useSignalAdmin(slug: string, what: 'probes' | 'rules') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: TSignalWrite) => write(slug, what, v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: what === 'probes' ? queryKeys.probes(slug) : queryKeys.rules(slug) });
    },
  });
}
