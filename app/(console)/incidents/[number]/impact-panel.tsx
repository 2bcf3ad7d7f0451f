'use client';

import { useTranslations } from 'next-intl';
import { memo, useState } from 'react';
import { detailsFromZodError } from '@/lib/errors';
import { useErrorWords } from '@/app/_ui/use-error-words';
import { ZImpact, ZSeriesLink } from '@/lib/api/incident-requests';
import type { TIncidentDto } from '@/lib/api/incidents';
import { BUTTON, INPUT, PANEL } from '../_components/ui';
import type { TActOnly } from './use-act';

/** The impact figure ("0.3 % of writes") and linked metric series. */
export const ImpactPanel = memo(function ImpactPanel({
  incident: i,
  canWrite,
  actions,
}: {
  incident: TIncidentDto;
  canWrite: boolean;
  actions: TActOnly;
}) {
  const t = useTranslations('incident.impact');
  const words = useErrorWords();
  const [text, setText] = useState('');
  const [value, setValue] = useState('');
  const [unit, setUnit] = useState('');
  const [series, setSeries] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function saveImpact() {
    const input = { text, value: value.trim() === '' ? null : Number(value), unit: unit.trim() || null };
    const parsed = ZImpact.safeParse(input);
    if (!parsed.success) return setProblem(detailsFromZodError(parsed.error).map(words).join('; '));
    setProblem(null);
    void actions.act({ id: i.id, action: 'impact', body: parsed.data }).then((ok) => {
      if (!ok) return;
      setText('');
      setValue('');
      setUnit('');
    });
  }
  function link() {
    const parsed = ZSeriesLink.safeParse({ seriesName: series.trim() });
    if (!parsed.success) return setProblem(detailsFromZodError(parsed.error).map(words).join('; '));
    setProblem(null);
    void actions.act({ id: i.id, action: 'links', body: parsed.data }).then((ok) => ok && setSeries(''));
  }

  return (
    <section className={`${PANEL} space-y-2 p-3`} aria-label={t('title')}>
      <h2 className="text-sm font-semibold text-dim">{t('title')}</h2>
      {i.impact ? (
        <p data-testid="impact">
          {i.impact.value !== null && (
            <strong className="mr-1 text-lg tabular">
              {i.impact.value}
              {i.impact.unit ? ` ${i.impact.unit}` : ''}
            </strong>
          )}
          {i.impact.text}
        </p>
      ) : (
        <p className="text-xs text-dim">{t('notSet')}</p>
      )}
      {canWrite && (
        <div className="grid grid-cols-[minmax(0,1fr)_3.5rem_3rem_auto] gap-1">
          <input
            className={INPUT}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('textPlaceholder')}
            aria-label={t('text')}
          />
          <input
            className={INPUT}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder="0.3"
            inputMode="decimal"
            aria-label={t('value')}
          />
          <input className={INPUT} value={unit} onChange={(e) => setUnit(e.target.value)} placeholder="%" aria-label={t('unit')} />
          <button type="button" className={BUTTON} onClick={saveImpact}>
            {t('set')}
          </button>
        </div>
      )}
      <h2 className="text-sm font-semibold text-dim">{t('series')}</h2>
      <ul className="flex flex-wrap gap-1 text-xs">
        {i.links.map((l) => (
          <li key={l.seriesName + JSON.stringify(l.labels)} className="rounded border border-edge px-1 font-mono">
            {l.seriesName}
            {Object.keys(l.labels).length > 0 &&
              `{${Object.entries(l.labels)
                .map(([k, v]) => `${k}="${v}"`)
                .join(',')}}`}
          </li>
        ))}
      </ul>
      {canWrite && (
        <div className="flex gap-1">
          <input
            className={`${INPUT} min-w-0 flex-1 font-mono`}
            value={series}
            onChange={(e) => setSeries(e.target.value)}
            placeholder="users_online"
            aria-label={t('seriesPlaceholder')}
          />
          <button type="button" className={BUTTON} onClick={link}>
            {t('link')}
          </button>
        </div>
      )}
      {problem && (
        <p role="alert" className="text-sm text-crit">
          {problem}
        </p>
      )}
    </section>
  );
});
