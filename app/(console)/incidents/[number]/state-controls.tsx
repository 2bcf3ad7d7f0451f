'use client';

import { SEVERITIES, STATUSES, type TIncidentDto } from '@/lib/incidents';
import { BUTTON, PANEL, SeverityBadge } from '../_components/ui';
import type { useAct } from './use-act';

/** Severity and status, each sent with the version on screen: a stale one is refused, not overwritten. */
export function StateControls({ incident: i, actions }: { incident: TIncidentDto; actions: ReturnType<typeof useAct> }) {
  return (
    <section className={`${PANEL} space-y-2 p-3`} aria-label="State">
      <h2 className="text-sm font-semibold text-dim">Severity</h2>
      <div className="flex gap-1" role="group" aria-label="Severity">
        {SEVERITIES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={i.severity === s}
            className={`${BUTTON} px-2 ${i.severity === s ? 'border-ink' : 'opacity-60'}`}
            onClick={() => i.severity !== s && void actions.act({ id: i.id, action: 'severity', body: { severity: s, version: i.version } })}
          >
            <SeverityBadge severity={s} />
          </button>
        ))}
      </div>
      <h2 className="text-sm font-semibold text-dim">Status</h2>
      <div className="flex flex-wrap gap-1" role="group" aria-label="Status">
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={i.status === s}
            data-testid={`status-${s}`}
            className={`${BUTTON} ${i.status === s ? 'border-ink bg-edge' : ''}`}
            onClick={() => i.status !== s && void actions.act({ id: i.id, action: 'status', body: { status: s, version: i.version } })}
          >
            {i.status === 'resolved' && s !== 'resolved' ? `reopen: ${s}` : s}
          </button>
        ))}
      </div>
    </section>
  );
}
