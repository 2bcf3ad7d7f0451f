'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { TRoomSettings } from '@/lib/api/rooms';
import { BUTTON, ErrorText, INPUT, PRIMARY, Section } from './ui';
import { useRoomSettingsMutation } from './use-room-settings-admin';

/** A number field's text as a bound: empty is "no bound", anything else the number (the server names a bad one). */
const boundOf = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/**
 * Per-series bounds (issue 25): a floor, a ceiling and the largest believable
 * step between two points. Ingest refuses a point outside them, naming it;
 * counts are never negative whatever is set here.
 */
export function BoundsSection({ slug, bounds }: { slug: string; bounds: TRoomSettings['seriesBounds'] }) {
  const t = useTranslations('settings');
  const save = useRoomSettingsMutation(slug);
  const [series, setSeries] = useState('users_total');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [step, setStep] = useState('');
  const set = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({
      op: 'settings',
      body: { seriesBounds: { [series.trim()]: { min: boundOf(min), max: boundOf(max), maxStep: boundOf(step) } } },
    });
  };
  const rows = Object.entries(bounds).sort(([a], [b]) => a.localeCompare(b));
  const shown = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString());
  return (
    <Section testId="settings-bounds" title={t('bounds')} hint={t('boundsHint')}>
      {rows.length === 0 ? <p className="mb-3 text-sm text-dim">{t('noBounds')}</p> : null}
      <ul className="mb-3 divide-y divide-edge">
        {rows.map(([name, b]) => (
          <li key={name} data-testid="series-bound" className="flex items-center justify-between gap-2 py-2 text-sm">
            <span className="tabular">
              <span className="font-semibold" translate="no">
                {name}
              </span>{' '}
              · {t('boundMin')} {shown(b.min)} · {t('boundMax')} {shown(b.max)} · {t('boundStep')} {shown(b.maxStep)}
            </span>
            <button
              type="button"
              className={BUTTON}
              onClick={() => save.mutate({ op: 'settings', body: { seriesBounds: { [name]: null } } })}
              aria-label={t('deleteThing', { name })}
            >
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={set} className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm">
          {t('metric')}
          <input className={`${INPUT} w-44`} value={series} onChange={(e) => setSeries(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('boundMin')}
          <input className={`${INPUT} w-28`} type="number" step="any" value={min} onChange={(e) => setMin(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('boundMax')}
          <input className={`${INPUT} w-28`} type="number" step="any" value={max} onChange={(e) => setMax(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('boundStep')}
          <input className={`${INPUT} w-28`} type="number" step="any" value={step} onChange={(e) => setStep(e.target.value)} />
        </label>
        <button type="submit" className={PRIMARY} disabled={save.isPending || !series.trim()}>
          {t('setBound')}
        </button>
      </form>
      <ErrorText error={save.error} />
    </Section>
  );
}
