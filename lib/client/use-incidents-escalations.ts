'use client';

import { useEffect, useMemo, useState } from 'react';
import type { TIncidentDto } from '../api/incidents';
import type { TIncidentEntryDto } from '../api/incident-timeline';
import { getSocket } from './socket';

export interface TEscalationAlert {
  incident: TIncidentDto;
  entry: TIncidentEntryDto;
}

/**
 * Escalations addressed to the signed-in lead, pushed on their own channel
 * (user:<id>) whatever room or page they have open. Newest first; dismissable.
 */
export function useEscalationAlerts(token: string | null = null) {
  const socket = useMemo(() => (typeof window === 'undefined' ? null : getSocket(token)), [token]);
  const [alerts, setAlerts] = useState<TEscalationAlert[]>([]);
  useEffect(() => {
    if (!socket) return;
    const on = (a: TEscalationAlert) =>
      setAlerts((prev) => (prev.some((p) => p.entry.id === a.entry.id) ? prev : [a, ...prev].slice(0, 5)));
    socket.on('incident:escalated', on);
    return () => {
      socket.off('incident:escalated', on);
    };
  }, [socket]);
  return { alerts, dismiss: (entryId: string) => setAlerts((prev) => prev.filter((a) => a.entry.id !== entryId)) };
}
