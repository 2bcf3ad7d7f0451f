import type { TStatusSummary } from '../api/status';

/** One past incident as the public page and the incidents feed show it. */
export type TPublicIncident = TStatusSummary['incidents'][number];

/**
 * Everything the public page renders, built only from the Status* rows and
 * the probes' up/down series. Also what a snapshot file holds, so the page
 * can render from disk when the database is away.
 */
export interface TPublicStatus {
  roomId: string;
  room: { slug: string; name: string; locale: 'en' | 'zh'; timeZone: string };
  title: string;
  summary: TStatusSummary;
  /** resolved public incidents, newest first */
  past: TPublicIncident[];
  /** the calendar days of the uptime bars, oldest first (room time zone) */
  days: string[];
  /** per component id: share of probe checks up on each day (null: no data) */
  uptime: Record<string, (number | null)[]>;
  /** when this was built from the database */
  builtAt: string;
  /** a hash of the public content: the ETag of every public answer */
  etag: string;
  /** set when the database did not answer and this came from the last snapshot */
  fromSnapshot?: boolean;
}

/** Days of uptime bars the page shows per component. */
export const UPTIME_DAYS = 90;
