'use client';

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/client/api';

/** The report for a window (null times: the server's default, the last 24 hours); a display link's key reads it too. */
export function useReport(slug: string, from: string | null, to: string | null, displayKey: string | null) {
  return useQuery({
    queryKey: ['room', slug, 'report', from, to],
    queryFn: () =>
      api.night.report({
        params: { room: slug },
        query: { from: from ?? undefined, to: to ?? undefined },
        token: displayKey,
      }),
    retry: 1,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
