'use client';

import { useLocale } from 'next-intl';
import type { ReactNode } from 'react';
import { useErrorWords } from '@/app/_ui/use-error-words';
import type { TLocale } from '@/lib/format/number';
import { ApiError } from '@/lib/client/api';
import { formatTime } from '@/lib/format/time';

export { BUTTON, INPUT, PRIMARY } from '@/app/_ui/controls';

export function Section({ title, hint, children, testId }: { title: string; hint?: string; children: ReactNode; testId: string }) {
  return (
    <section data-testid={testId} className="rounded-xl border border-edge bg-panel p-4">
      <h2 className="text-lg font-semibold">{title}</h2>
      {hint ? <p className="mb-3 text-sm text-dim">{hint}</p> : null}
      {children}
    </section>
  );
}

/** A failed write: each bad field by its label, in words; else the server's message. */
export function ErrorText({ error }: { error: unknown }) {
  const words = useErrorWords();
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  return (
    <p role="alert" className="mt-2 text-sm text-crit">
      {details.length > 0 ? details.map(words).join('; ') : error instanceof Error ? error.message : String(error)}
    </p>
  );
}

/** A date and time on the room's clock, in the console's one format (lib/format/time.ts). */
export function useWhen() {
  const locale = useLocale() as TLocale;
  return (iso: string, timeZone: string): string => formatTime(iso, locale, { date: true, timeZone });
}
