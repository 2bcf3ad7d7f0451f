'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { DELIVERY_STATES, type TChannel, type TDelivery, type TDeliveryState } from '@/lib/api/notifications';
import { deliveryReasonIn } from '@/lib/format/delivery-reason';
import { formatDuration } from '@/lib/format/duration';
import type { TLocale } from '@/lib/format/number';
import { useApiErrorText } from '@/app/_ui/use-error-words';
import { FIELD_LABEL } from '@/app/_ui/number-field';
import { BUTTON, INPUT, PANEL, useTimeOf } from '../../../incidents/_components/ui';
import { Freshness } from './freshness';
import { EVENT_KEY } from './labels';
import { useDeliveriesQuery, useNotifyWrite } from './use-notifications';

const STATE_CLASS: Record<TDeliveryState, string> = {
  pending: 'border border-edge text-dim',
  retrying: 'bg-warn text-bg',
  delivered: 'bg-ok text-bg',
  dead: 'bg-crit text-bg',
};

function DeliveryRow({ slug, d, channel, now }: { slug: string; d: TDelivery; channel: TChannel | undefined; now: number }) {
  const t = useTranslations('notifications');
  const locale = useLocale() as TLocale;
  const timeOf = useTimeOf();
  const retry = useNotifyWrite(slug);
  const errorText = useApiErrorText();
  const age = (iso: string) => formatDuration(now - Date.parse(iso), locale);
  return (
    <li className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm" data-testid="delivery-row" data-state={d.state}>
      <span className={`rounded px-1.5 text-xs font-bold uppercase ${STATE_CLASS[d.state]}`} data-testid="delivery-state">
        {t(`deliveryState.${d.state}`)}
      </span>
      <span className="font-medium" data-testid="delivery-to">
        {d.to === 'phone' ? t('toPhone') : d.to === 'subscriber' ? t('toSubscriber') : channel ? channel.name : t('removedChannel')}
      </span>
      <span>
        {t(`event.${EVENT_KEY[d.event]}`)}
        {d.incidentNumber !== null ? (
          <>
            {' '}
            <a className="text-users underline" href={`/incidents/${d.incidentNumber}?room=${encodeURIComponent(slug)}`}>
              #{d.incidentNumber}
            </a>
          </>
        ) : null}
        {d.digest ? ` · ${t('digest')}` : ''}
      </span>
      <span className="text-dim tabular">{t('attempts', { n: d.attempts })}</span>
      {d.latencyMs !== null ? <span className="text-dim tabular">{t('latency', { ms: d.latencyMs })}</span> : null}
      <span className="text-dim tabular" title={timeOf(d.createdAt, { date: true })}>
        {t('created', { time: timeOf(d.createdAt), age: age(d.createdAt) })}
      </span>
      {d.deliveredAt ? <span className="text-dim tabular">{t('deliveredAt', { age: age(d.deliveredAt) })}</span> : null}
      {d.nextAttemptAt && d.state === 'retrying' ? (
        <span className="text-warn tabular">{t('nextAttempt', { wait: formatDuration(Date.parse(d.nextAttemptAt) - now, locale) })}</span>
      ) : null}
      {d.lastError ? (
        <span className="min-w-0 break-words text-crit" data-testid="delivery-error">
          {deliveryReasonIn(d.lastError, locale)}
        </span>
      ) : null}
      {d.state === 'dead' ? (
        <button
          type="button"
          className={`${BUTTON} ml-auto`}
          disabled={retry.isPending}
          onClick={() => retry.mutate({ op: 'retry', id: d.id })}
          data-testid="delivery-retry"
        >
          {t('retry')}
        </button>
      ) : null}
      {retry.error ? (
        <span role="alert" className="w-full text-crit">
          {errorText(retry.error)}
        </span>
      ) : null}
    </li>
  );
}

/** The delivery log, newest first, filterable by state; a dead delivery can be sent again. */
export function DeliveriesSection({ slug, channels, now }: { slug: string; channels: TChannel[]; now: number }) {
  const t = useTranslations('notifications');
  const [state, setState] = useState<TDeliveryState | null>(null);
  const q = useDeliveriesQuery(slug, state);
  const byId = new Map(channels.map((c) => [c.id, c]));
  const list = q.data?.deliveries ?? [];
  return (
    <section className={`${PANEL} space-y-2 p-4`} data-testid="deliveries">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 className="text-lg font-semibold">{t('deliveries')}</h2>
        <label className={FIELD_LABEL}>
          {t('filterState')}
          <select
            name="state"
            className={INPUT}
            value={state ?? ''}
            data-testid="delivery-filter"
            onChange={(e) => setState((e.target.value || null) as TDeliveryState | null)}
          >
            <option value="">{t('allStates')}</option>
            {DELIVERY_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`deliveryState.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Freshness updatedAt={q.dataUpdatedAt} failed={q.isError} />
      {q.data && list.length === 0 ? <p className="text-sm text-dim">{state ? t('noDeliveriesInState') : t('noDeliveries')}</p> : null}
      <ul className="divide-y divide-edge">
        {list.map((d) => (
          <DeliveryRow key={d.id} slug={slug} d={d} channel={byId.get(d.channelId)} now={now} />
        ))}
      </ul>
    </section>
  );
}
