'use client';

import { useTranslations } from 'next-intl';
import { useServerNow } from '@/lib/client/use-server-now';
import { PANEL } from '../../../incidents/_components/ui';
import { ChannelForm } from './channel-form';
import { ChannelRow } from './channel-row';
import { DeliveriesSection } from './deliveries-section';
import { Freshness } from './freshness';
import { useChannelsQuery } from './use-notifications';

/** A lead's notification page: the room's channels with their health and actions, a form to add one, the delivery log below. */
export function NotificationsScreen({ slug, roomName, roomLanguage }: { slug: string; roomName: string; roomLanguage: 'en' | 'zh' }) {
  const t = useTranslations('notifications');
  const channels = useChannelsQuery(slug);
  const now = useServerNow(1000);
  const list = channels.data?.channels ?? [];
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-4 p-4 sm:p-6" data-testid="notifications">
      <header>
        <h1 className="text-2xl font-semibold">
          {roomName}{' '}
          <span className="text-base font-normal text-dim">
            /{slug} · {t('title')}
          </span>
        </h1>
      </header>
      <section className={`${PANEL} space-y-2 p-4`} data-testid="channels">
        <h2 className="text-lg font-semibold">{t('channels')}</h2>
        <p className="text-sm text-dim">{t('intro')}</p>
        <Freshness updatedAt={channels.dataUpdatedAt} failed={channels.isError} />
        {channels.error ? <p className="text-sm text-crit">{channels.error.message}</p> : null}
        {channels.data && list.length === 0 ? (
          <p className="text-sm text-dim" data-testid="no-channels">
            {t('none')}
          </p>
        ) : null}
        <ul className="divide-y divide-edge">
          {list.map((c) => (
            <ChannelRow key={c.id} slug={slug} channel={c} now={now} roomLanguage={roomLanguage} />
          ))}
        </ul>
        <h3 className="pt-2 font-semibold">{t('addTitle')}</h3>
        <ChannelForm slug={slug} />
      </section>
      <DeliveriesSection slug={slug} channels={list} now={now} />
    </main>
  );
}
