'use client';

import { DateTimeInput } from '@/app/_ui/date-time-input';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { COMPONENT_STATES, IMPACTS, type STATUS, type TStatusAdmin } from '@/lib/api/status';
import type { TBodyOf } from '@/lib/api/contract';
import { ApiError, api } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/live-query';
import { newIdempotencyKey } from '@/lib/client/use-incidents-actions';
import { STATUSES } from '@/lib/incidents';
import { BUTTON, INPUT, PANEL, PRIMARY } from '@/app/_ui/controls';
import { useErrorWords } from '@/app/_ui/use-error-words';

const key = (slug: string) => ['room', slug, 'status-page'] as const;

/** The lead's side of the status page. Every field of the publish form starts empty: nothing internal is copied. */
export function StatusAdminScreen({
  slug,
  canEdit,
  publishFrom,
}: {
  slug: string;
  canEdit: boolean;
  publishFrom: { incidentId: string; number: number } | null;
}) {
  const t = useTranslations('statusAdmin');
  const tp = useTranslations('statusPage');
  const words = useErrorWords();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: key(slug),
    queryFn: () => api.status.admin({ params: { room: slug } }),
  });
  const probes = useQuery({
    // the room's probe list, the same cache entry the probes screen keeps live
    queryKey: queryKeys.probes(slug),
    queryFn: () => api.probes.list({ params: { room: slug } }),
    enabled: canEdit,
  });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: (f: () => Promise<unknown>) => f(),
    onSuccess: () => {
      setError(null);
      void qc.invalidateQueries({ queryKey: key(slug) });
    },
    onError: (e) => setError(e instanceof ApiError && e.details?.length ? e.details.map(words).join(' ') : (e as Error).message),
  });
  const run = (f: () => Promise<unknown>, after?: () => void) =>
    m.mutate(f, {
      onSuccess: () => {
        setDone(t('published'));
        after?.();
      },
    });
  const d: TStatusAdmin | undefined = q.data;
  if (!d) return <main className="p-6">{q.error ? (q.error as Error).message : '…'}</main>;
  const url = typeof window === 'undefined' ? `/status/${slug}` : `${window.location.origin}/status/${slug}`;
  return (
    <main className="mx-auto max-w-4xl space-y-6 p-4">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      {error && (
        <p role="alert" className="rounded border border-crit p-2 text-sm">
          {error}
        </p>
      )}
      {done && !error && (
        <p role="status" className="text-sm text-ok">
          {done}
        </p>
      )}
      {!canEdit && <p className="text-dim">{t('readOnly')}</p>}

      <section className={`${PANEL} space-y-2 p-4`}>
        <p data-testid="status-switch-state">
          {d.statusPage.enabled ? (
            <>
              {t('on', { url: '' })}
              <a className="underline" href={`/status/${slug}`}>
                {url}
              </a>
            </>
          ) : (
            t('off')
          )}
        </p>
        {canEdit && (
          <PageSwitch
            enabled={d.statusPage.enabled}
            title={d.statusPage.title ?? ''}
            onSave={(enabled, title) =>
              run(() =>
                api.rooms.updateSettings({
                  params: { room: slug },
                  body: { statusPage: { enabled, title: title || null } },
                }),
              )
            }
          />
        )}
      </section>

      <section className={`${PANEL} space-y-3 p-4`} aria-labelledby="components-h">
        <h2 id="components-h" className="font-semibold">
          {t('components')}
        </h2>
        <ul className="divide-y divide-edge">
          {d.components.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="admin-component">
              <span>
                {c.group ? `${c.group} / ` : ''}
                <strong>{c.name}</strong> {c.probe ? `(${t('probe')}: ${c.probe})` : ''}
              </span>
              <span className="flex items-center gap-2">
                <span className="text-sm">{tp(`state.${c.status}`)}</span>
                {canEdit && (
                  <>
                    <label className="sr-only" htmlFor={`manual-${c.id}`}>
                      {t('manual')}
                    </label>
                    <select
                      id={`manual-${c.id}`}
                      className={INPUT}
                      value={c.manualStatus ?? ''}
                      onChange={(e) =>
                        run(() =>
                          api.status.updateComponent({
                            params: { room: slug, id: c.id },
                            body: { status: (e.target.value || null) as (typeof COMPONENT_STATES)[number] | null },
                          }),
                        )
                      }
                    >
                      <option value="">{t('followProbe')}</option>
                      {COMPONENT_STATES.map((s) => (
                        <option key={s} value={s}>
                          {tp(`state.${s}`)}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className={BUTTON}
                      onClick={() =>
                        run(() =>
                          api.status.removeComponent({
                            params: { room: slug, id: c.id },
                          }),
                        )
                      }
                    >
                      {t('remove')}
                    </button>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
        {canEdit && (
          <ComponentForm
            probes={probes.data?.probes.map((p) => p.name) ?? []}
            onAdd={(body, reset) =>
              run(
                () =>
                  api.status.createComponent({
                    params: { room: slug },
                    body,
                    idempotencyKey: newIdempotencyKey(),
                  }),
                reset,
              )
            }
          />
        )}
      </section>

      {canEdit && (
        <section id="publish" className={`${PANEL} space-y-3 p-4`} aria-labelledby="publish-h">
          <h2 id="publish-h" className="font-semibold">
            {t('publish')}
          </h2>
          {publishFrom && <p className="text-sm text-dim">{t('publishFrom', { number: publishFrom.number })}</p>}
          <PublishForm
            components={d.components}
            onPublish={(body, reset) =>
              run(
                () =>
                  api.status.publish({
                    params: { room: slug },
                    body: { ...body, ...(publishFrom ? { incidentId: publishFrom.incidentId } : {}) },
                    idempotencyKey: newIdempotencyKey(),
                  }),
                reset,
              )
            }
          />
        </section>
      )}

      <section className={`${PANEL} space-y-3 p-4`} aria-labelledby="incidents-h">
        <h2 id="incidents-h" className="font-semibold">
          {t('incidents')}
        </h2>
        {d.incidents.length === 0 && <p className="text-dim">{t('noIncidents')}</p>}
        {d.incidents.map((i) => (
          <article key={i.id} className="space-y-2 border-t border-edge pt-2" data-testid="admin-incident">
            <h3 className="font-semibold">
              {i.title} — {tp(`status.${i.status}`)}
            </h3>
            <ol className="space-y-1 text-sm">
              {i.updates.map((u) => (
                <li key={u.id}>
                  <strong>{tp(`status.${u.status}`)}</strong> — {u.body}
                </li>
              ))}
            </ol>
            {canEdit && i.status !== 'resolved' && (
              <UpdateForm
                id={i.id}
                onPost={(body, reset) =>
                  run(
                    () =>
                      api.status.postUpdate({
                        params: { room: slug, id: i.id },
                        body,
                        idempotencyKey: newIdempotencyKey(),
                      }),
                    reset,
                  )
                }
              />
            )}
          </article>
        ))}
      </section>

      <section className={`${PANEL} space-y-3 p-4`} aria-labelledby="maint-h">
        <h2 id="maint-h" className="font-semibold">
          {t('maintenances')}
        </h2>
        {d.maintenances.length === 0 && <p className="text-dim">{t('noMaintenances')}</p>}
        <ul className="space-y-1 text-sm">
          {d.maintenances.map((mt) => (
            <li key={mt.id}>
              <strong>{mt.title}</strong> {new Date(mt.startsAt).toLocaleString()} – {new Date(mt.endsAt).toLocaleString()}
            </li>
          ))}
        </ul>
        {canEdit && (
          <MaintenanceForm
            onSchedule={(body, reset) =>
              run(
                () =>
                  api.status.scheduleMaintenance({
                    params: { room: slug },
                    body,
                    idempotencyKey: newIdempotencyKey(),
                  }),
                reset,
              )
            }
          />
        )}
      </section>
    </main>
  );
}

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

function PageSwitch({ enabled, title, onSave }: { enabled: boolean; title: string; onSave: (enabled: boolean, title: string) => void }) {
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
function ComponentForm({ probes, onAdd }: { probes: string[]; onAdd: (b: TComponentBody, reset: () => void) => void }) {
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
function PublishForm({
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
function UpdateForm({ id, onPost }: { id: string; onPost: (b: TUpdateBody, reset: () => void) => void }) {
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
function MaintenanceForm({ onSchedule }: { onSchedule: (b: TMaintBody, reset: () => void) => void }) {
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
