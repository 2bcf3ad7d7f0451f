'use client';

import { DateTimeInput } from '@/app/_ui/date-time-input';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { IMPACTS, type STATUS, type TStatusAdmin } from '@/lib/api/status';
import type { TBodyOf } from '@/lib/api/contract';
import { STATUSES } from '@/lib/incidents';
import { BUTTON, INPUT, PRIMARY } from '@/app/_ui/controls';

/** The status page admin's forms: the page switch, a component, a published incident, an update, a maintenance window. */
function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm text-dim">
        {label}
      </label>
      {children}
    </div>
  );
}

export function PageSwitch({
  enabled,
  title,
  onSave,
}: {
  enabled: boolean;
  title: string;
  onSave: (enabled: boolean, title: string) => void;
}) {
  const t = useTranslations('statusAdmin');
  const [value, setValue] = useState(title);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Field id="sp-title" label={t('pageTitle')}>
        <input id="sp-title" className={INPUT} value={value} onChange={(e) => setValue(e.target.value)} />
      </Field>
      <button type="button" className={enabled ? BUTTON : PRIMARY} data-testid="status-switch" onClick={() => onSave(!enabled, value)}>
        {enabled ? t('disable') : t('enable')}
      </button>
    </div>
  );
}

type TComponentBody = TBodyOf<typeof STATUS.createComponent>;
export function ComponentForm({ probes, onAdd }: { probes: string[]; onAdd: (b: TComponentBody, reset: () => void) => void }) {
  const t = useTranslations('statusAdmin');
  const [f, setF] = useState({ name: '', group: '', probe: '', degradedAfterMs: '' });
  const reset = () => setF({ name: '', group: '', probe: '', degradedAfterMs: '' });
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd(
          {
            name: f.name,
            group: f.group || null,
            probe: f.probe || null,
            degradedAfterMs: f.degradedAfterMs ? Number(f.degradedAfterMs) : null,
          },
          reset,
        );
      }}
    >
      <Field id="c-name" label={t('name')}>
        <input id="c-name" className={INPUT} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />
      </Field>
      <Field id="c-group" label={t('group')}>
        <input id="c-group" className={INPUT} value={f.group} onChange={(e) => setF({ ...f, group: e.target.value })} />
      </Field>
      <Field id="c-probe" label={t('probe')}>
        <select id="c-probe" className={INPUT} value={f.probe} onChange={(e) => setF({ ...f, probe: e.target.value })}>
          <option value="">{t('noProbe')}</option>
          {probes.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </Field>
      <Field id="c-slow" label={t('degradedAfterMs')}>
        <input
          id="c-slow"
          className={INPUT}
          inputMode="numeric"
          value={f.degradedAfterMs}
          onChange={(e) => setF({ ...f, degradedAfterMs: e.target.value })}
        />
      </Field>
      <button type="submit" className={PRIMARY}>
        {t('addComponent')}
      </button>
    </form>
  );
}

type TPublishBody = TBodyOf<typeof STATUS.publish>;
export function PublishForm({
  components,
  onPublish,
}: {
  components: TStatusAdmin['components'];
  onPublish: (b: TPublishBody, reset: () => void) => void;
}) {
  const t = useTranslations('statusAdmin');
  const empty = { title: '', impact: 'minor' as (typeof IMPACTS)[number], message: '', components: [] as string[] };
  const [f, setF] = useState(empty);
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        onPublish({ title: f.title, impact: f.impact, message: f.message, components: f.components, status: 'investigating' }, () =>
          setF(empty),
        );
      }}
    >
      <Field id="p-title" label={t('incidentTitle')}>
        <input id="p-title" className={INPUT} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} />
      </Field>
      <Field id="p-impact" label={t('impact')}>
        <select
          id="p-impact"
          className={INPUT}
          value={f.impact}
          onChange={(e) => setF({ ...f, impact: e.target.value as typeof f.impact })}
        >
          {IMPACTS.map((i) => (
            <option key={i} value={i}>
              {t(`impactLevel.${i}`)}
            </option>
          ))}
        </select>
      </Field>
      <fieldset>
        <legend className="text-sm text-dim">{t('affected')}</legend>
        {components.map((c) => (
          <label key={c.id} className="mr-3 inline-flex items-center gap-1">
            <input
              type="checkbox"
              checked={f.components.includes(c.id)}
              onChange={(e) =>
                setF({ ...f, components: e.target.checked ? [...f.components, c.id] : f.components.filter((x) => x !== c.id) })
              }
            />
            {c.name}
          </label>
        ))}
      </fieldset>
      <Field id="p-message" label={t('message')}>
        <textarea id="p-message" className={INPUT} rows={3} value={f.message} onChange={(e) => setF({ ...f, message: e.target.value })} />
      </Field>
      <button type="submit" className={PRIMARY} data-testid="publish-submit">
        {t('publishButton')}
      </button>
    </form>
  );
}

type TUpdateBody = TBodyOf<typeof STATUS.postUpdate>;
export function UpdateForm({ id, onPost }: { id: string; onPost: (b: TUpdateBody, reset: () => void) => void }) {
  const t = useTranslations('statusAdmin');
  const tp = useTranslations('statusPage');
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('identified');
  const [message, setMessage] = useState('');
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onPost({ status, message }, () => setMessage(''));
      }}
    >
      <Field id={`u-status-${id}`} label={t('status')}>
        <select id={`u-status-${id}`} className={INPUT} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {tp(`status.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`u-msg-${id}`} label={t('message')}>
        <input id={`u-msg-${id}`} className={INPUT} value={message} onChange={(e) => setMessage(e.target.value)} />
      </Field>
      <button type="submit" className={BUTTON} data-testid="post-public-update">
        {t('postUpdate')}
      </button>
    </form>
  );
}

type TMaintBody = TBodyOf<typeof STATUS.scheduleMaintenance>;
export function MaintenanceForm({ onSchedule }: { onSchedule: (b: TMaintBody, reset: () => void) => void }) {
  const t = useTranslations('statusAdmin');
  const empty = { title: '', startsAt: '', endsAt: '', message: '' };
  const [f, setF] = useState(empty);
  const iso = (local: string) => (local ? new Date(local).toISOString() : '');
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSchedule({ title: f.title, startsAt: iso(f.startsAt), endsAt: iso(f.endsAt), message: f.message, components: [] }, () =>
          setF(empty),
        );
      }}
    >
      <Field id="m-title" label={t('incidentTitle')}>
        <input id="m-title" className={INPUT} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} />
      </Field>
      <Field id="m-start" label={t('startsAt')}>
        <DateTimeInput id="m-start" value={f.startsAt} onChange={(startsAt) => setF({ ...f, startsAt })} />
      </Field>
      <Field id="m-end" label={t('endsAt')}>
        <DateTimeInput id="m-end" value={f.endsAt} onChange={(endsAt) => setF({ ...f, endsAt })} />
      </Field>
      <Field id="m-msg" label={t('message')}>
        <input id="m-msg" className={INPUT} value={f.message} onChange={(e) => setF({ ...f, message: e.target.value })} />
      </Field>
      <button type="submit" className={BUTTON}>
        {t('schedule')}
      </button>
    </form>
  );
}
