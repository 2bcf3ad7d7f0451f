'use client';

import type { ReactNode } from 'react';
import { ApiError } from '@/lib/client/api';

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
