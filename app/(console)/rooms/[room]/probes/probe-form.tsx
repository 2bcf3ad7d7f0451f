'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ApiError } from '@/lib/client/api';
import { SEVERITIES } from '@/lib/incidents';
import type { TProbe } from '@/lib/api/signals';
import { BUTTON, FieldErrors, INPUT, PRIMARY } from '../../../incidents/_components/ui';
import { useSignalAdmin } from './use-signal-admin';
import { FIELD_LABEL, NumberField } from '@/app/_ui/number-field';

const LABEL = FIELD_LABEL;

/** Create or edit a probe. Errors come back from the API with each field named, and are shown in words beside the form. */
export function ProbeForm({ slug, probe, onDone }: { slug: string; probe?: TProbe; onDone?: () => void }) {
  const t = useTranslations('probes');
  const save = useSignalAdmin(slug, 'probes');
  const [f, setF] = useState({
    name: probe?.name ?? '',
    url: probe?.url ?? 'https://',
    method: probe?.method ?? 'GET',
    expectStatus: (probe?.expectStatus ?? [200]).join(', '),
    expectText: probe?.expectText ?? '',
    intervalSeconds: String(probe?.intervalSeconds ?? 30),
    timeoutMs: String(probe?.timeoutMs ?? 5000),
    downAfter: String(probe?.downAfter ?? 3),
    upAfter: String(probe?.upAfter ?? 2),
    severity: probe?.severity ?? 'SEV2',
  });
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setF({ ...f, [k]: e.target.value });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = {
      name: f.name,
      url: f.url,
      method: f.method,
      expectStatus: f.expectStatus
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number),
      expectText: f.expectText || (probe ? null : undefined),
      intervalSeconds: Number(f.intervalSeconds),
      timeoutMs: Number(f.timeoutMs),
      downAfter: Number(f.downAfter),
      upAfter: Number(f.upAfter),
      severity: f.severity,
    };
    save.mutate(probe ? { method: 'PATCH', id: probe.id, body } : { method: 'POST', body }, { onSuccess: () => onDone?.() });
  };
  const errors =
    save.error instanceof ApiError && save.error.details.length
      ? save.error.details
      : save.error
        ? [{ field: 'probe', message: save.error.message }]
        : [];
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-4" data-testid="probe-form">
      <label className={`${LABEL} sm:col-span-1`}>
        {t('name')}
        <input name="name" className={INPUT} value={f.name} onChange={set('name')} required />
      </label>
      <label className={`${LABEL} sm:col-span-3`}>
        URL
        <input name="url" className={INPUT} value={f.url} onChange={set('url')} required />
      </label>
      <label className={LABEL}>
        {t('method')}
        <select name="method" className={INPUT} value={f.method} onChange={set('method')}>
          <option>GET</option>
          <option>HEAD</option>
          <option>POST</option>
        </select>
      </label>
      <label className={LABEL}>
        {t('expectStatus')}
        <input name="expectStatus" className={INPUT} value={f.expectStatus} onChange={set('expectStatus')} />
      </label>
      <label className={`${LABEL} sm:col-span-2`}>
        {t('expectText')}
        <input name="expectText" className={INPUT} value={f.expectText} onChange={set('expectText')} />
      </label>
      <NumberField name="intervalSeconds" label={t('every')} value={f.intervalSeconds} onChange={set('intervalSeconds')} />
      <NumberField name="timeoutMs" label={t('timeout')} value={f.timeoutMs} onChange={set('timeoutMs')} />
      <NumberField name="downAfter" label={t('downAfter')} value={f.downAfter} onChange={set('downAfter')} />
      <NumberField name="upAfter" label={t('upAfter')} value={f.upAfter} onChange={set('upAfter')} />
      <label className={LABEL}>
        {t('severityDown')}
        <select name="severity" className={INPUT} value={f.severity} onChange={set('severity')}>
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <div className="flex items-end gap-2 sm:col-span-3">
        <button type="submit" className={PRIMARY} disabled={save.isPending} data-testid="probe-save">
          {probe ? t('save') : t('add')}
        </button>
        {onDone && probe ? (
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
