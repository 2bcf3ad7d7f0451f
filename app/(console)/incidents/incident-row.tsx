'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatDuration } from '@/lib/format/duration';
import type { TLocale } from '@/lib/format/number';
import { isIdleClaim, needsOwner } from '@/lib/incidents';
import type { TIncidentDto } from '@/lib/api/incidents';
import type { TMe } from './_components/session';
import { SeverityBadge, StatusText, useTimeOf } from './_components/ui';
import { useFindingLine } from './_components/finding-line';
import { SourceBadge } from '@/app/_components/source-badge';

/** One dense row: number, severity, title, status, owner (or a loud "Unowned"), age, idle flag. */
export function IncidentRow({ incident: i, now, room, me }: { incident: TIncidentDto; now: number; room?: string; me: TMe }) {
  const t = useTranslations('common.state');
  const ti = useTranslations('incidents');
  const locale = useLocale() as TLocale;
  const timeOf = useTimeOf();
  const findingLine = useFindingLine();
  const loud = needsOwner(i);
  const idle = isIdleClaim(i, now);
  const decided = i.findings.filter((f) => f.state !== 'open');
  const href = `/incidents/${i.number}${room ? `?room=${encodeURIComponent(room)}` : ''}`;
  return (
    <li
      data-testid="incident-row"
      data-number={i.number}
      className={`grid grid-cols-[auto_auto_1fr] items-center gap-x-3 gap-y-1 px-3 py-2 md:grid-cols-[3.5rem_4rem_1fr_7rem_minmax(12rem,auto)_6rem] ${loud ? 'border-l-4 border-sev1 bg-sev1/10' : 'bg-bg'}`}
    >
      <span className="font-mono text-sm text-dim tabular">#{i.number}</span>
      <span className="md:order-none">
        <SeverityBadge severity={i.severity} />
      </span>
      {/* A long title wraps (two lines at most); the source badge sits beside it, never cut off with the title's end. */}
      <span className="col-span-3 flex min-w-0 flex-wrap items-center gap-x-2 py-3 md:col-span-1 md:py-0">
        <Link href={href} className="line-clamp-2 min-w-0 leading-5 font-medium hover:underline" data-testid="incident-title">
          {i.title}
        </Link>
        {i.source && <SourceBadge source={i.source} className="text-xs font-normal" />}
        {decided.length > 0 && (
          <span className="text-xs font-normal text-dim">{decided.map((f) => findingLine(f, i.createdAt)).join(' · ')}</span>
        )}
      </span>
      <StatusText status={i.status} />
      <span className="text-sm [overflow-wrap:anywhere]" data-testid="incident-owner">
        {i.owner ? (
          <>
            <span className={i.owner.id === me.id ? 'text-online' : ''}>{i.owner.name}</span>
            {i.helpers.length > 0 && <span className="text-dim"> +{i.helpers.length}</span>}
            {idle && (
              <span
                className="ml-2 rounded bg-warn px-1 text-xs font-semibold text-bg"
                data-testid="idle-flag"
                title={ti('idleTitle', { minutes: i.idleClaimMinutes })}
              >
                {t('idle')}
              </span>
            )}
          </>
        ) : (
          <span className={loud ? 'font-semibold text-sev1' : 'text-dim'}>{t('unowned')}</span>
        )}
      </span>
      <span className="text-right text-sm text-dim tabular" title={timeOf(i.createdAt, { date: true })}>
        {formatDuration((i.resolvedAt ? Date.parse(i.resolvedAt) : now) - Date.parse(i.createdAt), locale)}
      </span>
    </li>
  );
}
