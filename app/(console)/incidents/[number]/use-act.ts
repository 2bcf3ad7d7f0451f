'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useIncidentActionMutation, type TIncidentActionVars } from '@/lib/client/use-incidents-actions';
import { ApiError } from '@/lib/client/api';
import { useErrorWords } from '@/app/_ui/use-error-words';

/** Runs incident actions and keeps the last failure in words a person can act on. */
export function useAct(room: string | undefined) {
  const m = useIncidentActionMutation(room);
  const te = useTranslations('errors');
  const words = useErrorWords();
  const [error, setError] = useState<string | null>(null);
  // The newest of what `act` reads, so `act` itself never changes.
  const latest = useRef({ mutateAsync: m.mutateAsync, te, words });
  latest.current = { mutateAsync: m.mutateAsync, te, words };
  const act = useCallback(async (v: TIncidentActionVars): Promise<boolean> => {
    const { mutateAsync, te, words } = latest.current;
    setError(null);
    try {
      await mutateAsync(v);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'stale_version') setError(te('staleVersion'));
      else if (err instanceof ApiError && err.details.length) setError(err.details.map(words).join('; '));
      else setError(err instanceof Error ? err.message : String(err));
      return false;
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  /**
   * Only the action, the same object for the screen's life: the timeline, findings and impact take
   * this and are memoised, so a tap that flips `pending` re-renders the buttons, not the whole page
   * (the phone's tap-to-paint at 4x CPU, bench/phone-inp.ts).
   */
  const stable = useMemo(() => ({ act }), [act]);
  return { act, error, pending: m.isPending, clear, stable };
}

/** What a part of the screen that only acts (never shows pending or errors) takes. */
export type TActOnly = ReturnType<typeof useAct>['stable'];
