'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { BUTTON, INPUT, PRIMARY } from '@/app/_ui/controls';
import { useApiErrorText } from '@/app/_ui/use-error-words';
import type { TRoomListItem } from '@/lib/api/rooms';
import { useRoomsMutations, useRoomsQuery } from '@/lib/client/use-rooms';
import { formatHeadline, type TLocale } from '@/lib/format/number';
import { formatDuration } from '@/lib/format/duration';
import { useServerNow } from '@/lib/client/use-server-now';
import { staleness } from '@/lib/wall/stale';

/** /rooms: every room with its open incidents and headline (refreshed every few seconds); admins create, archive, restore. */
export function RoomsScreen({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations('rooms');
  const [showArchived, setShowArchived] = useState(false);
  const rooms = useRoomsQuery({ archived: showArchived, live: true });
  const list = rooms.data?.rooms;
  const now = useServerNow(1000, null);
  return (
    <main className="mx-auto max-w-5xl space-y-6 p-4 md:p-6" data-testid="rooms-screen">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-sm text-dim">{t('intro')}</p>
      </header>
      {isAdmin ? <CreateRoom /> : <p className="text-xs text-dim">{t('adminOnly')}</p>}
      <label className="flex min-h-11 items-center gap-2 text-sm text-dim">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} data-testid="show-archived" />
        {t('showArchived')}
      </label>
      {rooms.error ? (
        <p role="alert" className="text-crit">
          {rooms.error.message}
        </p>
      ) : !list ? (
        <p className="text-dim">…</p>
      ) : list.length === 0 ? (
        <p className="text-dim">{t('empty')}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" data-testid="rooms-list">
          {list.map((r) => (
            <RoomCard key={r.slug} room={r} isAdmin={isAdmin} now={now} />
          ))}
        </ul>
      )}
    </main>
  );
}

/** A room's live headline with its age on the server clock; past the room's stale threshold it greys and says so. */
function Headline({ room, now }: { room: TRoomListItem; now: number | null }) {
  const t = useTranslations('rooms');
  const locale = useLocale() as TLocale;
  const h = room.headline;
  if (!h)
    return (
      <span className="text-sm font-normal text-dim" data-testid={`room-${room.slug}-headline`}>
        {t('noData')}
      </span>
    );
  const age = now === null ? null : staleness(Date.parse(h.time), now, room.staleAfterSeconds);
  const words = age === null ? null : { age: formatDuration(age.ageMs, locale) };
  return (
    <>
      <span
        className={`tabular text-xl font-semibold ${age?.stale ? 'text-dim' : 'text-users'}`}
        data-testid={`room-${room.slug}-headline`}
      >
        {formatHeadline(h.value, locale)}
      </span>{' '}
      {words && (
        <span className={`text-xs ${age?.stale ? 'text-warn' : 'text-dim'}`} data-testid={`room-${room.slug}-headline-age`}>
          {age?.stale ? t('stale', words) : t('age', words)}
        </span>
      )}
    </>
  );
}

function RoomCard({ room, isAdmin, now }: { room: TRoomListItem; isAdmin: boolean; now: number | null }) {
  const t = useTranslations('rooms');
  const errorText = useApiErrorText();
  const { setArchived } = useRoomsMutations();
  const r = encodeURIComponent(room.slug);
  const stale = room.headline !== null && now !== null && staleness(Date.parse(room.headline.time), now, room.staleAfterSeconds).stale;
  const toggle = () => {
    if (!room.archived && !window.confirm(t('confirmArchive', { name: room.name }))) return;
    setArchived.mutate({ slug: room.slug, archived: !room.archived });
  };
  return (
    <li
      className={`space-y-2 rounded-lg border p-4 ${room.archived ? 'border-dashed border-edge opacity-80' : 'border-edge bg-panel'}`}
      data-testid={`room-${room.slug}`}
      data-archived={room.archived ? 'yes' : 'no'}
    >
      <div className="flex flex-wrap items-baseline gap-2">
        <h2 className="text-lg font-semibold" translate="no">
          {room.name}
        </h2>
        <span className="font-mono text-xs text-dim" translate="no">
          {room.slug}
        </span>
        <span className="text-xs text-dim">
          {t(`language.${room.locale}`)} · {room.timeZone}
        </span>
        {room.archived && <span className="rounded border border-edge px-1 text-xs text-warn">{t('archived')}</span>}
      </div>
      <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1">
        <span
          className={`text-sm ${stale ? 'rounded border border-dashed border-dim px-1' : ''}`}
          data-testid={`room-${room.slug}-headline-box`}
          data-stale={stale ? 'yes' : 'no'}
        >
          <span className="text-dim">{t('headline')} </span>
          <Headline room={room} now={now} />
        </span>
        <span className={`text-sm ${room.openIncidents ? 'text-sev2' : 'text-dim'}`} data-testid={`room-${room.slug}-open`}>
          {t('open', { count: room.openIncidents })}
        </span>
      </div>
      {room.archived && <p className="text-xs text-dim">{t('archivedNote')}</p>}
      <div className="flex flex-wrap gap-2 text-sm">
        <Link className={BUTTON} href={`/wall/${r}`}>
          {t('wall')}
        </Link>
        <Link className={BUTTON} href={`/incidents?room=${r}`}>
          {t('incidents')}
        </Link>
        <Link className={BUTTON} href={`/rooms/${r}/report`}>
          {t('report')}
        </Link>
        {isAdmin && !room.isDefault && (
          <button
            type="button"
            className={`${BUTTON} ml-auto`}
            onClick={toggle}
            disabled={setArchived.isPending}
            data-testid={`room-${room.slug}-archive`}
          >
            {room.archived ? t('restore') : t('archive')}
          </button>
        )}
      </div>
      {setArchived.error && (
        <p role="alert" className="text-sm text-crit">
          {errorText(setArchived.error)}
        </p>
      )}
    </li>
  );
}

function CreateRoom() {
  const t = useTranslations('rooms');
  const tf = useTranslations('fields');
  const errorText = useApiErrorText();
  const { create } = useRoomsMutations();
  const [formKey, setFormKey] = useState(0);
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    await create
      .mutateAsync({
        slug: String(f.get('slug')).trim(),
        name: String(f.get('name')),
        timeZone: String(f.get('timeZone')) || undefined,
        locale: String(f.get('locale')) === 'zh' ? 'zh' : 'en',
      })
      .then(
        () => setFormKey((k) => k + 1),
        () => {},
      );
  }
  return (
    <section aria-labelledby="new-room" className="space-y-2 rounded-lg border border-edge p-4">
      <h2 id="new-room" className="font-semibold">
        {t('create')}
      </h2>
      <form key={formKey} onSubmit={onSubmit} className="flex flex-wrap gap-2" data-testid="new-room">
        <input name="slug" placeholder={tf('slug')} aria-label={tf('slug')} title={t('createHint')} required className={INPUT} />
        <input name="name" placeholder={tf('name')} aria-label={tf('name')} required className={INPUT} />
        <input
          name="timeZone"
          aria-label={tf('timeZone')}
          defaultValue={Intl.DateTimeFormat().resolvedOptions().timeZone}
          className={INPUT}
        />
        <select name="locale" aria-label={tf('locale')} defaultValue="en" className={INPUT}>
          <option value="en">{t('language.en')}</option>
          <option value="zh">{t('language.zh')}</option>
        </select>
        <button type="submit" className={PRIMARY} disabled={create.isPending}>
          {t('create')}
        </button>
      </form>
      <p className="text-xs text-dim">{t('createHint')}</p>
      {create.error && (
        <p role="alert" className="text-sm text-crit" data-testid="new-room-error">
          {errorText(create.error)}
        </p>
      )}
      {create.data && (
        <p className="text-sm text-ok" role="status">
          {t('created', { slug: create.data.slug })}
        </p>
      )}
    </section>
  );
}
