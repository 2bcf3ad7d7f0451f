'use client';

import { useState } from 'react';
import { formatCompact } from '@/lib/format/number';
import type { TRoomSettings } from '@/lib/schemas/rooms';
import { BUTTON, ErrorText, INPUT, PRIMARY, Section, when } from './ui';
import { useRoomSettingsMutation } from './use-room-settings-admin';

/** "Mark now": one click puts a labelled line on every wall's chart at this moment. */
export function AnnotationsSection({ slug, annotations, timeZone }: { slug: string; annotations: TRoomSettings['annotations']; timeZone: string }) {
  const save = useRoomSettingsMutation(slug);
  const [label, setLabel] = useState('');
  const mark = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({ op: 'addAnnotation', body: { label } }, { onSuccess: () => setLabel('') });
  };
  return (
    <Section testId="settings-annotations" title="Annotations" hint="Moments on the chart: gate opened, entry closed, node drained.">
      <form onSubmit={mark} className="flex flex-wrap gap-2">
        <input aria-label="Annotation label" className={`${INPUT} min-w-0 flex-1`} placeholder="gate opened" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={120} />
        <button type="submit" className={PRIMARY} disabled={save.isPending || !label.trim()}>
          Mark now
        </button>
      </form>
      <ErrorText error={save.error} />
      <ul className="mt-3 divide-y divide-edge">
        {annotations.map((a) => (
          <li key={a.id} data-testid="annotation" className="flex items-center justify-between gap-2 py-2 text-sm">
            <span>
              <span className="tabular text-dim">{when(a.time, timeZone)}</span> · {a.label}
            </span>
            <button type="button" className={BUTTON} onClick={() => save.mutate({ op: 'removeAnnotation', id: a.id })} aria-label={`Delete ${a.label}`}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function MilestonesSection({ slug, milestones, timeZone }: { slug: string; milestones: TRoomSettings['milestones']; timeZone: string }) {
  const save = useRoomSettingsMutation(slug);
  const [threshold, setThreshold] = useState('');
  const [series, setSeries] = useState('users_total');
  const [label, setLabel] = useState('');
  const add = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate(
      { op: 'addMilestone', body: { seriesName: series, threshold: Number(threshold), ...(label.trim() ? { label } : {}) } },
      {
        onSuccess: () => {
          setThreshold('');
          setLabel('');
        },
      },
    );
  };
  return (
    <Section testId="settings-milestones" title="Milestones" hint="The wall celebrates each crossing and records its time.">
      <ul className="mb-3 divide-y divide-edge">
        {milestones.map((m) => (
          <li key={m.id} data-testid="milestone" className="flex items-center justify-between gap-2 py-2 text-sm">
            <span>
              <span className="font-semibold">{m.label}</span> <span className="text-dim">· {m.seriesName} ≥ {formatCompact(m.threshold, 'en')}</span>
              {m.reachedAt ? <span className="text-ok"> · reached {when(m.reachedAt, timeZone)}</span> : null}
            </span>
            <button type="button" className={BUTTON} onClick={() => save.mutate({ op: 'removeMilestone', id: m.id })} aria-label={`Delete ${m.label}`}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="flex flex-wrap gap-2">
        <select aria-label="Series" className={INPUT} value={series} onChange={(e) => setSeries(e.target.value)}>
          <option value="users_total">users_total</option>
          <option value="users_online">users_online</option>
        </select>
        <input aria-label="Threshold" className={`${INPUT} w-40`} type="number" min={1} placeholder="3000000" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
        <input aria-label="Milestone label" className={`${INPUT} min-w-0 flex-1`} placeholder="label (optional)" value={label} onChange={(e) => setLabel(e.target.value)} />
        <button type="submit" className={PRIMARY} disabled={save.isPending || !threshold}>
          Add milestone
        </button>
      </form>
      <ErrorText error={save.error} />
    </Section>
  );
}

export function SafetyLinesSection({ slug, lines }: { slug: string; lines: TRoomSettings['safetyLines'] }) {
  const save = useRoomSettingsMutation(slug);
  const [metric, setMetric] = useState('cpu_ratio');
  const [warning, setWarning] = useState('');
  const [critical, setCritical] = useState('');
  const [direction, setDirection] = useState<'above' | 'below'>('above');
  const set = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({ op: 'setSafetyLine', body: { metricName: metric, warning: Number(warning), critical: Number(critical), direction } });
  };
  return (
    <Section testId="settings-safety" title="Safety lines" hint="Server health on the wall: each server series (labelled server=…) against its line. Ratios are 0–1.">
      <ul className="mb-3 divide-y divide-edge">
        {lines.map((l) => (
          <li key={l.id} data-testid="safety-line" className="flex items-center justify-between gap-2 py-2 text-sm">
            <span>
              <span className="font-semibold">{l.metricName}</span> <span className="text-dim">bad {l.direction}</span> · warning <span className="text-warn">{l.warning}</span> · critical{' '}
              <span className="text-crit">{l.critical}</span>
            </span>
            <button type="button" className={BUTTON} onClick={() => save.mutate({ op: 'removeSafetyLine', id: l.id })} aria-label={`Delete ${l.metricName}`}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={set} className="flex flex-wrap gap-2">
        <input aria-label="Metric" className={`${INPUT} w-40`} value={metric} onChange={(e) => setMetric(e.target.value)} />
        <select aria-label="Direction" className={INPUT} value={direction} onChange={(e) => setDirection(e.target.value as 'above' | 'below')}>
          <option value="above">bad above</option>
          <option value="below">bad below</option>
        </select>
        <input aria-label="Warning" className={`${INPUT} w-28`} type="number" step="any" placeholder="warning" value={warning} onChange={(e) => setWarning(e.target.value)} />
        <input aria-label="Critical" className={`${INPUT} w-28`} type="number" step="any" placeholder="critical" value={critical} onChange={(e) => setCritical(e.target.value)} />
        <button type="submit" className={PRIMARY} disabled={save.isPending || !warning || !critical}>
          Set line
        </button>
      </form>
      <ErrorText error={save.error} />
    </Section>
  );
}
