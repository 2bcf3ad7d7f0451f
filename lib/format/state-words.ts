import type { TStatus } from '../incidents';
import type { TLocale } from './number';
import { formatDuration } from './duration';

/**
 * The one set of words for states, shared by the wall and the phone (and the
 * server tiles' "silent"): a state reads the same on every screen.
 */
export const STATE_VOCABULARY = {
  en: {
    connecting: 'connecting',
    live: 'live',
    stale: 'stale',
    reconnecting: 'reconnecting',
    offline: 'offline',
    unowned: 'unowned',
    silent: 'silent',
    revoked: 'revoked',
    waiting: 'waiting for data',
  },
  zh: {
    connecting: '连接中',
    live: '实时',
    stale: '数据停滞',
    reconnecting: '重新连接中',
    offline: '离线',
    unowned: '无人认领',
    silent: '无数据',
    revoked: '已撤销',
    waiting: '等待数据',
  },
} satisfies Record<TLocale, Record<string, string>>;

/** An incident's status in the room's language: the same words as the console's catalogue (messages/*.json). */
export const STATUS_WORDS = {
  en: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' },
  zh: { investigating: '调查中', identified: '已定位', monitoring: '观察中', resolved: '已解决' },
} satisfies Record<TLocale, Record<TStatus, string>>;

/** "stale 3 min" / "3分钟前": the age beside a value that has stopped moving. */
export function staleAge(ageMs: number, locale: TLocale): string {
  return locale === 'zh' ? `${formatDuration(ageMs, locale)}前` : `stale ${formatDuration(ageMs, locale)}`;
}

/** "data stopped 3 min ago" / "数据 3分钟前停止": why the badge is not live. */
export function dataStopped(ageMs: number, locale: TLocale): string {
  return locale === 'zh' ? `数据${formatDuration(ageMs, locale)}前停止` : `data stopped ${formatDuration(ageMs, locale)} ago`;
}

/**
 * "unclaimed 6 min" / "无人认领 6分钟": how long an incident has waited for an
 * owner, counted from when it opened (the incident's own time, not from what
 * this screen happened to see).
 */
export function unclaimedFor(ageMs: number, locale: TLocale): string {
  return locale === 'zh' ? `无人认领 ${formatDuration(ageMs, locale)}` : `unclaimed ${formatDuration(ageMs, locale)}`;
}
