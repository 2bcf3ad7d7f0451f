'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { formatDuration } from '@/lib/format/duration';
import type { TLocale } from '@/lib/format/number';

/** Past this, a list asked every 3 s has missed several answers: it says it is not current. */
const STALE_AFTER_MS = 15_000;

/**
 * How old a list's last answer is ("updated 2 s ago"), and — once the server
 * has not answered for a while, or the last ask failed — that it is not
 * current, in its own words and colour. Measured on this device's clock,
 * which is also the clock that stamped the answer.
 */
export function Freshness({ updatedAt, failed }: { updatedAt: number; failed: boolean }) {
  const t = useTranslations('notifications');
  const locale = useLocale() as TLocale;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  if (!updatedAt) return <p className="text-xs text-dim">{failed ? t('unreachable') : t('loading')}</p>;
  const age = formatDuration(now - updatedAt, locale);
  const stale = failed || now - updatedAt > STALE_AFTER_MS;
  return (
    <p className={`text-xs tabular ${stale ? 'font-semibold text-warn' : 'text-dim'}`} data-testid="freshness" data-stale={stale}>
      {stale ? t('notCurrent', { age }) : t('updated', { age })}
    </p>
  );
}
