'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { detailsFromZodError } from '@/lib/errors';
import { newIdempotencyKey } from '@/lib/client/use-incidents-actions';
import { STATUSES, type TStatus } from '@/lib/incidents';
import { ZPostUpdate } from '@/lib/api/incident-requests';
import type { TIncidentDto } from '@/lib/api/incidents';
import { useErrorWords } from '@/app/_ui/use-error-words';
import type { TMe } from '../_components/session';
import { BUTTON, INPUT, PANEL, PRIMARY } from '../_components/ui';
import type { useAct } from './use-act';

/**
 * The text being written on an incident, shared by the composer and the
 * status buttons: an update and a status change go out as ONE
 * `POST /incidents/:id/updates {body, status, version}`, so choosing a status
 * after typing never drops the text. One Idempotency-Key per message.
 */
export function useDraft(i: TIncidentDto | null | undefined, me: TMe, actions: ReturnType<typeof useAct>) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<TStatus | ''>('');
  const [problem, setProblem] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const words = useErrorWords();
  const canWrite = me.role !== 'viewer';

  /** Sends the text, with `withStatus` (or the one chosen in the composer) when it differs from the incident's. */
  async function send(withStatus?: TStatus): Promise<boolean> {
    if (!i) return false;
    const next = withStatus ?? (status || undefined);
    const changes = canWrite && next && next !== i.status ? next : undefined;
    const parsed = ZPostUpdate.safeParse({ body: text, ...(changes ? { status: changes, version: i.version } : {}) });
    if (!parsed.success) {
      setProblem(detailsFromZodError(parsed.error).map(words).join('; '));
      return false;
    }
    setProblem(null);
    const ok = await actions.act({
      id: i.id,
      action: canWrite ? 'updates' : 'comments',
      body: canWrite ? parsed.data : { body: parsed.data.body },
      idempotencyKey: key.current,
    });
    if (ok) {
      setText('');
      setStatus('');
      key.current = newIdempotencyKey();
    }
    return ok;
  }
  return { text, setText, status, setStatus, problem, send, hasText: text.trim().length > 0 };
}
export type TDraft = ReturnType<typeof useDraft>;

/** Posts an update (engineers: optionally with a new status) or a comment (viewers). Ctrl/Cmd+Enter sends. */
export function Composer({
  incident: i,
  me,
  actions,
  draft,
}: {
  incident: TIncidentDto;
  me: TMe;
  actions: ReturnType<typeof useAct>;
  draft: TDraft;
}) {
  const t = useTranslations('incident.composer');
  const ts = useTranslations('common.status');
  const canWrite = me.role !== 'viewer';
  const chosen = draft.status && draft.status !== i.status ? draft.status : null;

  return (
    <form
      className={`${PANEL} space-y-2 p-2`}
      aria-label={canWrite ? t('update') : t('comment')}
      onSubmit={(e) => {
        e.preventDefault();
        void draft.send();
      }}
    >
      <textarea
        data-testid="composer"
        className={`${INPUT} w-full py-1`}
        rows={3}
        value={draft.text}
        aria-label={canWrite ? t('update') : t('comment')}
        placeholder={canWrite ? t('updatePlaceholder') : t('commentPlaceholder')}
        onChange={(e) => draft.setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void draft.send();
          }
        }}
      />
      <div className="flex flex-wrap items-center gap-2">
        {canWrite && (
          <select
            className={INPUT}
            aria-label={t('statusWith')}
            data-testid="composer-status"
            value={draft.status}
            onChange={(e) => draft.setStatus(e.target.value as TStatus | '')}
          >
            <option value="">{t('keepStatus', { status: ts(i.status) })}</option>
            {STATUSES.filter((s) => s !== i.status).map((s) => (
              <option key={s} value={s}>
                {ts(s)}
              </option>
            ))}
          </select>
        )}
        <button type="submit" className={PRIMARY} disabled={actions.pending} data-testid="composer-send">
          {!canWrite ? t('comment') : chosen ? t('postWithStatus', { status: ts(chosen) }) : t('post')}
        </button>
        {!i.acknowledgedBy.some((p) => p.id === me.id) && (
          <button type="button" className={BUTTON} data-testid="ack" onClick={() => void actions.act({ id: i.id, action: 'ack' })}>
            {t('seen')}
          </button>
        )}
        {draft.problem && (
          <span role="alert" className="text-sm text-crit" data-testid="composer-error">
            {draft.problem}
          </span>
        )}
      </div>
    </form>
  );
}
