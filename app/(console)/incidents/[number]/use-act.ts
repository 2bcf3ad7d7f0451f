'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useIncidentActionMutation, type TIncidentActionVars } from '@/lib/client/use-incidents-actions';
import { ApiError } from '@/lib/client/api';
import { useErrorWords } from '@/app/_ui/use-error-words';

/** Runs incident actions and keeps the last failure in words a person can act on. */
export function useAct(room: string | undefined) {
  const m = useIncidentActionMutation(room);
  const te = useTranslations('errors');
  const words = useErrorWords();
  const [error, setError] = useState<string | null>(null);
  async function act(v: TIncidentActionVars): Promise<boolean> {
    setError(null);
    try {
      await m.mutateAsync(v);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'stale_version') setError(te('staleVersion'));
      else if (err instanceof ApiError && err.details.length) setError(err.details.map(words).join('; '));
      else setError(err instanceof Error ? err.message : String(err));
      return false;
    }
  }
  return { act, error, pending: m.isPending, clear: () => setError(null) };
}
