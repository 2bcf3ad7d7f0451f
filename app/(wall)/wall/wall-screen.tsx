'use client';

import { useMemo } from 'react';
import { NightChart, type TNightLevel, type TNightMark } from '@/app/_components/night-chart';
import { useRoomLive } from '@/lib/client/use-room-live';
import type { TRoomSnapshot } from '@/lib/events';
import type { TLocale } from '@/lib/format/number';
import { HEADLINE_SERIES, unlabelled } from '@/lib/series';
import { judgeFleet } from '@/lib/fleet/judge';
import { nextMilestone } from '@/lib/wall/milestones';
import { feedState, staleness } from '@/lib/wall/stale';
import { AccessScreen } from './access-screen';
import { Celebration } from './celebration';
import { ConnectionBadge } from './connection-badge';
import { Countdown } from './countdown';
import { HeadlinePanel } from './headline-panel';
import { HealthStrip } from './health-strip';
import { IncidentsPanel } from './incidents-panel';
import { WALL_LABELS } from './labels';
import { ServerClock } from './server-clock';
import { useRoomSettings } from './use-room-settings';
import { useServerNow } from '@/lib/client/use-server-now';
import { useWallIncidents } from './use-wall-incidents';
import { useWallDrains } from './use-wall-drains';
import { ProbesRow } from './probes-row';
import { useProbesQuery } from '@/lib/client/use-probes';
import { OnDuty } from './on-duty';
import { PlanDelta } from './plan-delta';
import { usePlan } from './use-plan';
import { CapacityLine } from '@/app/_components/capacity-line';
import { capacityView, type TCapacityWords } from '@/lib/capacity/view';
import { useCapacityQuery } from '@/lib/client/use-capacity';
import { ReachWarning } from '@/app/_components/reach-warning';
import { useChannelHealthQuery } from '@/lib/client/use-channel-health';

const NEXT_LEVEL_REACH = 1.3;

function headline(snapshot: TRoomSnapshot | undefined, name: string) {
  const s = unlabelled(snapshot?.latest, name);
  return s ? { value: s.value, time: Date.parse(s.time) } : undefined;
}

/** Milestone lines: every one reached, and the next one of each series (dashed). */
function milestoneLevels(snapshot: TRoomSnapshot | undefined): TNightLevel[] {
  if (!snapshot) return [];
  const out: TNightLevel[] = [];
  for (const [name, right, color] of [
    [HEADLINE_SERIES.users, false, 'users'],
    [HEADLINE_SERIES.online, true, 'online'],
  ] as const) {
    const current = headline(snapshot, name)?.value;
    const ms = snapshot.milestones.filter((m) => m.seriesName === name);
    for (const m of ms) if (m.reachedAt) out.push({ id: m.id, value: m.threshold, label: m.label, right, reached: true, color });
    const next = current === undefined ? undefined : nextMilestone(ms, name, current);
    // A next milestone far above the curve would squash it flat; draw it once it is within reach.
    if (next && current !== undefined && next.threshold <= current * NEXT_LEVEL_REACH)
      out.push({ id: next.id, value: next.threshold, label: next.label, right, reached: false, color });
  }
  return out;
}

/**
 * The wall: a TV in kiosk mode, read from five metres. Everything is sized
 * in vh so 1080p and 4K look the same, and the page never scrolls.
 */
export function WallScreen({
  slug,
  displayKey,
  capacityWords,
  initialLocale,
}: {
  slug: string | undefined;
  displayKey: string | null;
  capacityWords: Record<TLocale, TCapacityWords>;
  /** the room's language as the server read it, so the screen speaks it before the snapshot arrives */
  initialLocale: TLocale;
}) {
  const { snapshot, access, connection, socket } = useRoomLive(slug, displayKey);
  const roomSlug = snapshot?.room.slug ?? slug;
  const settings = useRoomSettings(access ? undefined : roomSlug, displayKey, socket);
  const incidents = useWallIncidents(roomSlug, displayKey);
  const probes = useProbesQuery(roomSlug, displayKey, socket).data;
  const capacity = useCapacityQuery(access ? undefined : roomSlug, displayKey, socket).data;
  const reach = useChannelHealthQuery(access ? undefined : roomSlug, displayKey, socket).data;
  const locale: TLocale = snapshot?.room.locale ?? initialLocale;
  const timeZone = snapshot?.room.timeZone ?? 'UTC';
  const t = WALL_LABELS[locale];
  const staleAfter = snapshot?.room.staleAfterSeconds ?? 30;

  const users = headline(snapshot, HEADLINE_SERIES.users);
  const online = headline(snapshot, HEADLINE_SERIES.online);
  const newest = Math.max(users?.time ?? -Infinity, online?.time ?? -Infinity);
  // Each headline number goes stale at its own time plus the threshold: the mark appears then, not at the next tick.
  const now = useServerNow(1000, null, [(users?.time ?? Number.NaN) + staleAfter * 1000, (online?.time ?? Number.NaN) + staleAfter * 1000]);
  const stale = now === null || !Number.isFinite(newest) ? { stale: false, ageMs: 0 } : staleness(newest, now, staleAfter);
  const feed = feedState(connection, stale.stale);

  const history = snapshot?.history;
  const points = useMemo(() => {
    const h = (name: string) => unlabelled(history, name)?.points ?? [];
    return { users: h(HEADLINE_SERIES.users), online: h(HEADLINE_SERIES.online) };
  }, [history]);
  const plan = usePlan(roomSlug, displayKey, socket, HEADLINE_SERIES.users);
  const lines = useMemo(
    () => [
      { label: t.users, color: 'users' as const, points: points.users },
      { label: t.online, color: 'online' as const, points: points.online, right: true },
      ...(plan.length ? [{ label: `${t.users} (plan)`, color: 'users' as const, points: plan, dashed: true }] : []),
    ],
    [points, t, plan],
  );
  const annotations = snapshot?.annotations;
  const goLiveAt = snapshot?.room.goLiveAt ?? null;
  const marks = useMemo<TNightMark[]>(() => {
    const m: TNightMark[] = (annotations ?? []).map((a) => ({ id: a.id, time: Date.parse(a.time), label: a.label }));
    if (goLiveAt) m.push({ id: 'go-live', time: Date.parse(goLiveAt), label: t.liveIn, low: true });
    return m;
  }, [annotations, goLiveAt, t]);
  const levels = useMemo(() => milestoneLevels(snapshot), [snapshot]);
  const drains = useWallDrains(roomSlug, displayKey, socket);
  const servers = useMemo(
    () =>
      judgeFleet({
        latest: snapshot?.latest ?? [],
        lines: settings?.safetyLines ?? [],
        staleAfterSeconds: staleAfter,
        now: now ?? Date.now(),
        drains,
      }),
    [snapshot?.latest, settings?.safetyLines, staleAfter, now, drains],
  );
  const values = useMemo(
    () => ({ [HEADLINE_SERIES.users]: users?.value, [HEADLINE_SERIES.online]: online?.value }),
    [users?.value, online?.value],
  );
  // The chart's axis runs to now, moved on in 5 s steps so the canvas is not redrawn every second.
  const chartNow = now === null ? null : Math.ceil(now / 5000) * 5000;

  const headroom = now === null ? null : capacityView(capacity, now, capacityWords[locale], locale);

  // No access: the whole screen says why, and nothing of the room stays on it.
  if (access) return <AccessScreen problem={access} t={t} />;

  const common = { milestones: snapshot?.milestones ?? [], locale, timeZone, now, staleAfterSeconds: staleAfter, t };
  return (
    <main
      className="grid h-dvh grid-rows-[auto_auto_minmax(0,1fr)_auto_auto] gap-[1.4vh] overflow-hidden p-[1.6vh] portrait:grid-rows-[auto_auto_minmax(15vh,1fr)_minmax(24vh,0.7fr)_auto_auto] portrait:gap-[1vh] portrait:p-[1.2vh]"
      data-testid="wall"
      data-stale={stale.stale ? 'yes' : 'no'}
    >
      <header className="flex min-w-0 flex-wrap items-center justify-between gap-x-[2vh] gap-y-[0.6vh] text-[min(2.6vh,4vw)] text-dim">
        <div className="flex min-w-0 items-center gap-[2vh]">
          <span data-testid="wall-room-name" className="truncate font-semibold text-ink">
            {snapshot?.room.name ?? 'Warroom'}
          </span>
          {snapshot?.room.archived ? (
            <span data-testid="wall-archived" className="shrink-0 rounded border border-warn px-[0.8vh] text-warn">
              {t.archived}
            </span>
          ) : null}
          <Countdown goLiveAt={goLiveAt} now={now} />
          <OnDuty slug={roomSlug} displayKey={displayKey} socket={socket} locale={locale} timeZone={timeZone} />
        </div>
        <div className="ml-auto flex min-w-0 items-center gap-[2.4vh]">
          <ReachWarning
            failing={reach?.failing}
            now={now}
            locale={locale}
            timeZone={timeZone}
            stale={connection !== 'live'}
            className="py-[0.2vh] font-semibold"
          />
          <CapacityLine view={headroom} className="py-[0.2vh] font-semibold" />
          <ConnectionBadge state={feed} staleMs={stale.stale ? stale.ageMs : null} locale={locale} />
          <span className="shrink-0 text-[min(3.4vh,5vw)] font-semibold">
            <ServerClock now={now} timeZone={timeZone} />
          </span>
        </div>
      </header>
      <section className="grid min-w-0 grid-cols-1 gap-[1.4vh] portrait:gap-[1vh] landscape:grid-cols-2">
        <HeadlinePanel
          {...common}
          label={t.users}
          seriesName={HEADLINE_SERIES.users}
          value={users?.value}
          time={users?.time}
          points={points.users}
          colorClass="text-users"
          testId="headline-users"
        />
        <HeadlinePanel
          {...common}
          label={t.online}
          seriesName={HEADLINE_SERIES.online}
          value={online?.value}
          time={online?.time}
          points={points.online}
          colorClass="text-online"
          testId="headline-online"
        />
      </section>
      <section className="contents landscape:grid landscape:min-h-0 landscape:grid-cols-[minmax(0,2.1fr)_minmax(0,1fr)] landscape:gap-[1.6vh]">
        <div
          data-testid="chart"
          className={`relative flex min-h-0 flex-col rounded-[1vh] border bg-panel p-[1.4vh] ${stale.stale ? 'border-dashed border-dim' : 'border-edge'}`}
        >
          <PlanDelta plan={plan} latest={users} stale={stale.stale} locale={locale} />
          <NightChart
            lines={lines}
            marks={marks}
            levels={levels}
            locale={locale}
            timeZone={timeZone}
            now={chartNow}
            waiting={t.chartWaiting}
            className="relative min-h-0 w-full flex-1"
          />
          <Celebration milestones={snapshot?.milestones ?? []} values={values} t={t} />
        </div>
        <IncidentsPanel incidents={incidents} now={now} locale={locale} t={t} />
      </section>
      <HealthStrip servers={servers} locale={locale} t={t} />
      <ProbesRow list={probes} now={now} locale={locale} />
    </main>
  );
}
