'use client';

import type { TBodyOf } from '@/lib/api/contract';
import type { rulesApi } from '@/lib/api/rules';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ApiError } from '@/lib/client/api';
import { SEVERITIES } from '@/lib/incidents';
import type { TRule } from '@/lib/api/signals';
import { BUTTON, FieldErrors, INPUT, PANEL, PRIMARY } from '../../../incidents/_components/ui';
import { useRulesQuery, useSignalAdmin } from './use-signal-admin';
import { FIELD_LABEL, NumberField } from '@/app/_ui/number-field';

const LABEL = FIELD_LABEL;

function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [k, ...v] = part.split('=');
    out[k!.trim()] = v.join('=').trim().replace(/^"|"$/g, '');
  }
  return out;
}
const labelsText = (l: Record<string, string>) =>
  Object.entries(l)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

function RuleForm({ slug, rule, onDone }: { slug: string; rule?: TRule; onDone?: () => void }) {
  const t = useTranslations('probes');
  const save = useSignalAdmin(slug, 'rules');
  const [f, setF] = useState({
    name: rule?.name ?? '',
    series: rule?.series ?? '',
    labels: rule ? labelsText(rule.labels) : '',
    when: rule?.when ?? 'above',
    threshold: rule ? String(rule.threshold) : '',
    forSeconds: String(rule?.forSeconds ?? 60),
    severity: rule?.severity ?? 'SEV3',
    title: rule?.title ?? '',
  });
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setF({ ...f, [k]: e.target.value });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = {
      name: f.name,
      series: f.series,
      labels: parseLabels(f.labels),
      when: f.when,
      threshold: f.threshold === '' ? undefined : Number(f.threshold),
      forSeconds: Number(f.forSeconds),
      severity: f.severity,
      title: f.title || (rule ? null : undefined),
      // An empty threshold goes as missing, so the server names the field in words.
    } as TBodyOf<typeof rulesApi.create>;
    save.mutate(rule ? { method: 'PATCH', id: rule.id, body } : { method: 'POST', body }, { onSuccess: () => onDone?.() });
  };
  const errors =
    save.error instanceof ApiError && save.error.details.length
      ? save.error.details
      : save.error
        ? [{ field: 'rule', message: save.error.message }]
        : [];
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-4" data-testid="rule-form">
      <label className={LABEL}>
        {t('name')}
        <input name="name" className={INPUT} value={f.name} onChange={set('name')} required />
      </label>
      <label className={LABEL}>
        {t('series')}
        <input name="series" className={INPUT} value={f.series} onChange={set('series')} placeholder="partner_dirty_ratio" />
      </label>
      <label className={`${LABEL} sm:col-span-2`}>
        {t('labels')}
        <input name="labels" className={INPUT} value={f.labels} onChange={set('labels')} placeholder="partner=acme" />
      </label>
      <label className={LABEL}>
        {t('when')}
        <select name="when" className={INPUT} value={f.when} onChange={set('when')}>
          <option value="above">{t('above')}</option>
          <option value="below">{t('below')}</option>
        </select>
      </label>
      <NumberField name="threshold" label={t('threshold')} step="any" value={f.threshold} onChange={set('threshold')} />
      <NumberField name="forSeconds" label={t('forSeconds')} value={f.forSeconds} onChange={set('forSeconds')} />
      <label className={LABEL}>
        {t('severity')}
        <select name="severity" className={INPUT} value={f.severity} onChange={set('severity')}>
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label className={`${LABEL} sm:col-span-3`}>
        {t('incidentTitle')}
        <input name="title" className={INPUT} value={f.title} onChange={set('title')} />
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className={PRIMARY} disabled={save.isPending}>
          {rule ? t('saveRule') : t('addRule')}
        </button>
        {onDone && rule ? (
          <button type="button" className={BUTTON} onClick={onDone}>
            {t('cancel')}
          </button>
        ) : null}
      </div>
      <div className="sm:col-span-4">
        <FieldErrors errors={errors} />
      </div>
    </form>
  );
}

/** Alert rules: a series beyond a threshold for a while opens an incident; back within as long, it is noted and moves to monitoring. */
export function RulesSection({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const t = useTranslations('probes');
  const { data, error } = useRulesQuery(slug);
  const remove = useSignalAdmin(slug, 'rules');
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className={`${PANEL} space-y-3 p-4`} data-testid="rules">
      <h2 className="text-lg font-semibold">{t('rules')}</h2>
      <p className="text-sm text-dim">{t('rulesIntro')}</p>
      {error ? <p className="text-crit">{error.message}</p> : null}
      {data && data.rules.length === 0 ? <p className="text-sm text-dim">{t('noRules')}</p> : null}
      <ul className="divide-y divide-edge">
        {data?.rules.map((r) =>
          editing === r.id ? (
            <li key={r.id} className="py-2">
              <RuleForm slug={slug} rule={r} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={r.id} className="flex flex-wrap items-center gap-2 py-2 text-sm" data-testid="rule-row">
              <span className="font-medium">{r.name}</span>
              <span className="font-mono text-dim">
                {r.series}
                {Object.keys(r.labels).length ? `{${labelsText(r.labels)}}` : ''}{' '}
                {t('ruleLine', {
                  when: t(r.when === 'below' ? 'below' : 'above'),
                  threshold: r.threshold,
                  seconds: r.forSeconds,
                  severity: r.severity,
                })}
              </span>
              {r.firing.length > 0 ? (
                <span className="rounded bg-crit px-1 text-xs font-bold text-bg">{t('firing', { count: r.firing.length })}</span>
              ) : null}
              {canEdit ? (
                <span className="ml-auto flex gap-2">
                  <button type="button" className={BUTTON} onClick={() => setEditing(r.id)}>
                    {t('edit')}
                  </button>
                  <button type="button" className={BUTTON} onClick={() => remove.mutate({ method: 'DELETE', id: r.id })}>
                    {t('delete')}
                  </button>
                </span>
              ) : null}
            </li>
          ),
        )}
      </ul>
      {canEdit ? <RuleForm slug={slug} /> : null}
    </section>
  );
}
