'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { formatDuration } from '@/lib/format/duration';
import { probeReasonIn } from '@/lib/format/probe-reason';
import type { TLocale } from '@/lib/format/number';
import { useRoomLive } from '@/lib/client/use-room-live';
import { isProbeStale, useProbesQuery } from '@/lib/client/use-probes';
import { useServerNow } from '@/lib/client/use-server-now';
import type { TProbe } from '@/lib/api/signals';
import { BUTTON, PANEL } from '../../../incidents/_components/ui';
import { HistoryBar } from './history-bar';
import { ProbeForm } from './probe-form';
import { RulesSection } from './rules-section';
import { useSignalAdmin } from './use-signal-admin';

const STATE_CLASS: Record<TProbe['state'], string> = {
  up: 'bg-ok text-bg',
  down: 'bg-crit text-bg',
  pending: 'border border-edge text-dim',
  paused: 'border border-edge text-dim',
};

function ProbeRow({ slug, probe: p, now, canEdit }: { slug: string; probe: TProbe; now: number; canEdit: boolean }) {
  const t = useTranslations('probes');
  const locale = useLocale() as TLocale;
  const admin = useSignalAdmin(slug, 'probes');
  const [editing, setEditing] = useState(false);
  const stale = isProbeStale(p, now);
  if (editing)
    return (
      <li className="py-3">
        <ProbeForm slug={slug} probe={p} onDone={() => setEditing(false)} />
      </li>
    );
  return (
    <li className="space-y-1.5 py-3" data-testid="probe-row" data-probe={p.name} data-state={p.state}>
      <div className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-1.5 text-xs font-bold uppercase ${STATE_CLASS[p.state]}`} data-testid="probe-state">
          {t(`state.${p.state}`)}
        </span>
        <span className="font-medium">{p.name}</span>
        <span className="truncate font-mono text-xs text-dim">
          {p.method} {p.url}
        </span>
        {p.incident ? (
          <a className="text-sm text-users underline" href={`/incidents/${p.incident.number}?room=${encodeURIComponent(slug)}`}>
            {t('incident', { number: p.incident.number })}
          </a>
        ) : null}
        {canEdit ? (
          <span className="ml-auto flex gap-2">
            <button type="button" className={BUTTON} onClick={() => setEditing(true)}>
              {t('edit')}
            </button>
            <button
              type="button"
              className={BUTTON}
              onClick={() => admin.mutate({ method: 'PATCH', id: p.id, body: { paused: !p.paused } })}
              data-testid="probe-pause"
            >
              {p.paused ? t('resume') : t('pause')}
            </button>
            <button type="button" className={BUTTON} onClick={() => admin.mutate({ method: 'DELETE', id: p.id })}>
              {t('delete')}
            </button>
          </span>
        ) : null}
      </div>
      <HistoryBar recent={p.recent} />
      <p className="text-xs text-dim tabular">
        {p.lastCheckedAt ? (
          <span className={stale ? 'font-semibold text-warn' : ''}>
            {t(stale ? 'noCheckFor' : 'checked', { age: formatDuration(now - Date.parse(p.lastCheckedAt), locale) })}
          </span>
        ) : (
          t('notChecked')
        )}
        {p.lastLatencyMs !== null ? ` · ${p.lastLatencyMs} ms` : ''}
        {p.lastError ? <span className="text-crit"> · {probeReasonIn(p.lastError, locale)}</span> : null}
        {` · ${t('schedule', { interval: p.intervalSeconds, down: p.downAfter, up: p.upAfter, severity: p.severity })}`}
      </p>
    </li>
  );
}

/** The room's probes with state, latency and history, live; the lead's form to add one; the alert rules below. */
export function ProbesScreen({ slug, roomName, canEdit }: { slug: string; roomName: string; canEdit: boolean }) {
  // Joining the room subscribes this tab to its pushes (probe:changed among them).
  const t = useTranslations('probes');
  const tc = useTranslations('common');
  const live = useRoomLive(slug);
  const probes = useProbesQuery(slug, null, live.socket);
  const now = useServerNow(5000);
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">
          {roomName}{' '}
          <span className="text-base font-normal text-dim">
            /{slug} · {t('title')}
          </span>
        </h1>
        <span
          className={live.connection === 'live' ? 'text-sm text-ok' : 'text-sm text-warn'}
          data-testid="connection"
          data-state={live.connection}
        >
          ● {tc(`connection.${live.connection}`)}
        </span>
      </header>
      <section className={`${PANEL} space-y-2 p-4`} data-testid="probes">
        <h2 className="text-lg font-semibold">{t('http')}</h2>
        <p className="text-sm text-dim">{t('intro')}</p>
        <p className="rounded border border-warn/60 px-2 py-1 text-sm text-warn" data-testid="probe-reach-note">
          {t('reach')}
        </p>
        {probes.error ? <p className="text-crit">{probes.error.message}</p> : null}
        {probes.data && probes.data.probes.length === 0 ? <p className="text-sm text-dim">{t('none')}</p> : null}
        <ul className="divide-y divide-edge">
          {probes.data?.probes.map((p) => (
            <ProbeRow key={p.id} slug={slug} probe={p} now={now} canEdit={canEdit} />
          ))}
        </ul>
        {canEdit ? <ProbeForm slug={slug} /> : null}
      </section>
      <RulesSection slug={slug} canEdit={canEdit} />
    </main>
  );
}
