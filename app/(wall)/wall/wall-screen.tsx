'use client';

import { useMemo } from 'react';
import { TrendChart } from '@/app/_components/trend-chart';
import { useRoomLive } from '@/lib/client/use-room-live';
import { formatHeadline, type TLocale } from '@/lib/format/number';
import { HEADLINE_SERIES } from '@/lib/schemas/metrics';
import { ConnectionBadge } from './connection-badge';
import { ServerClock } from './server-clock';

const LABELS: Record<TLocale, { users: string; online: string; waiting: string }> = {
  en: { users: 'Registered users', online: 'Online now', waiting: 'waiting for data' },
  zh: { users: '注册用户', online: '当前在线', waiting: '等待数据' },
};

export function WallScreen({ slug, displayKey }: { slug: string | undefined; displayKey: string | null }) {
  const { snapshot, error, connection, clockOffset } = useRoomLive(slug, displayKey);
  const locale: TLocale = snapshot?.room.locale ?? 'en';
  const t = LABELS[locale];

  const headline = (name: string) => snapshot?.latest.find((s) => s.name === name && Object.keys(s.labels).length === 0);
  const users = headline(HEADLINE_SERIES.users);
  const online = headline(HEADLINE_SERIES.online);

  const lines = useMemo(() => {
    const h = (name: string) => snapshot?.history.find((s) => s.name === name)?.points ?? [];
    return [
      { label: t.users, color: '#4cc2ff', points: h(HEADLINE_SERIES.users) },
      { label: t.online, color: '#7ee787', points: h(HEADLINE_SERIES.online), right: true },
    ];
  }, [snapshot?.history, t]);

  return (
    <main className="flex h-screen flex-col gap-[2vh] overflow-hidden p-[2vh]" data-testid="wall">
      <header className="flex items-center justify-between text-[2.4vh] text-dim">
        <span className="font-semibold text-ink">{snapshot?.room.name ?? 'Warroom'}</span>
        <div className="flex items-center gap-[2vh]">
          <ConnectionBadge connection={connection} />
          <ServerClock offsetMs={clockOffset} timeZone={snapshot?.room.timeZone ?? 'UTC'} />
        </div>
      </header>
      {error && !snapshot ? (
        <p role="alert" className="text-[3vh] text-crit">
          {error.message === 'unauthorized' ? 'Sign in, or open this screen with a display link.' : error.message}
        </p>
      ) : null}
      <section className="grid grid-cols-2 gap-[2vh]">
        <Headline label={t.users} value={users?.value} locale={locale} color="text-users" testId="headline-users" waiting={t.waiting} />
        <Headline label={t.online} value={online?.value} locale={locale} color="text-online" testId="headline-online" waiting={t.waiting} />
      </section>
      <section className="min-h-0 flex-1 rounded-xl border border-edge bg-panel p-[1.5vh]">
        <TrendChart lines={lines} locale={locale} timeZone={snapshot?.room.timeZone} className="relative h-full w-full" />
      </section>
    </main>
  );
}

function Headline(props: { label: string; value: number | undefined; locale: TLocale; color: string; testId: string; waiting: string }) {
  return (
    <div className="rounded-xl border border-edge bg-panel px-[2vh] py-[1.5vh]">
      <div className="text-[2.6vh] uppercase tracking-wide text-dim">{props.label}</div>
      <div data-testid={props.testId} className={`tabular text-[12vh] font-bold leading-none ${props.color}`}>
        {props.value === undefined ? <span className="text-[4vh] text-dim">{props.waiting}</span> : formatHeadline(props.value, props.locale)}
      </div>
    </div>
  );
}
