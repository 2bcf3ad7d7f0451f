'use client';

import { useRef, useState } from 'react';
import { newIdempotencyKey } from '@/lib/client/use-incidents-actions';
import { ZPostUpdate, type TIncidentDto } from '@/lib/schemas/incidents';
import type { TMe } from '../_components/session';
import { BUTTON, INPUT, PANEL, PRIMARY } from '../_components/ui';
import type { useAct } from './use-act';

/**
 * Posts an update (engineers) or a comment (viewers). Ctrl/Cmd+Enter sends;
 * one Idempotency-Key per message, so a retry after a dropped answer posts once.
 */
export function Composer({ incident: i, me, actions }: { incident: TIncidentDto; me: TMe; actions: ReturnType<typeof useAct> }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const canWrite = me.role !== 'viewer';

  async function send() {
    const parsed = ZPostUpdate.safeParse({ body: text });
    if (!parsed.success) return setProblem(parsed.error.issues.map((x) => `${x.path.join('.') || 'body'}: ${x.message}`).join('; '));
    setProblem(null);
    const ok = await actions.act({ id: i.id, action: canWrite ? 'updates' : 'comments', body: { body: parsed.data.body }, idempotencyKey: key.current });
    if (ok) {
      setText('');
      key.current = newIdempotencyKey();
    }
  }

  return (
    <form
      className={`${PANEL} space-y-2 p-2`}
      aria-label={canWrite ? 'Post an update' : 'Comment'}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <textarea
        data-testid="composer"
        className={`${INPUT} w-full py-1`}
        rows={3}
        value={text}
        placeholder={canWrite ? 'What did you find? (Ctrl/Cmd+Enter to post)' : 'Comment or question (Ctrl/Cmd+Enter to send)'}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <div className="flex items-center gap-2">
        <button type="submit" className={PRIMARY} disabled={actions.pending}>
          {canWrite ? 'Post update' : 'Comment'}
        </button>
        {!i.acknowledgedBy.some((p) => p.id === me.id) && (
          <button type="button" className={BUTTON} data-testid="ack" onClick={() => void actions.act({ id: i.id, action: 'ack' })}>
            Seen
          </button>
        )}
        {problem && <span role="alert" className="text-sm text-crit">{problem}</span>}
      </div>
    </form>
  );
}
