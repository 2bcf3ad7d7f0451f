import type { TChannelProblem } from '@/lib/api/notifications';
import { channelFailingText } from '@/lib/format/reach-words';
import type { TLocale } from '@/lib/format/number';

/**
 * "DingTalk “ops” failing since 12:03 · 14 min": the room cannot reach people
 * through these channels, in the warning look. Nothing while every channel
 * works. `stale`: this screen's feed is not live, so the list may be out of
 * date — dimmed and dashed like every value that stopped moving.
 */
export function ReachWarning({
  failing,
  now,
  locale,
  timeZone,
  stale = false,
  className = '',
}: {
  failing: TChannelProblem[] | undefined;
  now: number | null;
  locale: TLocale;
  timeZone: string;
  stale?: boolean;
  className?: string;
}) {
  if (!failing?.length || now === null) return null;
  return (
    <ul
      data-testid="reach-warning"
      data-stale={stale ? 'yes' : 'no'}
      aria-live="polite"
      className={`flex min-w-0 flex-col gap-[0.2em] ${className}`}
    >
      {failing.map((c) => (
        <li
          key={c.id}
          data-testid="channel-failing"
          data-kind={c.kind}
          title={c.lastError ?? undefined}
          className={`truncate rounded border px-[0.5em] tabular ${stale ? 'border-dashed border-dim text-dim' : 'border-warn bg-warn/10 text-warn'}`}
        >
          ⚠ {channelFailingText(c, now, locale, timeZone)}
        </li>
      ))}
    </ul>
  );
}
