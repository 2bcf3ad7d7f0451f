'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useIncidentsQuery } from '@/lib/client/use-incidents';
import { useRoomsQuery } from '@/lib/client/use-rooms';
import { useServerNow } from '@/lib/client/use-server-now';
import type { TListStatus } from '@/lib/client/use-incidents-cache';
import { compareBySeverityThenAge, SEVERITIES, type TSeverity } from '@/lib/incidents';
import type { TMe } from './_components/session';
import { BUTTON, PRIMARY } from './_components/ui';
import { IncidentRow } from './incident-row';
import { NewIncidentForm } from './new-incident-form';
import { ChannelHealthLine } from './channel-health-line';

const STATUS_FILTERS: TListStatus[] = ['open', 'resolved', 'all'];

/** The incident log: filters, rows by severity then age, live. */
export function IncidentsScreen({ me, room, roomSlug }: { me: TMe; room?: string; roomSlug?: string }) {
  const t = useTranslations('incidents');
  const tc = useTranslations('common');
  const tf = useTranslations('fields');
  const [status, setStatus] = useState<TListStatus>('open');
  const [mine, setMine] = useState(false);
  const [severities, setSeverities] = useState<Set<TSeverity>>(new Set());
  const [creating, setCreating] = useState(false);
  const { incidents, isPending: isLoading, error, live } = useIncidentsQuery({ room, status });
  const now = useServerNow(15_000);

  const rows = useMemo(
    () =>
      incidents
        .filter((i) => !mine || i.owner?.id === me.id || i.helpers.some((h) => h.id === me.id))
        .filter((i) => severities.size === 0 || severities.has(i.severity))
        .sort(compareBySeverityThenAge),
    [incidents, mine, severities, me.id],
  );
  const toggleSeverity = (s: TSeverity) =>
    setSeverities((prev) => {
      const next = new Set(prev);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });
  // An archived room is read-only: no new incident there (the API would answer 409 room_archived).
  const rooms = useRoomsQuery({ archived: true, live: false }).data?.rooms;
  const archived = rooms?.find((x) => (room ? x.slug === room : x.isDefault))?.archived ?? false;
  const canWrite = me.role !== 'viewer' && !archived;

  return (
    <main className="mx-auto max-w-6xl space-y-4 p-3 md:p-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-baseline gap-3">
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <span
            data-testid="connection"
            data-state={live.connection}
            className={`text-xs ${live.connection === 'live' ? 'text-ok' : 'text-warn'}`}
          >
            ● {tc(`connection.${live.connection}`)}
          </span>
        </div>
        <div className="flex items-center gap-2 text-sm text-dim">
          {canWrite && (
            <button type="button" className={PRIMARY} onClick={() => setCreating((c) => !c)} aria-expanded={creating}>
              {creating ? tc('close') : t('new')}
            </button>
          )}
        </div>
      </header>

      <ChannelHealthLine room={roomSlug} now={now} />

      {creating && <NewIncidentForm room={room} onDone={() => setCreating(false)} />}

      <nav aria-label={t('filters')} className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label={tf('status')} className="flex overflow-hidden rounded-md border border-edge">
          {STATUS_FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              aria-pressed={status === f}
              className={`min-h-11 min-w-11 md:min-h-9 px-3 text-sm ${status === f ? 'bg-edge text-ink' : 'text-dim hover:bg-panel'}`}
              onClick={() => setStatus(f)}
            >
              {t(f)}
            </button>
          ))}
        </div>
        <button
          type="button"
          aria-pressed={mine}
          className={`${BUTTON} ${mine ? 'bg-edge' : 'text-dim'}`}
          onClick={() => setMine((m) => !m)}
        >
          {t('mine')}
        </button>
        <div role="group" aria-label={tf('severity')} className="flex gap-1">
          {SEVERITIES.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={severities.has(s)}
              className={`${BUTTON} font-mono ${severities.has(s) ? 'bg-edge' : 'text-dim'}`}
              title={tc(`severityName.${s}`)}
              onClick={() => toggleSeverity(s)}
            >
              {s}
            </button>
          ))}
        </div>
      </nav>

      {error && (
        <p role="alert" className="text-crit">
          {t('loadFailed', { message: error.message })}
        </p>
      )}
      {isLoading ? (
        <p className="text-dim">{tc('loading')}</p>
      ) : rows.length === 0 ? (
        <p className="text-dim" data-testid="no-incidents">
          {t('none')}
        </p>
      ) : (
        <ul className="divide-y divide-edge overflow-hidden rounded-lg border border-edge" data-testid="incident-list">
          {rows.map((i) => (
            <IncidentRow key={i.id} incident={i} now={now} room={room} me={me} />
          ))}
        </ul>
      )}
    </main>
  );
}
