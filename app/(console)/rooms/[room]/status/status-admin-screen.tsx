'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { COMPONENT_STATES, type TStatusAdmin } from '@/lib/api/status';
import { ApiError, api } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/live-query';
import { newIdempotencyKey } from '@/lib/client/use-incidents-actions';
import { BUTTON, INPUT, PANEL } from '@/app/_ui/controls';
import { useErrorWords } from '@/app/_ui/use-error-words';
import { ComponentForm, MaintenanceForm, PageSwitch, PublishForm, UpdateForm } from './status-forms';

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
