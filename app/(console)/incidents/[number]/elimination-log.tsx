'use client';

import { useTranslations } from 'next-intl';
import { memo, useState } from 'react';
import { ZNewFinding } from '@/lib/api/incident-requests';
import type { TIncidentDto } from '@/lib/api/incidents';
import { useFindingLine } from '../_components/finding-line';
import { BUTTON, INPUT, PANEL } from '../_components/ui';
import type { TActOnly } from './use-act';

const STATE_CLASS = { open: 'text-sev3', ruled_out: 'text-dim', confirmed: 'text-online font-semibold' } as const;

/** Triage as elimination: hypotheses, then ruled out or confirmed, with who and how long it took. */
export const EliminationLog = memo(function EliminationLog({
  incident: i,
  canWrite,
  actions,
}: {
  incident: TIncidentDto;
  canWrite: boolean;
  actions: TActOnly;
}) {
  const t = useTranslations('incident.findings');
  const tc = useTranslations('common');
  const findingLine = useFindingLine();
  const [text, setText] = useState('');
  const decide = (findingId: string, state: 'ruled_out' | 'confirmed' | 'open') =>
    void actions.act({ id: i.id, action: 'decideFinding', findingId, body: { state } });
  return (
    <section className={`${PANEL} space-y-2 p-3`} aria-label={t('title')}>
      <h2 className="text-sm font-semibold text-dim">{t('title')}</h2>
      {i.findings.length === 0 && <p className="text-xs text-dim">{t('none')}</p>}
      <ul className="space-y-1" data-testid="findings">
        {i.findings.map((f) => (
          <li key={f.id} className="text-sm" data-testid="finding" data-state={f.state}>
            <span className={STATE_CLASS[f.state]}>{findingLine(f, i.createdAt)}</span>
            {f.decidedBy && <span className="text-xs text-dim"> · {f.decidedBy.name}</span>}
            {canWrite && (
              <span className="ml-2 inline-flex gap-1">
                {f.state !== 'ruled_out' && (
                  <button type="button" className="text-xs underline" onClick={() => decide(f.id, 'ruled_out')}>
                    {t('ruleOut')}
                  </button>
                )}
                {f.state !== 'confirmed' && (
                  <button type="button" className="text-xs underline" onClick={() => decide(f.id, 'confirmed')}>
                    {t('confirm')}
                  </button>
                )}
                {f.state !== 'open' && (
                  <button type="button" className="text-xs underline" onClick={() => decide(f.id, 'open')}>
                    {t('reopen')}
                  </button>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
      {canWrite && (
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!ZNewFinding.safeParse({ text }).success) return;
            void actions.act({ id: i.id, action: 'findings', body: { text } }).then((ok) => ok && setText(''));
          }}
        >
          <input
            className={`${INPUT} min-w-0 flex-1`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('placeholder')}
            aria-label={t('newLabel')}
          />
          <button type="submit" className={BUTTON} disabled={!text.trim()}>
            {tc('add')}
          </button>
        </form>
      )}
    </section>
  );
});
