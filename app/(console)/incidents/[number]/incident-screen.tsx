'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatDuration } from '@/lib/format/duration';
import type { TLocale } from '@/lib/format/number';
import { useIncidentQuery } from '@/lib/client/use-incidents';
import { useServerNow } from '@/lib/client/use-server-now';
import { isIdleClaim, needsOwner } from '@/lib/incidents';
import type { TMe } from '../_components/session';
import { SeverityBadge, StatusText } from '../_components/ui';
import { Composer, useDraft } from './composer';
import { EliminationLog } from './elimination-log';
import { ImpactPanel } from './impact-panel';
import { SourcePanel } from './source-panel';
import { OwnerControls, type TPerson } from './owner-controls';
import { StateControls } from './state-controls';
import { Timeline } from './timeline';
import { useAct } from './use-act';
import { PublishLink } from './publish-link';

/** One incident: header with every action, the elimination log, the timeline and the composer. */
export function IncidentScreen({
  number,
  room,
  me,
  people,
  statusRoom,
  archived = false,
}: {
  number: number;
  room?: string;
  me: TMe;
  people: TPerson[];
  /** set for leads: the room whose status page "Publish" opens */
  statusRoom?: string;
  /** the room is archived: nothing here can be written */
  archived?: boolean;
}) {
  const t = useTranslations('incident');
  const tc = useTranslations('common');
  const locale = useLocale() as TLocale;
  const { incident: i, error, isPending: isLoading, live } = useIncidentQuery(number, { room });
  const now = useServerNow(10_000);
  const actions = useAct(room);
  const draft = useDraft(i, me, actions);
  const back = `/incidents${room ? `?room=${encodeURIComponent(room)}` : ''}`;
  if (isLoading) return <main className="p-6 text-dim">{tc('loading')}</main>;
  if (error || !i) {
    return (
      <main className="space-y-2 p-6">
        <p role="alert" className="text-crit">
          {(error as { code?: string } | null)?.code === 'not_found' || !error ? t('notFound') : error.message}
        </p>
        <Link href={back} className="underline">
          {t('all')}
        </Link>
      </main>
    );
  }
  const canWrite = me.role !== 'viewer' && !archived;
  const idle = isIdleClaim(i, now);
  return (
    <main className="mx-auto grid max-w-7xl grid-cols-1 gap-4 p-3 md:p-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section className="space-y-3">
        <nav className="flex items-center gap-3 text-sm text-dim">
          <Link href={back} className="inline-flex min-h-11 items-center underline">
            {t('back')}
          </Link>
          <span data-testid="connection" data-state={live.connection} className={live.connection === 'live' ? 'text-ok' : 'text-warn'}>
            ● {tc(`connection.${live.connection}`)}
          </span>
        </nav>
        <header className="space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-dim">#{i.number}</span>
            <SeverityBadge severity={i.severity} />
            <StatusText status={i.status} />
            <span className="text-sm text-dim tabular" data-testid="incident-age">
              {i.status === 'resolved' && i.resolvedAt
                ? t('resolvedAfter', { age: formatDuration(Date.parse(i.resolvedAt) - Date.parse(i.createdAt), locale) })
                : t('openFor', { age: formatDuration(now - Date.parse(i.createdAt), locale) })}
            </span>
            {needsOwner(i) && (
              <span className="rounded bg-sev1 px-1.5 text-xs font-bold text-bg" data-testid="unowned-flag">
                {tc('state.unowned')}
              </span>
            )}
          </div>
          <h1 className="text-2xl font-semibold" data-testid="incident-heading">
            {i.title}
          </h1>
          {i.summary && <p className="whitespace-pre-wrap text-dim [overflow-wrap:anywhere]">{i.summary}</p>}
          <p className="text-sm" data-testid="owner-line">
            {t('owner')}
            {i.owner ? <strong data-testid="owner-name">{i.owner.name}</strong> : <span className="text-dim">{tc('state.nobody')}</span>}
            {idle && (
              <span className="ml-2 rounded bg-warn px-1 text-xs font-semibold text-bg" data-testid="idle-flag">
                {t('idleFor', { minutes: i.idleClaimMinutes })}
              </span>
            )}
            {i.helpers.length > 0 && (
              <span className="text-dim"> · {t('helping', { names: i.helpers.map((h) => h.name).join(', ') })}</span>
            )}
            {i.escalatedTo && <span className="text-dim"> · {t('escalatedTo', { name: i.escalatedTo.name })}</span>}
          </p>
          {i.acknowledgedBy.length > 0 && (
            <p className="text-xs text-dim" data-testid="seen-by">
              {t('seenBy', { names: i.acknowledgedBy.map((p) => p.name).join(', ') })}
            </p>
          )}
        </header>
        {actions.error && (
          <p role="alert" className="rounded border border-crit px-2 py-1 text-sm text-crit" data-testid="action-error">
            {actions.error}
          </p>
        )}
        {!archived && <Composer incident={i} me={me} actions={actions} draft={draft} />}
        <Timeline incident={i} me={me} actions={actions.stable} />
      </section>
      <aside className="space-y-3">
        {i.source && <SourcePanel source={i.source} now={now} />}
        {canWrite && <OwnerControls incident={i} me={me} people={people} actions={actions} />}
        {canWrite && <StateControls incident={i} actions={actions} draft={draft} />}
        {statusRoom && <PublishLink room={statusRoom} incidentId={i.id} number={i.number} />}
        <EliminationLog incident={i} canWrite={canWrite} actions={actions.stable} />
        <ImpactPanel incident={i} canWrite={canWrite} actions={actions.stable} />
      </aside>
    </main>
  );
}
