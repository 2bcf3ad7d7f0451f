'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { TChannel, TDelivery } from '@/lib/api/notifications';
import { deliveryReasonIn } from '@/lib/format/delivery-reason';
import type { TLocale } from '@/lib/format/number';
import { formatSince } from '@/lib/format/since';
import { useApiErrorText } from '@/app/_ui/use-error-words';
import { BUTTON } from '../../../incidents/_components/ui';
import { ChannelForm } from './channel-form';
import { EVENT_KEY } from './labels';
import { useNotifyWrite } from './use-notifications';

const STATE_CLASS: Record<TChannel['state'], string> = {
  ok: 'bg-ok text-bg',
  failing: 'bg-crit text-bg',
  paused: 'border border-edge text-dim',
};

/** Where a channel sends, without what may be its key: WeCom's key is in the query, Slack's in the path. */
function target(c: TChannel): string {
  if (c.kind === 'email') return c.to.join(', ');
  try {
    return new URL(c.url ?? '').host;
  } catch {
    return '';
  }
}

/** One channel: kind, name, health (failing for how long, why), what it hears, and the lead's actions. */
export function ChannelRow({
  slug,
  channel: c,
  now,
  roomLanguage,
}: {
  slug: string;
  channel: TChannel;
  now: number;
  roomLanguage: 'en' | 'zh';
}) {
  const t = useTranslations('notifications');
  const locale = useLocale() as TLocale;
  const write = useNotifyWrite(slug);
  const test = useNotifyWrite(slug);
  const errorText = useApiErrorText();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  if (editing)
    return (
      <li className="py-3" data-testid="channel-row" data-channel={c.name}>
        <ChannelForm slug={slug} channel={c} onDone={() => setEditing(false)} />
      </li>
    );
  const failingFor = c.state === 'failing' ? formatSince(c.failingSince, now, locale) : null;
  const tested = test.data as TDelivery | undefined;
  return (
    <li className="space-y-1.5 py-3" data-testid="channel-row" data-channel={c.name} data-state={c.state}>
      <div className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-1.5 text-xs font-bold uppercase ${STATE_CLASS[c.state]}`} data-testid="channel-state">
          {t(`state.${c.state}`)}
        </span>
        <span className="rounded border border-edge px-1.5 text-xs text-dim">{t(`kind.${c.kind}`)}</span>
        <span className="font-medium">{c.name}</span>
        <span className="min-w-0 truncate font-mono text-xs text-dim">{target(c)}</span>
        <span className="ml-auto flex flex-wrap gap-2">
          <button
            type="button"
            className={BUTTON}
            disabled={test.isPending}
            onClick={() => test.mutate({ op: 'test', id: c.id })}
            data-testid="channel-test"
          >
            {test.isPending ? t('testing') : t('sendTest')}
          </button>
          <button type="button" className={BUTTON} onClick={() => setEditing(true)} data-testid="channel-edit">
            {t('edit')}
          </button>
          <button
            type="button"
            className={BUTTON}
            onClick={() => write.mutate({ op: 'update', id: c.id, body: { paused: !c.paused } })}
            data-testid="channel-pause"
          >
            {c.paused ? t('resume') : t('pause')}
          </button>
          {confirmDelete ? (
            <>
              <button
                type="button"
                className={`${BUTTON} text-crit`}
                onClick={() => write.mutate({ op: 'remove', id: c.id })}
                data-testid="channel-delete-confirm"
              >
                {t('deleteConfirm')}
              </button>
              <button type="button" className={BUTTON} onClick={() => setConfirmDelete(false)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <button type="button" className={BUTTON} onClick={() => setConfirmDelete(true)} data-testid="channel-delete">
              {t('delete')}
            </button>
          )}
        </span>
      </div>
      <p className="text-xs text-dim tabular" data-testid="channel-health">
        {failingFor ? <span className="font-semibold text-crit">{t('failingFor', { age: failingFor })} · </span> : null}
        {t('counts', { delivered: c.delivered24h, failed: c.failed24h })}
        {c.lastError ? <span className="text-crit"> · {t('lastError', { reason: deliveryReasonIn(c.lastError, locale) })}</span> : null}
      </p>
      <p className="text-xs text-dim">
        {c.events.length ? c.events.map((e) => t(`event.${EVENT_KEY[e]}`)).join(' · ') : t('noEvents')}
        {' · '}
        {t('orWorse', { severity: c.minSeverity })}
        {' · '}
        {c.language ? t(`language.${c.language}`) : t('language.roomIs', { language: t(`language.${roomLanguage}`) })}
        {' · '}
        {t('rate', { n: c.ratePerMinute })}
        {' · '}
        <span data-testid="channel-secret-state">{c.hasSecret ? t('secret.set') : t('secret.none')}</span>
      </p>
      {tested ? (
        <p className="text-sm" role="status" data-testid="test-outcome" data-state={tested.state}>
          <span className={tested.state === 'delivered' ? 'text-ok' : tested.state === 'dead' ? 'text-crit' : 'text-warn'}>
            {t(`testOutcome.${tested.state}`, { ms: tested.latencyMs ?? 0 })}
          </span>
          {tested.lastError ? <span className="text-crit"> · {deliveryReasonIn(tested.lastError, locale)}</span> : null}
        </p>
      ) : null}
      {test.error || write.error ? (
        <p role="alert" className="text-sm text-crit">
          {errorText(test.error ?? write.error)}
        </p>
      ) : null}
    </li>
  );
}
