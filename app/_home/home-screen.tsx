'use client';

import Link from 'next/link';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useIncidentsQuery } from '@/lib/client/use-incidents';
import { useRoomLive } from '@/lib/client/use-room-live';
import { queryKeys } from '@/lib/client/live-query';
import { formatCompact, type TLocale } from '@/lib/format/number';
import { HEADLINE_SERIES, unlabelled } from '@/lib/series';
import { freshRate } from '@/lib/wall/growth';
import { feedState, staleness } from '@/lib/wall/stale';
import { STATE_VOCABULARY, staleAge } from '@/lib/format/state-words';
import { HeadlineNumbers } from './headline-numbers';
import { HOME_LABELS } from './labels';
import { LiveDot } from './live-dot';
import { MilestonesReached } from './milestones-reached';
import { OpenIncidents } from './open-incidents';
import { DownProbes } from './down-probes';
import { useProbesQuery } from '@/lib/client/use-probes';
import { Sparkline } from './sparkline';
import type { THomeInitial } from './initial-data';
import { useServerNow } from '@/lib/client/use-server-now';
import { CapacityLine } from '@/app/_components/capacity-line';
import { capacityView, type TCapacityWords } from '@/lib/capacity/view';
import { useCapacityQuery } from '@/lib/client/use-capacity';
import { ReachWarning } from '@/app/_components/reach-warning';
import { useChannelHealthQuery } from '@/lib/client/use-channel-health';
import { NotifyThisDevice } from './notify-this-device';
import type { TPushWords } from './push-words';

/**
 * The home page. On a phone (≈390 px) it is the manager's one-glance summary
 * in a single column; from `md` up the same pieces sit in two columns with a
 * taller trend, as the overview on a laptop. Layout is CSS only.
 */
export function HomeScreen({
  initial,
  capacityWords,
  pushWords,
  locale,
}: {
  initial: THomeInitial | null;
  capacityWords: Record<TLocale, TCapacityWords>;
  /** the "Notify me on this device" words, in the person's language */
  pushWords: TPushWords;
  locale: TLocale;
}) {
  const qc = useQueryClient();
  // The room the server chose for this person (undefined: the default room, found by the browser).
  const room = initial?.room;
  // Seed the cache with what the server read, so the first paint has the numbers…
  const [seeded] = useState(() => {
    if (!initial || qc.getQueryData(queryKeys.roomLive(room))) return false;
    qc.setQueryData(queryKeys.roomLive(room), initial.snapshot);
    qc.setQueryData(queryKeys.incidentList(room, 'open'), initial.incidents);
    // The side sections' answers: their live queries then read each once, after the join, not also at mount.
    const slug = initial.snapshot.room.slug;
    const sides = [
      [queryKeys.probes(slug), initial.probes],
      [queryKeys.capacity(slug), initial.capacity],
      [queryKeys.channelHealth(slug), initial.channelHealth],
    ] as const;
    for (const [key, data] of sides) if (data && !qc.getQueryData(key)) qc.setQueryData(key, data);
    return true;
  });
  const { snapshot, error, access, connection, socket } = useRoomLive(room);
  const probes = useProbesQuery(snapshot?.room.slug, null, socket).data;
  const capacity = useCapacityQuery(access ? undefined : snapshot?.room.slug, null, socket).data;
  const reach = useChannelHealthQuery(access ? undefined : snapshot?.room.slug, null, socket).data;
  // Open incidents of the room, kept live (pushes, seq catch-up on reconnect) by the shared incident hooks.
  const incidents = useIncidentsQuery({ status: 'open', room });
  // …then join the room at once (the join is what subscribes this screen to
  // pushes), and once the incident channel is joined too, refetch the list so
  // nothing that changed after the server read it is missed.
  useEffect(() => {
    if (seeded) void qc.invalidateQueries({ queryKey: queryKeys.roomLive(room) });
  }, [seeded, qc, room]);
  const incidentsReady = incidents.live.ready;
  useEffect(() => {
    if (seeded && incidentsReady) void qc.invalidateQueries({ queryKey: queryKeys.incidentList(room, 'open') });
  }, [seeded, incidentsReady, qc, room]);
  const t = HOME_LABELS[locale];

  const staleAfter = snapshot?.room.staleAfterSeconds ?? 30;
  // Ages move every 15 s on a phone, but a headline number gets its stale mark the moment it stops being current.
  const staleAt = [HEADLINE_SERIES.users, HEADLINE_SERIES.online].map((name) => {
    const s = unlabelled(snapshot?.latest, name);
    return s ? Date.parse(s.time) + staleAfter * 1000 : Number.NaN;
  });
  const now = useServerNow(15_000, initial?.snapshot.serverTime ?? null, staleAt);
  const headline = (name: string) => unlabelled(snapshot?.latest, name)?.value;
  const ageOf = (name: string) => {
    const s = unlabelled(snapshot?.latest, name);
    return s && now !== null ? staleness(Date.parse(s.time), now, staleAfter) : null;
  };
  const history = (name: string) => unlabelled(snapshot?.history, name)?.points ?? [];
  const usersPoints = history(HEADLINE_SERIES.users);
  const onlinePoints = history(HEADLINE_SERIES.online);
  const users = headline(HEADLINE_SERIES.users);
  const online = headline(HEADLINE_SERIES.online);
  // Say plainly when the numbers have stopped moving (a producer down), on the server's clock.
  const newest = Math.max(
    ...[HEADLINE_SERIES.users, HEADLINE_SERIES.online].map((name) => {
      const s = unlabelled(snapshot?.latest, name);
      return s ? Date.parse(s.time) : -Infinity;
    }),
  );
  const stale = now === null || !Number.isFinite(newest) ? null : staleness(newest, now, staleAfter);
  const feed = feedState(connection, stale?.stale ?? false);
  const rate = now === null ? null : freshRate(usersPoints, now, staleAfter);

  const lines = useMemo(
    () => [
      { color: 'users' as const, points: usersPoints, axis: 'a' as const },
      { color: 'online' as const, points: onlinePoints, axis: 'b' as const },
    ],
    [usersPoints, onlinePoints],
  );
  const trendSummary =
    users === undefined
      ? t.trend
      : `${t.trend}: ${formatCompact(users, locale)}${online === undefined ? '' : `, ${formatCompact(online, locale)}`}`;
  const signedOut = access === 'signin';
  const headroom = now === null ? null : capacityView(capacity, now, capacityWords[locale], locale);

  return (
    <main className="mx-auto flex w-full max-w-6xl flex-col gap-3 px-3 pb-6 pt-3 md:px-6" data-testid="home">
      <header className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
        {/* One line that never wraps: the room name truncates, so a stale notice appearing shifts nothing below. */}
        <div className="flex min-w-0 items-center gap-3">
          <h1 className="truncate text-lg font-bold">{snapshot?.room.name ?? 'Warroom'}</h1>
          {/* Access ended: the socket is stopped for good, so no connection state is said (the alert says why). */}
          {access ? null : <LiveDot state={feed} staleMs={stale?.stale ? stale.ageMs : null} locale={locale} />}
        </div>
      </header>

      {signedOut ? (
        <p role="alert" className="rounded-xl border border-edge bg-panel p-3">
          {t.signIn}{' '}
          <Link href="/login" className="inline-flex min-h-11 items-center font-semibold text-users underline">
            {t.signInLink}
          </Link>
        </p>
      ) : access ? (
        <p role="alert" className="text-crit">
          {t.noAccess}
        </p>
      ) : error && !snapshot ? (
        <p role="alert" className="text-crit">
          {error.message}
        </p>
      ) : null}

      {/* No access: nothing of the room stays on screen, not even its empty frames ("none reached yet" is not known). */}
      {access ? null : (
        <div className="grid gap-3 md:grid-cols-[3fr_2fr]">
          <div className="flex min-w-0 flex-col gap-3">
            <HeadlineNumbers
              users={users}
              online={online}
              usersAge={ageOf(HEADLINE_SERIES.users)}
              onlineAge={ageOf(HEADLINE_SERIES.online)}
              rate={rate}
              locale={locale}
              t={t}
            />
            <Sparkline
              lines={lines}
              summary={stale?.stale ? `${trendSummary} (${staleAge(stale.ageMs, locale)})` : trendSummary}
              stale={stale?.stale ?? false}
              waiting={snapshot ? STATE_VOCABULARY[locale].waiting : undefined}
              className="h-20 rounded-xl bg-panel p-1 md:h-72"
            />
          </div>
          <div className="flex min-w-0 flex-col gap-3">
            <ReachWarning
              failing={reach?.failing}
              now={now}
              locale={locale}
              timeZone={snapshot?.room.timeZone ?? 'UTC'}
              stale={connection !== 'live'}
              className="text-sm font-medium [&>li]:py-1"
            />
            {headroom ? (
              <p className="flex min-w-0 text-sm" data-testid="phone-capacity">
                <CapacityLine view={headroom} className="py-1" />
              </p>
            ) : null}
            <DownProbes list={probes} locale={locale} now={now} />
            <OpenIncidents
              incidents={incidents.data}
              error={incidents.error ? `incidents: ${incidents.error.message}` : null}
              now={now}
              locale={locale}
              t={t}
            />
            <MilestonesReached milestones={snapshot?.milestones ?? []} timeZone={snapshot?.room.timeZone ?? 'UTC'} locale={locale} t={t} />
            {snapshot ? <NotifyThisDevice room={snapshot.room.slug} roomName={snapshot.room.name} locale={locale} t={pushWords} /> : null}
          </div>
        </div>
      )}
    </main>
  );
}
