'use client';

import { useEffect, useMemo, useState } from 'react';
import type { TLocale } from '@/lib/format/number';
import type { TServerDto } from '@/lib/api/servers';
import { STATE_WORDS } from '@/lib/fleet/words';
import { FleetRow } from './fleet-row';
import { useFleetLabels } from './labels';
import { useFleetQuery } from './use-fleet';
import { CapacityPanel } from './capacity-panel';
import type { TCapacityWords } from '@/lib/capacity/view';

type TSort = 'worst' | 'name' | 'lastSeen' | `metric:${string}`;

/** The server clock now, from the answer's serverTime plus the time since it came: ages tick without refetching. */
function useServerClock(serverTime: number | undefined, fetchedAt: number): number {
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setTick(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return serverTime === undefined ? tick : serverTime + Math.max(0, tick - fetchedAt);
}

function sortRows(rows: TServerDto[], sort: TSort, desc: boolean): TServerDto[] {
  if (sort === 'worst') return desc ? rows.slice().reverse() : rows;
  const key = (s: TServerDto): number | string =>
    sort === 'name' ? s.name : sort === 'lastSeen' ? -Date.parse(s.lastSeenAt) : (s.metrics[sort.slice('metric:'.length)] ?? -Infinity);
  const dir = desc ? -1 : 1;
  return rows.slice().sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (typeof ka === 'string' || typeof kb === 'string') return dir * String(ka).localeCompare(String(kb), 'en', { numeric: true });
    return dir * (ka - kb);
  });
}

/** Every server seen in the room: worst first by default, filterable, sortable by any metric, drainable by leads. */
export function FleetScreen({
  slug,
  roomName,
  locale,
  canDrain,
  capacityWords,
}: {
  slug: string;
  roomName: string;
  locale: TLocale;
  canDrain: boolean;
  capacityWords: TCapacityWords;
}) {
  const t = useFleetLabels();
  const { data, error, dataUpdatedAt } = useFleetQuery(slug);
  const now = useServerClock(data?.serverTime, dataUpdatedAt);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<TSort>('worst');
  const [desc, setDesc] = useState(false);
  const metricNames = useMemo(() => [...new Set((data?.servers ?? []).flatMap((s) => Object.keys(s.metrics)))].sort(), [data]);
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const all = data?.servers ?? [];
    return sortRows(f ? all.filter((s) => s.name.toLowerCase().includes(f)) : all, sort, desc);
  }, [data, filter, sort, desc]);
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const s of data?.servers ?? []) c.set(s.state, (c.get(s.state) ?? 0) + 1);
    return c;
  }, [data]);
  const header = (label: string, key: TSort) => (
    <button
      type="button"
      className="font-semibold underline-offset-2 hover:underline"
      onClick={() => {
        if (sort === key) return setDesc(!desc);
        setSort(key);
        setDesc(key.startsWith('metric:'));
      }}
      data-testid={`fleet-sort-${key}`}
    >
      {label}
      {sort === key ? (desc ? ' ↓' : ' ↑') : ''}
    </button>
  );

  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-3 p-3 sm:p-6" data-testid="fleet">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">
          {t.title} <span className="text-base font-normal text-dim">{roomName}</span>
        </h1>
        <a className="text-sm text-users underline" href={`/wall/${slug}`}>
          {t.wall}
        </a>
      </header>
      {data ? (
        <p className="text-sm text-dim" data-testid="fleet-summary">
          {t.summary(data.servers.length)}
          {[...counts.entries()].map(([state, n]) => ` · ${n} ${STATE_WORDS[locale][state as TServerDto['state']]}`)}
        </p>
      ) : null}
      <CapacityPanel slug={slug} now={now} words={capacityWords} locale={locale} />
      <div className="flex flex-wrap items-center gap-2">
        <input
          className="min-h-11 flex-1 rounded-lg border border-edge bg-bg px-3 text-sm text-ink"
          type="search"
          placeholder={t.filter}
          aria-label={t.filter}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="fleet-filter"
        />
        <label className="flex items-center gap-2 text-sm text-dim">
          {t.sortBy}
          <select
            className="min-h-11 rounded-lg border border-edge bg-bg px-2 text-sm text-ink"
            value={sort}
            onChange={(e) => {
              setSort(e.target.value as TSort);
              setDesc(e.target.value.startsWith('metric:'));
            }}
            data-testid="fleet-sort"
          >
            <option value="worst">{t.worst}</option>
            <option value="name">{t.name}</option>
            <option value="lastSeen">{t.lastSeen}</option>
            {metricNames.map((m) => (
              <option key={m} value={`metric:${m}`} translate="no">
                {m}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? (
        <p role="alert" className="text-crit">
          {error.message}
        </p>
      ) : null}
      {!canDrain ? <p className="text-xs text-dim">{t.leadsOnly}</p> : null}
      {data && data.servers.length === 0 ? <p className="text-dim">{t.none}</p> : null}
      {data && data.servers.length > 0 && rows.length === 0 ? <p className="text-dim">{t.noMatch}</p> : null}
      {rows.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="fleet-table">
            <thead className="text-sm text-dim">
              <tr>
                <th className="py-1 pr-3">
                  {header(t.server, 'worst')} · {header(t.name, 'name')} · {header(t.lastSeen, 'lastSeen')}
                </th>
                <th className="py-1 pr-3">{t.metrics}</th>
                <th className="py-1" />
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <FleetRow
                  key={s.name}
                  s={s}
                  slug={slug}
                  locale={locale}
                  t={t}
                  canDrain={canDrain}
                  ageMs={Math.max(0, now - Date.parse(s.lastSeenAt))}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </main>
  );
}
