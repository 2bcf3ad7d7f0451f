'use client';

import type { ReactNode } from 'react';
import { ApiError } from '@/lib/client/api';

export const BUTTON = 'inline-flex min-h-11 items-center justify-center rounded-lg border border-edge px-3 text-sm font-medium hover:bg-panel disabled:opacity-50';
export const PRIMARY = 'inline-flex min-h-11 items-center justify-center rounded-lg bg-users px-4 text-sm font-semibold text-bg hover:opacity-90 disabled:opacity-50';
export const INPUT = 'min-h-11 rounded-lg border border-edge bg-bg px-3 text-sm text-ink';

export function Section({ title, hint, children, testId }: { title: string; hint?: string; children: ReactNode; testId: string }) {
  return (
    <section data-testid={testId} className="rounded-xl border border-edge bg-panel p-4">
      <h2 className="text-lg font-semibold">{title}</h2>
      {hint ? <p className="mb-3 text-sm text-dim">{hint}</p> : null}
      {children}
    </section>
  );
}

/** A failed write, with each bad field named. */
export function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  return (
    <p role="alert" className="mt-2 text-sm text-crit">
      {error instanceof Error ? error.message : String(error)}
      {details.length > 1 ? ` (${details.map((d) => `${d.field}: ${d.message}`).join('; ')})` : null}
    </p>
  );
}

export function when(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'medium' });
}
