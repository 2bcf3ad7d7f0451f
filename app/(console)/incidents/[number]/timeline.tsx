'use client';

import { useTranslations } from 'next-intl';
import { memo, useState } from 'react';
import { currentText } from '@/lib/client/use-incidents-cache';
import type { TIncidentDetail } from '@/lib/api/incidents';
import type { TIncidentEntryDto } from '@/lib/api/incident-timeline';
import type { TStatus } from '@/lib/incidents';
import type { TMe } from '../_components/session';
import { BUTTON, INPUT, useTimeOf } from '../_components/ui';
import type { TActOnly } from './use-act';

type TT = ReturnType<typeof useTranslations<'incident.timeline'>>;

/** What a non-post entry says, in one line, in the person's language. Stored text is rendered as text, never as HTML. */
function describeEntry(e: TIncidentEntryDto, t: TT, status: (s: TStatus) => string, nobody: string): string {
  switch (e.kind) {
    case 'created':
      return t('created', { severity: e.data.severity });
    case 'claim':
      return t('claim');
    case 'release':
      return e.data.from ? t('releaseOf', { name: e.data.from.name }) : t('release');
    case 'handover':
      return t(e.data.takeover ? 'takeover' : 'handover', { from: e.data.from?.name ?? nobody, to: e.data.to.name });
    case 'status':
      return t(e.data.reopened ? 'reopened' : 'status', { from: status(e.data.from), to: status(e.data.to) });
    case 'severity':
      return t('severity', { from: e.data.from, to: e.data.to });
    case 'helper':
      return t(e.data.removed ? 'helperRemoved' : 'helperAdded', { name: e.data.helper.name });
    case 'escalation':
      return t('escalation', { name: e.data.to.name });
    case 'finding': {
      const { from, to, text } = e.data;
      return to === 'open'
        ? t(from ? 'findingReopened' : 'hypothesis', { text })
        : t(to === 'ruled_out' ? 'ruledOut' : 'confirmed', { text });
    }
    case 'impact': {
      const { value, unit } = e.data.to;
      return value !== null ? t('impactTo', { value: `${value}${unit ? ` ${unit}` : ''}` }) : t('impact');
    }
    case 'link':
      return t(e.data.removed ? 'unlinked' : 'linked', { name: e.data.seriesName });
    case 'ack':
      return t('ack');
    case 'auto':
      return t('auto');
    case 'server':
      return t(e.data.action === 'restore' ? 'restored' : 'drained', { name: e.data.server });
    case 'post':
    case 'comment':
    case 'edit':
      return e.kind;
  }
}

/** The timeline, newest first. Edits are their own entries: a post shows its latest text and keeps the old one visible. */
export const Timeline = memo(function Timeline({ incident, me, actions }: { incident: TIncidentDetail; me: TMe; actions: TActOnly }) {
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
});

function Entry({ entry: e, incident, me, actions }: { entry: TIncidentEntryDto; incident: TIncidentDetail; me: TMe; actions: TActOnly }) {
  const t = useTranslations('incident.timeline');
  const tc = useTranslations('common');
  const timeOf = useTimeOf();
  const status = (s: TStatus) => tc(`status.${s}`);
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
      {e.kind === 'auto' && e.data && 'alerts' in e.data && <AlertsTold alerts={e.data.alerts} />}
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

type TAlertTold = Extract<Extract<TIncidentEntryDto, { kind: 'auto' }>['data'], { groupKey: string }>['alerts'][number];

/** Each alert of an Alertmanager note as it told it: its instance and description under its name (stored text, shown as text). */
function AlertsTold({ alerts }: { alerts: TAlertTold[] }) {
  const told = alerts.filter((a) => a.instance || a.description);
  if (told.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs" data-testid="alerts-told">
      {told.slice(0, 10).map((a) => (
        <li key={`${a.fingerprint}-${a.status}`} className="[overflow-wrap:anywhere]">
          <span className="font-medium text-ink">{a.name}</span>
          {a.instance && <span className="text-dim"> · {a.instance}</span>}
          {a.description && <span className="block whitespace-pre-wrap text-dim">{a.description}</span>}
        </li>
      ))}
    </ul>
  );
}
