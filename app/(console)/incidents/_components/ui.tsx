'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { TLocale } from '@/lib/format/number';
import { formatTime } from '@/lib/format/time';
import type { TStatus } from '@/lib/incidents';
import type { TErrorDetail } from '@/lib/errors';
import { useErrorWords } from '@/app/_ui/use-error-words';

export { BUTTON, INPUT, PANEL, PRIMARY } from '@/app/_ui/controls';
export { SeverityBadge } from '@/app/_ui/severity-badge';

const STATUS_CLASS: Record<TStatus, string> = {
  investigating: 'text-sev2',
  identified: 'text-sev3',
  monitoring: 'text-users',
  resolved: 'text-ok',
};

export function StatusText({ status }: { status: TStatus }) {
  const t = useTranslations('common.status');
  return (
    <span className={`text-sm font-medium ${STATUS_CLASS[status]}`} data-status={status}>
      {t(status)}
    </span>
  );
}

/** Field errors from an API answer or a zod parse, in words, beside the form. */
export function FieldErrors({ errors }: { errors: TErrorDetail[] }) {
  const words = useErrorWords();
  if (errors.length === 0) return null;
  return (
    <ul role="alert" className="space-y-0.5 text-sm text-crit" data-testid="field-errors">
      {errors.map((e) => (
        <li key={`${e.field}:${e.message}`}>{words(e)}</li>
      ))}
    </ul>
  );
}

/** The console's one time format, in the person's language (24-hour). */
export function useTimeOf() {
  const locale = useLocale() as TLocale;
  return (iso: string | null | undefined, opts?: { date?: boolean }) => (iso ? formatTime(iso, locale, opts) : '');
}
