'use client';

import { useTranslations } from 'next-intl';
import { SEVERITIES, STATUSES } from '@/lib/incidents';
import type { TIncidentDto } from '@/lib/api/incidents';
import { BUTTON, PANEL, SeverityBadge } from '../_components/ui';
import type { TDraft } from './composer';
import type { useAct } from './use-act';

/**
 * Severity and status, each sent with the version on screen: a stale one is
 * refused, not overwritten. With text in the composer, a status button sends
 * the text and the status together as one update.
 */
export function StateControls({
  incident: i,
  actions,
  draft,
}: {
  incident: TIncidentDto;
  actions: ReturnType<typeof useAct>;
  draft: TDraft;
}) {
  const t = useTranslations('incident.state');
  const tc = useTranslations('common');
  return (
    <section className={`${PANEL} space-y-2 p-3`} aria-label={t('severity')}>
      <h2 className="text-sm font-semibold text-dim">{t('severity')}</h2>
      <div className="flex gap-1" role="group" aria-label={t('severity')}>
        {SEVERITIES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={i.severity === s}
            title={tc(`severityName.${s}`)}
            className={`${BUTTON} px-2 ${i.severity === s ? 'border-ink' : 'opacity-60'}`}
            onClick={() =>
              i.severity !== s && void actions.act({ id: i.id, action: 'severity', body: { severity: s, version: i.version } })
            }
          >
            <SeverityBadge severity={s} />
          </button>
        ))}
      </div>
      <h2 className="text-sm font-semibold text-dim">{t('status')}</h2>
      <div className="flex flex-wrap gap-1" role="group" aria-label={t('status')}>
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={i.status === s}
            data-testid={`status-${s}`}
            className={`${BUTTON} ${i.status === s ? 'border-ink bg-edge' : ''}`}
            onClick={() => {
              if (i.status === s) return;
              if (draft.hasText) void draft.send(s);
              else void actions.act({ id: i.id, action: 'status', body: { status: s, version: i.version } });
            }}
          >
            {i.status === 'resolved' && s !== 'resolved' ? t('reopen', { status: tc(`status.${s}`) }) : tc(`status.${s}`)}
          </button>
        ))}
      </div>
      {draft.hasText && (
        <p className="text-xs text-dim" data-testid="status-with-text">
          {t('withText')}
        </p>
      )}
    </section>
  );
}
