import type { TLocale } from './number';

const UNITS: Record<TLocale, { s: string; m: string; h: string; d: string; sep: string }> = {
  en: { s: 's', m: 'min', h: 'h', d: 'd', sep: ' ' },
  zh: { s: '秒', m: '分钟', h: '小时', d: '天', sep: '' },
};

/**
 * A span as people say it at a glance, two units at most: "45 s", "2 min",
 * "1 h 5 min", "2 d 3 h" — "45秒", "2分钟", "1小时5分钟" in Chinese.
 */
export function formatDuration(ms: number, locale: TLocale): string {
  const u = UNITS[locale];
  const total = Math.max(0, Math.floor(ms / 1000));
  const part = (n: number, unit: string) => `${n}${u.sep}${unit}`;
  if (total < 60) return part(total, u.s);
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return part(minutes, u.m);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${part(hours, u.h)}${u.sep}${part(minutes % 60, u.m)}` : part(hours, u.h);
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${part(days, u.d)}${u.sep}${part(hours % 24, u.h)}` : part(days, u.d);
}
