'use client';

import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/use-incidents-api';
import type { TReport } from '@/lib/schemas/night';

/** The report for a window (null times: the server's default, the last 24 hours). */
export function useReport(slug: string, from: string | null, to: string | null, displayKey: string | null) {
  return useQuery({
    queryKey: ['room', slug, 'report', from, to],
    queryFn: () => {
      const q = new URLSearchParams();
      if (from) q.set('from', from);
      if (to) q.set('to', to);
      return apiFetch<TReport>(`/api/v1/rooms/${encodeURIComponent(slug)}/report${q.size ? `?${q}` : ''}`, { token: displayKey });
    },
    retry: 1,
    staleTime: Infinity,
  });
}
