'use client';

import { useState } from 'react';
import { currentText } from '@/lib/client/use-incidents-cache';
import type { TIncidentDetail, TIncidentEntryDto } from '@/lib/incidents';
import type { TMe } from '../_components/session';
import { BUTTON, INPUT, timeOf } from '../_components/ui';
import type { useAct } from './use-act';

type TRef = { id?: string; name?: string } | null | undefined;
const nameOf = (p: unknown) => (p as TRef)?.name ?? 'nobody';

/** What a non-post entry says, in one line. Stored text is rendered as text, never as HTML. */
function describeEntry(e: TIncidentEntryDto): string {
  const d = (e.data ?? {}) as Record<string, unknown>;
  switch (e.kind) {
    case 'created':
      return `opened the incident as ${String(d.severity ?? '')}`;
    case 'claim':
      return 'is on it (claimed)';
    case 'release':
      return `released the claim${d.from ? ` of ${nameOf(d.from)}` : ''}`;
    case 'handover':
      return `${d.takeover ? 'took over' : 'handed over'}: ${nameOf(d.from)} → ${nameOf(d.to)}`;
    case 'status':
      return `${d.reopened ? 'reopened' : 'status'}: ${String(d.from)} → ${String(d.to)}`;
    case 'severity':
      return `severity: ${String(d.from)} → ${String(d.to)}`;
    case 'helper':
      return `${d.removed ? 'removed helper' : 'added helper'} ${nameOf(d.helper)}`;
    case 'escalation':
      return `escalated to ${nameOf(d.to)}`;
    case 'finding':
      return d.to === 'open' ? (d.from ? `reopened finding "${String(d.text)}"` : `hypothesis: "${String(d.text)}"`) : `${d.to === 'ruled_out' ? 'ruled out' : 'confirmed'} "${String(d.text)}"`;
    case 'impact': {
      const to = (d.to ?? {}) as { value?: number | null; unit?: string | null };
      return `set the impact${to.value !== null && to.value !== undefined ? ` to ${to.value}${to.unit ? ` ${to.unit}` : ''}` : ''}`;
    }
    case 'link':
      return `${d.removed ? 'unlinked' : 'linked'} series ${String(d.seriesName)}`;
    case 'ack':
      return 'has seen this';
    case 'auto':
      return 'automatic';
    case 'server':
      return `${d.action === 'restore' ? 'restored server' : 'drained server'} ${String(d.server)}${d.action === 'restore' ? ' to the pool' : ' from the pool'}`;
    default:
      return e.kind;
  }
}

/** The timeline, newest first. Edits are their own entries: a post shows its latest text and keeps the old one visible. */
export function Timeline({ incident, me, actions }: { incident: TIncidentDetail; me: TMe; actions: ReturnType<typeof useAct> }) {
  const rows = incident.timeline.filter((e) => e.kind !== 'edit').slice().reverse();
  return (
    <ol className="space-y-1" data-testid="timeline" aria-label="Timeline">
      {rows.map((e) => (
        <Entry key={e.id} entry={e} incident={incident} me={me} actions={actions} />
      ))}
    </ol>
  );
}

function Entry({ entry: e, incident, me, actions }: { entry: TIncidentEntryDto; incident: TIncidentDetail; me: TMe; actions: ReturnType<typeof useAct> }) {
  const [editing, setEditing] = useState<string | null>(null);
  const isText = e.kind === 'post' || e.kind === 'comment';
  // A finding's text is already in its one-line description.
  const text = isText ? currentText(e, incident.timeline) : e.kind === 'finding' ? null : e.body;
  const canEdit = isText && (e.author?.id === me.id || me.role === 'lead' || me.role === 'admin');
  const history = isText && e.editedBy ? incident.timeline.filter((x) => x.kind === 'edit' && x.editsId === e.id) : [];
  return (
    <li className={`rounded-md border-l-2 px-2 py-1 ${isText ? 'border-users bg-panel' : 'border-edge'}`} data-testid="timeline-entry" data-kind={e.kind} data-seq={e.seq}>
      <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-dim">
        <time dateTime={e.createdAt} className="tabular">{timeOf(e.createdAt)}</time>
        <span className="font-medium text-ink">{e.authorName ?? 'system'}</span>
        {!isText && <span>{describeEntry(e)}</span>}
        {e.kind === 'comment' && <span>(comment)</span>}
        {history.length > 0 && <span className="italic">edited</span>}
        {canEdit && editing === null && (
          <button type="button" className="underline" onClick={() => setEditing(text ?? '')}>
            edit
          </button>
        )}
      </div>
      {editing !== null ? (
        <form
          className="mt-1 flex gap-2"
          onSubmit={(ev) => {
            ev.preventDefault();
            void actions.act({ id: incident.id, action: 'editEntry', entryId: e.id, body: { body: editing } }).then((ok) => ok && setEditing(null));
          }}
        >
          <input className={`${INPUT} flex-1`} value={editing} onChange={(ev) => setEditing(ev.target.value)} aria-label="Edited text" />
          <button type="submit" className={BUTTON}>Save</button>
          <button type="button" className={BUTTON} onClick={() => setEditing(null)}>Cancel</button>
        </form>
      ) : (
        text && <p className="whitespace-pre-wrap text-sm [overflow-wrap:anywhere]">{text}</p>
      )}
      {history.length > 0 && (
        <p className="whitespace-pre-wrap text-xs text-dim [overflow-wrap:anywhere]" data-testid="edit-history">
          was: <s>{e.body}</s>
          {history.slice(0, -1).map((h) => (
            <span key={h.id}> → <s>{h.body}</s></span>
          ))}
        </p>
      )}
    </li>
  );
}
