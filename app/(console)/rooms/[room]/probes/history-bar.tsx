'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { TLocale } from '@/lib/format/number';
import { probeReasonIn } from '@/lib/format/probe-reason';
import type { TProbeResult } from '@/lib/api/signals';
import { useTimeOf } from '../../../incidents/_components/ui';

/** The last results as a bar of cells, oldest left: green passed, red failed, each with its time and reason on hover and for screen readers. */
export function HistoryBar({ recent, slots = 90 }: { recent: TProbeResult[]; slots?: number }) {
  const t = useTranslations('probes');
  const timeOf = useTimeOf();
  const locale = useLocale() as TLocale;
  const empty = Math.max(0, slots - recent.length);
  const failed = recent.filter((r) => !r.ok).length;
  return (
    <div
      className="flex h-6 w-full items-stretch gap-px"
      role="img"
      aria-label={t('history', { count: recent.length, failed })}
      data-testid="history-bar"
    >
      {Array.from({ length: empty }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder slots have no identity but their place
        <span key={`e${i}`} className="flex-1 rounded-[1px] bg-edge/40" />
      ))}
      {recent.map((r) => (
        <span
          key={r.at}
          title={`${timeOf(r.at)} · ${r.ok ? `${r.latencyMs} ms` : r.error ? probeReasonIn(r.error, locale) : t('failed')}`}
          className={`flex-1 rounded-[1px] ${r.ok ? 'bg-ok' : 'bg-crit'}`}
        />
      ))}
    </div>
  );
}
