'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { TIncidentDto } from '../api/incidents';
import type { TIncidentEntryDto } from '../api/incident-timeline';
import { queryKeys, useLiveQuery } from './live-query';
import { useTabSocket } from './use-connection';

export interface TEscalationAlert {
  incident: TIncidentDto;
  entry: TIncidentEntryDto;
}

const NONE: TEscalationAlert[] = [];

/**
 * Escalations addressed to the signed-in lead, pushed on their own channel
 * (user:<id>) whatever room or page they have open. Newest first (at most
 * five); dismissable. Push-only: nothing to read over HTTP or again after a
 * reconnect, and forgotten when no banner shows them.
 */
export function useEscalationAlerts(token: string | null = null) {
  const qc = useQueryClient();
  const socket = useTabSocket(token);
  const key = queryKeys.escalations();
  const { data } = useLiveQuery({
    queryKey: key,
    queryFn: () => qc.getQueryData<TEscalationAlert[]>(key) ?? NONE,
    initialData: NONE,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    socket,
    refetchOnConnect: 'never',
    on: {
      'incident:escalated': (a, qc, key) =>
        qc.setQueryData<TEscalationAlert[]>(key, (prev = NONE) =>
          prev.some((p) => p.entry.id === a.entry.id) ? prev : [a, ...prev].slice(0, 5),
        ),
    },
  });
  return {
    alerts: data ?? NONE,
    dismiss: (entryId: string) => qc.setQueryData<TEscalationAlert[]>(key, (prev = NONE) => prev.filter((a) => a.entry.id !== entryId)),
  };
}
