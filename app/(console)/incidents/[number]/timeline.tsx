'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { currentText } from '@/lib/client/use-incidents-cache';
import type { TIncidentDetail, TIncidentEntryDto } from '@/lib/incidents';
import type { TMe } from '../_components/session';
import { BUTTON, INPUT, useTimeOf } from '../_components/ui';
import type { useAct } from './use-act';

type TRef = { id?: string; name?: string } | null | undefined;
type TT = ReturnType<typeof useTranslations<'incident.timeline'>>;

/** What a non-post entry says, in one line, in the person's language. Stored text is rendered as text, never as HTML. */
function describeEntry(e: TIncidentEntryDto, t: TT, status: (s: unknown) => string, nobody: string): string {
  const d = (e.data ?? {}) as Record<string, unknown>;
  const nameOf = (p: unknown) => (p as TRef)?.name ?? nobody;
  switch (e.kind) {
    case 'created':
      return t('created', { severity: String(d.severity ?? '') });
    case 'claim':
      return t('claim');
    case 'release':
      return d.from ? t('releaseOf', { name: nameOf(d.from) }) : t('release');
    case 'handover':
      return t(d.takeover ? 'takeover' : 'handover', { from: nameOf(d.from), to: nameOf(d.to) });
    case 'status':
      return t(d.reopened ? 'reopened' : 'status', { from: status(d.from), to: status(d.to) });
    case 'severity':
      return t('severity', { from: String(d.from), to: String(d.to) });
    case 'helper':
      return t(d.removed ? 'helperRemoved' : 'helperAdded', { name: nameOf(d.helper) });
    case 'escalation':
      return t('escalation', { name: nameOf(d.to) });
    case 'finding':
      return d.to === 'open'
        ? t(d.from ? 'findingReopened' : 'hypothesis', { text: String(d.text) })
        : t(d.to === 'ruled_out' ? 'ruledOut' : 'confirmed', { text: String(d.text) });
    case 'impact': {
      const to = (d.to ?? {}) as { value?: number | null; unit?: string | null };
      return to.value !== null && to.value !== undefined
        ? t('impactTo', { value: `${to.value}${to.unit ? ` ${to.unit}` : ''}` })
        : t('impact');
    }
    case 'link':
      return t(d.removed ? 'unlinked' : 'linked', { name: String(d.seriesName) });
    case 'ack':
      return t('ack');
    case 'auto':
      return t('auto');
    case 'server':
      return t(d.action === 'restore' ? 'restored' : 'drained', { name: String(d.server) });
    default:
      return e.kind;
  }
}

/** The timeline, newest first. Edits are their own entries: a post shows its latest text and keeps the old one visible. */
export function Timeline({ incident, me, actions }: { incident: TIncidentDetail; me: TMe; actions: ReturnType<typeof useAct> }) {
  const t = useTranslations('incident.timeline');
  const rows = incident.timeline
    .filter((e) => e.kind !== 'edit')
    .slice()
    .reverse();
  return (
    <ol className="space-y-1" data-testid="timeline" aria-label={t('label')}>
      {rows.map((e) => (
        <Entry key={e.id} entry={e} incident={incident} me={me} actions={actions} />
      ))}
    </ol>
  );
}

function Entry({
  entry: e,
  incident,
  me,
  actions,
}: {
  entry: TIncidentEntryDto;
  incident: TIncidentDetail;
  me: TMe;
  actions: ReturnType<typeof useAct>;
}) {
  const t = useTranslations('incident.timeline');
  const tc = useTranslations('common');
  const timeOf = useTimeOf();
  const status = (s: unknown) => (tc.has(`status.${String(s)}`) ? tc(`status.${String(s)}` as 'status.resolved') : String(s));
  const [editing, setEditing] = useState<string | null>(null);
  const isText = e.kind === 'post' || e.kind === 'comment';
  // A finding's text is already in its one-line description.
  const text = isText ? currentText(e, incident.timeline) : e.kind === 'finding' ? null : e.body;
  const canEdit = isText && (e.author?.id === me.id || me.role === 'lead' || me.role === 'admin');
  const history = isText && e.editedBy ? incident.timeline.filter((x) => x.kind === 'edit' && x.editsId === e.id) : [];
  return (
    <li
      className={`rounded-md border-l-2 px-2 py-1 ${isText ? 'border-users bg-panel' : 'border-edge'}`}
      data-testid="timeline-entry"
      data-kind={e.kind}
      data-seq={e.seq}
    >
      <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-dim">
        <time dateTime={e.createdAt} className="tabular">
          {timeOf(e.createdAt)}
        </time>
        <span className="font-medium text-ink">{e.authorName ?? tc('state.system')}</span>
        {!isText && <span>{describeEntry(e, t, status, tc('state.nobody'))}</span>}
        {e.kind === 'comment' && <span>{t('comment')}</span>}
        {history.length > 0 && <span className="italic">{t('edited')}</span>}
        {canEdit && editing === null && (
          <button type="button" className="underline" onClick={() => setEditing(text ?? '')}>
            {t('edit')}
          </button>
        )}
      </div>
      {editing !== null ? (
        <form
          className="mt-1 flex gap-2"
          onSubmit={(ev) => {
            ev.preventDefault();
            void actions
              .act({ id: incident.id, action: 'editEntry', entryId: e.id, body: { body: editing } })
              .then((ok) => ok && setEditing(null));
          }}
        >
          <input
            className={`${INPUT} flex-1`}
            value={editing}
            onChange={(ev) => setEditing(ev.target.value)}
            aria-label={t('editedText')}
          />
          <button type="submit" className={BUTTON}>
            {tc('save')}
          </button>
          <button type="button" className={BUTTON} onClick={() => setEditing(null)}>
            {tc('cancel')}
          </button>
        </form>
      ) : (
        text && <p className="whitespace-pre-wrap text-sm [overflow-wrap:anywhere]">{text}</p>
      )}
      {history.length > 0 && (
        <p className="whitespace-pre-wrap text-xs text-dim [overflow-wrap:anywhere]" data-testid="edit-history">
          {t('was')} <s>{e.body}</s>
          {history.slice(0, -1).map((h) => (
            <span key={h.id}>
              {' '}
              → <s>{h.body}</s>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}
