'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { formatCompact } from '@/lib/format/number';
import type { TRoomSettings } from '@/lib/api/rooms';
import { BUTTON, ErrorText, INPUT, PRIMARY, Section, useWhen } from './ui';
import { useRoomSettingsMutation } from './use-room-settings-admin';

/** "Mark now": one click puts a labelled line on every wall's chart at this moment. */
export function AnnotationsSection({
  slug,
  annotations,
  timeZone,
}: {
  slug: string;
  annotations: TRoomSettings['annotations'];
  timeZone: string;
}) {
  const t = useTranslations('settings');
  const when = useWhen();
  const save = useRoomSettingsMutation(slug);
  const [label, setLabel] = useState('');
  const mark = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({ op: 'addAnnotation', body: { label } }, { onSuccess: () => setLabel('') });
  };
  return (
    <Section testId="settings-annotations" title={t('annotations')} hint={t('annotationsHint')}>
      <form onSubmit={mark} className="flex flex-wrap gap-2">
        <input
          aria-label={t('annotationLabel')}
          className={`${INPUT} min-w-0 flex-1`}
          placeholder={t('annotationPlaceholder')}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          maxLength={120}
        />
        <button type="submit" className={PRIMARY} disabled={save.isPending || !label.trim()}>
          {t('markNow')}
        </button>
      </form>
      <ErrorText error={save.error} />
      <ul className="mt-3 divide-y divide-edge">
        {annotations.map((a) => (
          <li key={a.id} data-testid="annotation" className="flex items-center justify-between gap-2 py-2 text-sm">
            <span>
              <span className="tabular text-dim">{when(a.time, timeZone)}</span> · {a.label}
            </span>
            <button
              type="button"
              className={BUTTON}
              onClick={() => save.mutate({ op: 'removeAnnotation', id: a.id })}
              aria-label={t('deleteThing', { name: a.label })}
            >
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function MilestonesSection({
  slug,
  milestones,
  timeZone,
}: {
  slug: string;
  milestones: TRoomSettings['milestones'];
  timeZone: string;
}) {
  const t = useTranslations('settings');
  const when = useWhen();
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
    <Section testId="settings-milestones" title={t('milestones')} hint={t('milestonesHint')}>
      <ul className="mb-3 divide-y divide-edge">
        {milestones.map((m) => (
          <li key={m.id} data-testid="milestone" className="flex items-center justify-between gap-2 py-2 text-sm">
            <span>
              <span className="font-semibold">{m.label}</span>{' '}
              <span className="text-dim">
                · {m.seriesName} ≥ {formatCompact(m.threshold, 'en')}
              </span>
              {m.reachedAt ? <span className="text-ok"> · {t('reached', { when: when(m.reachedAt, timeZone) })}</span> : null}
            </span>
            <button
              type="button"
              className={BUTTON}
              onClick={() => save.mutate({ op: 'removeMilestone', id: m.id })}
              aria-label={t('deleteThing', { name: m.label })}
            >
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="flex flex-wrap gap-2">
        <select aria-label={t('series')} className={INPUT} value={series} onChange={(e) => setSeries(e.target.value)}>
          <option value="users_total">users_total</option>
          <option value="users_online">users_online</option>
        </select>
        <input
          aria-label={t('threshold')}
          className={`${INPUT} w-40`}
          type="number"
          min={1}
          placeholder="3000000"
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
        />
        <input
          aria-label={t('milestoneLabel')}
          className={`${INPUT} min-w-0 flex-1`}
          placeholder={t('labelOptional')}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="submit" className={PRIMARY} disabled={save.isPending || !threshold}>
          {t('addMilestone')}
        </button>
      </form>
      <ErrorText error={save.error} />
    </Section>
  );
}

export function SafetyLinesSection({ slug, lines }: { slug: string; lines: TRoomSettings['safetyLines'] }) {
  const t = useTranslations('settings');
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
    <Section testId="settings-safety" title={t('safety')} hint={t('safetyHint')}>
      <ul className="mb-3 divide-y divide-edge">
        {lines.map((l) => (
          <li key={l.id} data-testid="safety-line" className="flex items-center justify-between gap-2 py-2 text-sm">
            <span>
              <span className="font-semibold">{l.metricName}</span>{' '}
              <span className="text-dim">{t(l.direction === 'below' ? 'badBelow' : 'badAbove')}</span> · {t('warning')}{' '}
              <span className="text-warn">{l.warning}</span> · {t('critical')} <span className="text-crit">{l.critical}</span>
            </span>
            <button
              type="button"
              className={BUTTON}
              onClick={() => save.mutate({ op: 'removeSafetyLine', id: l.id })}
              aria-label={t('deleteThing', { name: l.metricName })}
            >
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={set} className="flex flex-wrap gap-2">
        <input aria-label={t('metric')} className={`${INPUT} w-40`} value={metric} onChange={(e) => setMetric(e.target.value)} />
        <select
          aria-label={t('direction')}
          className={INPUT}
          value={direction}
          onChange={(e) => setDirection(e.target.value as 'above' | 'below')}
        >
          <option value="above">{t('badAbove')}</option>
          <option value="below">{t('badBelow')}</option>
        </select>
        <input
          aria-label={t('warningLabel')}
          className={`${INPUT} w-28`}
          type="number"
          step="any"
          placeholder={t('warning')}
          value={warning}
          onChange={(e) => setWarning(e.target.value)}
        />
        <input
          aria-label={t('criticalLabel')}
          className={`${INPUT} w-28`}
          type="number"
          step="any"
          placeholder={t('critical')}
          value={critical}
          onChange={(e) => setCritical(e.target.value)}
        />
        <button type="submit" className={PRIMARY} disabled={save.isPending || !warning || !critical}>
          {t('setLine')}
        </button>
      </form>
      <ErrorText error={save.error} />
    </Section>
  );
}
