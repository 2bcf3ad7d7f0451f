import { formatDelta, formatHeadline, type TLocale } from '@/lib/format/number';
import type { TGrowth } from '@/lib/wall/growth';
import type { THomeLabels } from './labels';

/** Users and online, big; growth per minute and per hour beneath. Plain text, so it paints before any chart code loads. */
export function HeadlineNumbers(props: {
  users: number | undefined;
  online: number | undefined;
  perMinute: TGrowth | null;
  perHour: TGrowth | null;
  locale: TLocale;
  t: THomeLabels;
}) {
  const { locale, t } = props;
  return (
    <section aria-label={`${t.users}, ${t.online}`} className="grid grid-cols-2 gap-2">
      <Tile label={t.users} testId="headline-users" valueClass="text-users">
        {props.users === undefined ? null : formatHeadline(props.users, locale)}
      </Tile>
      <Tile label={t.online} testId="headline-online" valueClass="text-online">
        {props.online === undefined ? null : formatHeadline(props.online, locale)}
      </Tile>
      <Growth label={t.perMinute} growth={props.perMinute} locale={locale} testId="growth-minute" t={t} />
      <Growth label={t.perHour} growth={props.perHour} locale={locale} testId="growth-hour" t={t} />
    </section>
  );
}

function Tile(props: { label: string; testId: string; valueClass: string; children: string | null }) {
  return (
    <div className="min-w-0 rounded-xl border border-edge bg-panel px-3 py-2.5">
      <h2 className="truncate text-xs font-medium uppercase tracking-wide text-dim">{props.label}</h2>
      <p data-testid={props.testId} className={`tabular mt-0.5 truncate text-[1.65rem] font-bold leading-tight md:text-4xl ${props.valueClass}`}>
        {props.children ?? <span className="text-base font-normal text-dim">—</span>}
      </p>
    </div>
  );
}

function Growth(props: { label: string; growth: TGrowth | null; locale: TLocale; testId: string; t: THomeLabels }) {
  const g = props.growth;
  const tone = !g || g.value === 0 ? 'text-ink' : g.value > 0 ? 'text-online' : 'text-sev2';
  return (
    <div className="min-w-0 rounded-xl border border-edge bg-panel px-3 py-2">
      <h2 className="truncate text-xs font-medium uppercase tracking-wide text-dim">{props.label}</h2>
      <p data-testid={props.testId} className={`tabular truncate text-lg font-semibold ${tone}`}>
        {g ? formatDelta(Math.round(g.value), props.locale) : '—'}
        {g && !g.complete ? <span className="ml-1 text-xs font-normal text-dim">({props.t.estimate})</span> : null}
      </p>
    </div>
  );
}
