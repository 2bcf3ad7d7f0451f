'use client';

import { useState } from 'react';
import { formatDuration } from '@/lib/format/duration';
import type { TLocale } from '@/lib/format/number';
import type { TServerDto } from '@/lib/api/servers';
import { describeOutlier, formatMetric, metricWord, STATE_WORDS } from '@/lib/fleet/words';
import type { TFleetLabels } from './labels';
import { Spark } from './spark';
import { useDrainMutation, useOpenIncidents } from './use-fleet';

const BUTTON =
  'inline-flex min-h-11 items-center justify-center rounded-lg border border-edge px-3 text-sm font-medium hover:bg-panel disabled:opacity-50';
const INPUT = 'min-h-11 rounded-lg border border-edge bg-bg px-3 text-sm text-ink';
const STATE_CLASS: Record<TServerDto['state'], string> = {
  critical: 'bg-crit text-bg',
  warning: 'bg-warn text-bg',
  ok: 'bg-ok/20 text-ok',
  silent: 'border border-dashed border-dim text-dim',
  drained: 'border border-dashed border-edge text-dim',
};
const METRIC_CLASS = { ok: '', warning: 'text-warn', critical: 'font-semibold text-crit' } as const;

/** One server: state with its age, metrics with sparklines, why it stands out, and (for leads) drain or restore. */
export function FleetRow({
  s,
  slug,
  locale,
  t,
  canDrain,
  ageMs,
}: {
  s: TServerDto;
  slug: string;
  locale: TLocale;
  t: TFleetLabels;
  canDrain: boolean;
  ageMs: number;
}) {
  const words = STATE_WORDS[locale];
  const quiet = s.state === 'silent' || s.state === 'drained';
  const outlying = new Set(s.outliers.map((o) => o.metric));
  return (
    <tr
      data-testid="fleet-row"
      data-server={s.name}
      data-state={s.state}
      data-outlier={s.outlier?.metric ?? ''}
      className={`border-t border-edge align-top ${s.outlier && !quiet ? 'bg-sev2/10' : ''} ${s.state === 'drained' ? 'opacity-70' : ''}`}
    >
      <td className="py-2 pr-3">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-mono font-semibold">{s.name}</span>
          <span data-testid="fleet-state" className={`rounded px-1.5 text-xs font-semibold uppercase ${STATE_CLASS[s.state]}`}>
            {words[s.state]}
          </span>
        </div>
        <div className={`text-xs ${s.state === 'silent' ? 'font-semibold text-warn' : 'text-dim'}`} title={s.lastSeenAt}>
          {t.lastSeen} {formatDuration(ageMs, locale)} {t.ago}
        </div>
        {s.outliers.length > 0 && !quiet ? (
          <ul data-testid="fleet-outlier" className="mt-1 text-sm font-semibold text-sev2">
            {s.outliers.map((o) => (
              <li key={o.metric}>≠ {describeOutlier(o, locale)}</li>
            ))}
          </ul>
        ) : null}
        {s.drain ? (
          <div className="mt-1 text-xs text-dim">
            {t.drainedBy} {s.drain.drainedBy}
            {s.drain.reason ? ` — ${s.drain.reason}` : ''}
            {s.drain.incident ? (
              <>
                {' · '}
                <a className="underline" href={`/incidents/${s.drain.incident.number}?room=${encodeURIComponent(slug)}`}>
                  #{s.drain.incident.number}
                </a>
              </>
            ) : null}
          </div>
        ) : null}
      </td>
      <td className="py-2 pr-3">
        <ul className="flex flex-col gap-0.5">
          {Object.keys(s.metrics)
            .sort()
            .map((m) => (
              <li key={m} className={`flex items-center gap-2 text-sm ${quiet ? 'text-dim' : METRIC_CLASS[s.metricStates[m] ?? 'ok']}`}>
                <span className="w-24 shrink-0 truncate text-dim">{metricWord(m, locale)}</span>
                <span className={`tabular w-16 shrink-0 text-right ${outlying.has(m) && !quiet ? 'font-semibold text-sev2' : ''}`}>
                  {formatMetric(m, s.metrics[m]!, locale)}
                </span>
                <Spark
                  points={s.sparklines?.[m]}
                  className={`hidden shrink-0 sm:block ${outlying.has(m) && !quiet ? 'text-sev2' : 'text-users'}`}
                  label={`${metricWord(m, locale)}, ${s.name}`}
                />
              </li>
            ))}
        </ul>
      </td>
      <td className="py-2 text-right">{canDrain ? <DrainControl s={s} slug={slug} t={t} /> : null}</td>
    </tr>
  );
}

function DrainControl({ s, slug, t }: { s: TServerDto; slug: string; t: TFleetLabels }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [incident, setIncident] = useState('');
  const act = useDrainMutation(slug);
  const incidents = useOpenIncidents(slug, open && s.state !== 'drained');
  const action = s.state === 'drained' ? 'restore' : 'drain';
  if (!open) {
    return (
      <button type="button" data-testid={`fleet-${action}`} className={BUTTON} onClick={() => setOpen(true)}>
        {action === 'drain' ? t.drain : t.restore}
      </button>
    );
  }
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    act.mutate(
      {
        name: s.name,
        action,
        body: { ...(reason.trim() ? { reason: reason.trim() } : {}), ...(incident ? { incident: Number(incident) } : {}) },
      },
      { onSuccess: () => setOpen(false) },
    );
  };
  return (
    <form onSubmit={submit} className="ml-auto flex max-w-xs flex-col items-stretch gap-2 text-left" data-testid="fleet-drain-form">
      <input
        className={INPUT}
        aria-label={t.reason}
        placeholder={t.reason}
        value={reason}
        maxLength={500}
        onChange={(e) => setReason(e.target.value)}
        data-testid="fleet-reason"
      />
      {action === 'drain' ? (
        <select
          className={INPUT}
          aria-label={t.incident}
          value={incident}
          onChange={(e) => setIncident(e.target.value)}
          data-testid="fleet-incident"
        >
          <option value="">{t.noIncident}</option>
          {(incidents.data ?? []).map((i) => (
            <option key={i.id} value={i.number}>
              #{i.number} {i.title}
            </option>
          ))}
        </select>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={`${BUTTON} border-sev2 font-semibold`} disabled={act.isPending} data-testid="fleet-confirm">
          {action === 'drain' ? t.confirmDrain : t.confirmRestore}
        </button>
        <button type="button" className={BUTTON} onClick={() => setOpen(false)}>
          {t.cancel}
        </button>
      </div>
      {act.error ? (
        <p role="alert" className="text-sm text-crit">
          {act.error.message}
        </p>
      ) : null}
    </form>
  );
}
