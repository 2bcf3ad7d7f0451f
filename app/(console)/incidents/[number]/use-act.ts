'use client';

import { useState } from 'react';
import { useIncidentActionMutation, type TIncidentActionVars } from '@/lib/client/use-incidents-actions';
import { ApiError, errorText } from '@/lib/client/api';

/** Runs incident actions and keeps the last failure in words a person can act on. */
export function useAct(room: string | undefined) {
  const m = useIncidentActionMutation(room);
  const [error, setError] = useState<string | null>(null);
  async function act(v: TIncidentActionVars): Promise<boolean> {
    setError(null);
    try {
      await m.mutateAsync(v);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'stale_version') setError('Someone changed this incident meanwhile; the screen now shows their change. Try again if still needed.');
      else setError(errorText(err));
      return false;
    }
  }
  return { act, error, pending: m.isPending, clear: () => setError(null) };
}
