'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { TIncidentDto } from '@/lib/api/incidents';
import type { TMe } from '../_components/session';
import { BUTTON, INPUT, PANEL, PRIMARY } from '../_components/ui';
import type { useAct } from './use-act';

export type TPerson = { id: string; name: string; role: string };

/** Claim ("I'm on it", one click), release, hand over / take over, helpers, escalate to a lead. */
export function OwnerControls({
  incident: i,
  me,
  people,
  actions,
}: {
  incident: TIncidentDto;
  me: TMe;
  people: TPerson[];
  actions: ReturnType<typeof useAct>;
}) {
  const t = useTranslations('incident.ownership');
  const tc = useTranslations('common');
  const [handTo, setHandTo] = useState('');
  const [helper, setHelper] = useState('');
  const [lead, setLead] = useState('');
  const isLead = me.role === 'lead' || me.role === 'admin';
  const mine = i.owner?.id === me.id;
  const resolved = i.status === 'resolved';
  const others = people.filter((p) => p.id !== i.owner?.id);
  const leads = people.filter((p) => p.role === 'lead' || p.role === 'admin');
  const act = actions.act;
  return (
    <section className={`${PANEL} space-y-2 p-3`} aria-label={t('title')}>
      <h2 className="text-sm font-semibold text-dim">{t('title')}</h2>
      <div className="flex flex-wrap gap-2">
        {!i.owner && !resolved && (
          <button
            type="button"
            className={PRIMARY}
            data-testid="claim"
            disabled={actions.pending}
            onClick={() => void act({ id: i.id, action: 'claim' })}
          >
            {t('claim')}
          </button>
        )}
        {i.owner && !mine && isLead && (
          <button type="button" className={BUTTON} onClick={() => void act({ id: i.id, action: 'handover', body: { toUserId: me.id } })}>
            {t('takeOver')}
          </button>
        )}
        {i.owner && (mine || isLead) && (
          <button type="button" className={BUTTON} data-testid="release" onClick={() => void act({ id: i.id, action: 'release' })}>
            {t('release')}
          </button>
        )}
        {!i.helpers.some((h) => h.id === me.id) && !mine && (
          <button type="button" className={BUTTON} onClick={() => void act({ id: i.id, action: 'helpers', body: { userId: me.id } })}>
            {t('alsoOnIt')}
          </button>
        )}
      </div>
      {(mine || isLead) && (
        <PickAndGo
          id="hand"
          label={t('handTo')}
          people={others}
          value={handTo}
          onChange={setHandTo}
          go={t('handOver')}
          onGo={() => void act({ id: i.id, action: 'handover', body: { toUserId: handTo } }).then((ok) => ok && setHandTo(''))}
        />
      )}
      <PickAndGo
        id="helper"
        label={t('addHelper')}
        people={people.filter((p) => !i.helpers.some((h) => h.id === p.id))}
        value={helper}
        onChange={setHelper}
        go={tc('add')}
        onGo={() => void act({ id: i.id, action: 'helpers', body: { userId: helper } }).then((ok) => ok && setHelper(''))}
      />
      {i.helpers.length > 0 && (
        <ul className="flex flex-wrap gap-1 text-xs">
          {i.helpers.map((h) => (
            <li key={h.id} className="flex items-center gap-1 rounded border border-edge px-1">
              {h.name}
              <button
                type="button"
                aria-label={t('remove', { name: h.name })}
                className="text-dim hover:text-crit"
                onClick={() => void act({ id: i.id, action: 'helpers', body: { userId: h.id, remove: true } })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <PickAndGo
        id="escalate"
        label={t('escalateTo')}
        people={leads}
        value={lead}
        onChange={setLead}
        go={t('escalate')}
        onGo={() => void act({ id: i.id, action: 'escalate', body: { leadId: lead } }).then((ok) => ok && setLead(''))}
      />
    </section>
  );
}

function PickAndGo(p: {
  id: string;
  label: string;
  people: TPerson[];
  value: string;
  onChange: (v: string) => void;
  go: string;
  onGo: () => void;
}) {
  const tr = useTranslations('common.role');
  return (
    <div className="flex items-center gap-2">
      <label className="sr-only" htmlFor={`pick-${p.id}`}>
        {p.label}
      </label>
      <select id={`pick-${p.id}`} className={`${INPUT} min-w-0 flex-1`} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
        <option value="">{p.label}…</option>
        {p.people.map((x) => (
          <option key={x.id} value={x.id} translate="no">
            {x.name} ({tr.has(x.role) ? tr(x.role) : x.role})
          </option>
        ))}
      </select>
      <button type="button" className={BUTTON} disabled={!p.value} onClick={p.onGo}>
        {p.go}
      </button>
    </div>
  );
}
