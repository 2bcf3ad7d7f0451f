'use client';

import { useState } from 'react';
import type { TMe } from '@/app/(console)/incidents/_components/session';
import type { THandoverDto } from '@/lib/api/night-report';
import { BUTTON, INPUT, PANEL as PANEL_BASE, PRIMARY } from '@/app/_ui/controls';
import { formatStamp } from '@/lib/night/format';
import { BriefView } from './brief-view';
import { useHandoverLabels } from './labels';
import { useAcceptHandover, useBriefPreview, useCreateHandover, useHandovers } from './use-handovers';

const PANEL = `${PANEL_BASE} p-4`;

const isLead = (me: TMe) => me.role === 'lead' || me.role === 'admin';

/** Start a handover (brief preview, note, send); the incoming lead sees it pending and accepts; the history below. */
export function HandoverScreen({ slug, me, leads }: { slug: string; me: TMe; leads: { id: string; name: string; email: string }[] }) {
  const t = useHandoverLabels();
  const { data, error } = useHandovers(slug);
  if (error)
    return (
      <main className="p-6 text-crit" role="alert">
        {error.message}
      </main>
    );
  if (!data) return <main className="p-6 text-dim">Loading…</main>;
  const tz = data.room.timeZone;
  const pending = data.handovers.filter((h) => !h.acceptedAt);
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">
          {t.title} <span className="text-base font-normal text-dim">{data.room.name}</span>
        </h1>
        <p data-testid="on-duty-console">
          {data.onDuty
            ? `${t.onDuty}: ${data.onDuty.person.name} ${t.since} ${formatStamp(data.onDuty.since, tz).slice(11)}`
            : t.nobodyOnDuty}
        </p>
      </header>
      {isLead(me) ? <StartHandover slug={slug} leads={leads} timeZone={tz} /> : <p className="text-dim">{t.leadsOnly}</p>}
      {pending.map((h) => (
        <Pending key={h.id} slug={slug} h={h} me={me} timeZone={tz} />
      ))}
      <section className={PANEL} data-testid="handover-history">
        <h2 className="mb-2 text-lg font-semibold">{t.history}</h2>
        {data.handovers.length === 0 ? <p className="text-dim">{t.none}</p> : null}
        <ul className="grid gap-2">
          {data.handovers.map((h) => (
            <li key={h.id}>
              <details>
                <summary className="cursor-pointer">
                  {formatStamp(h.createdAt, tz)} · {h.from.name} → {h.to?.name ?? t.anyLead} ·{' '}
                  {h.acceptedAt
                    ? `${t.acceptedBy} ${h.acceptedBy?.name} ${formatStamp(h.acceptedAt, tz).slice(11)}${h.tookOver ? ` (${h.tookOver} ${t.tookOver})` : ''}`
                    : t.notAccepted}
                </summary>
                {h.note ? <p className="my-2 whitespace-pre-wrap">{h.note}</p> : null}
                <BriefView brief={h.brief} timeZone={tz} />
              </details>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

function StartHandover({
  slug,
  leads,
  timeZone,
}: {
  slug: string;
  leads: { id: string; name: string; email: string }[];
  timeZone: string;
}) {
  const t = useHandoverLabels();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const preview = useBriefPreview(slug, open);
  const create = useCreateHandover(slug);
  if (!open) {
    return (
      <div>
        <button type="button" className={PRIMARY} onClick={() => setOpen(true)} data-testid="start-handover">
          {t.start}
        </button>
      </div>
    );
  }
  const send = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate(
      { ...(to ? { to } : {}), ...(note.trim() ? { note } : {}) },
      {
        onSuccess: () => {
          setOpen(false);
          setNote('');
          setTo('');
        },
      },
    );
  };
  return (
    <section className={PANEL} data-testid="handover-form">
      <h2 className="mb-2 text-lg font-semibold">{t.preview}</h2>
      {preview.data ? <BriefView brief={preview.data.brief} timeZone={timeZone} /> : <p className="text-dim">…</p>}
      <form onSubmit={send} className="mt-3 grid gap-3">
        <label className="flex flex-col gap-1 text-sm">
          {t.to}
          <select className={INPUT} value={to} onChange={(e) => setTo(e.target.value)} data-testid="handover-to">
            <option value="">{t.anyLead}</option>
            {leads.map((l) => (
              <option key={l.id} value={l.email}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t.note}
          <textarea
            className={`${INPUT} min-h-24 py-2`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="handover-note"
            maxLength={10_000}
          />
        </label>
        {create.error ? (
          <p role="alert" className="text-sm text-crit">
            {create.error.message}
          </p>
        ) : null}
        <div className="flex gap-2">
          <button type="submit" className={PRIMARY} disabled={create.isPending} data-testid="send-handover">
            {t.send}
          </button>
          <button type="button" className={BUTTON} onClick={() => setOpen(false)}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

function Pending({ slug, h, me, timeZone }: { slug: string; h: THandoverDto; me: TMe; timeZone: string }) {
  const t = useHandoverLabels();
  const accept = useAcceptHandover(slug);
  const [take, setTake] = useState(true);
  const mine = isLead(me) && h.from.id !== me.id && (h.to ? h.to.id === me.id : true);
  return (
    <section className={`${PANEL} border-users`} data-testid="handover-pending">
      <h2 className="text-lg font-semibold">
        {t.pending}: {h.from.name} → {h.to?.name ?? t.anyLead}
      </h2>
      <p className="text-sm text-dim">{formatStamp(h.createdAt, timeZone)}</p>
      {h.note ? (
        <p className="my-2 whitespace-pre-wrap" data-testid="handover-pending-note">
          {h.note}
        </p>
      ) : null}
      <BriefView brief={h.brief} timeZone={timeZone} />
      {mine ? (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={take} onChange={(e) => setTake(e.target.checked)} data-testid="take-ownership" />
            {t.takeOwnership}
          </label>
          <button
            type="button"
            className={PRIMARY}
            disabled={accept.isPending}
            onClick={() => accept.mutate({ id: h.id, takeOwnership: take })}
            data-testid="accept-handover"
          >
            {t.accept}
          </button>
          {accept.error ? (
            <p role="alert" className="text-sm text-crit">
              {accept.error.message}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
