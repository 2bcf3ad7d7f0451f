'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { TLocale } from '@/lib/format/number';
import { formatTime } from '@/lib/format/time';

export { BUTTON, INPUT } from '@/app/_ui/controls';

/** A date and time in the console's one format, or "Never". */
export function useWhen() {
  const locale = useLocale() as TLocale;
  const t = useTranslations('common.state');
  return (iso: string | null) => (iso ? formatTime(iso, locale, { date: true }) : t('never'));
}
