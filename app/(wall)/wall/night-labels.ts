import type { TLocale } from '@/lib/format/number';

/** The wall's words for the shift and the plan, in the room's language. */
export const NIGHT_WALL_LABELS = {
  en: { onDuty: 'On duty', since: 'since', plan: 'plan', vsPlan: 'vs plan', stalePlan: 'vs plan (stale)' },
  zh: { onDuty: '值班', since: '自', plan: '计划', vsPlan: '对比计划', stalePlan: '对比计划（数据停滞）' },
} satisfies Record<TLocale, Record<string, string>>;
