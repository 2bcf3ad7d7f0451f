'use client';

import { useLocale, useTranslations } from 'next-intl';
import { SourceBadge } from '@/app/_components/source-badge';
import { formatDuration } from '@/lib/format/duration';
import type { TLocale } from '@/lib/format/number';
import type { TIncidentSource } from '@/lib/api/incidents';
import { PANEL, useTimeOf } from '../_components/ui';

/**
 * Where an automatic incident came from: the signal, a link to look at,
 * first and last seen (with their age on the server clock) and how many
 * times it fired. An incident the signal has since moved past keeps its name only.
 */
export function SourcePanel({ source: s, now }: { source: TIncidentSource; now: number }) {
  const t = useTranslations('incident.source');
  const locale = useLocale() as TLocale;
  const timeOf = useTimeOf();
  const seen = (iso: string | null) => (iso ? t('ago', { time: timeOf(iso), age: formatDuration(now - Date.parse(iso), locale) }) : '–');
  return (
    <section className={`${PANEL} space-y-2 p-3 text-sm`} data-testid="source-panel" data-kind={s.kind}>
      <h2 className="font-semibold">{t('title')}</h2>
      <SourceBadge source={s} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-dim">{t('key')}</dt>
        <dd className="truncate font-mono text-xs" title={s.key}>
          {s.key}
        </dd>
        {s.url && (
          <>
            <dt className="text-dim">{t('link')}</dt>
            <dd className="truncate">
              <a href={s.url} target="_blank" rel="noreferrer noopener" className="underline" data-testid="source-link">
                {s.url}
              </a>
            </dd>
          </>
        )}
        {s.state ? (
          <>
            <dt className="text-dim">{t('now')}</dt>
            <dd className={s.state === 'firing' ? 'text-crit' : 'text-ok'} data-testid="source-state">
              {s.state === 'firing' ? t('firing') : t('recovered')}
            </dd>
            <dt className="text-dim">{t('firstSeen')}</dt>
            <dd className="tabular">{seen(s.firstSeenAt)}</dd>
            <dt className="text-dim">{t('lastSeen')}</dt>
            <dd className="tabular">{seen(s.lastSeenAt)}</dd>
            <dt className="text-dim">{t('fired')}</dt>
            <dd className="tabular" data-testid="source-fired">
              {t('times', { count: s.fireCount ?? 0 })}
            </dd>
          </>
        ) : (
          <dd className="col-span-2 text-dim">{t('moved')}</dd>
        )}
      </dl>
      <p className="text-xs text-dim">{t('recovery')}</p>
    </section>
  );
}
