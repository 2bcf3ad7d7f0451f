import type { TLocale } from '@/lib/format/number';

/** Probe words for the wall and the phone, in the room's language. */
export const PROBE_LABELS = {
  en: {
    probes: 'Probes',
    down: 'DOWN',
    downFor: 'down for',
    up: 'up',
    pending: 'checking',
    paused: 'paused',
    stale: 'no check for',
    probesDown: 'Probes down',
    allUp: 'all up',
  },
  zh: {
    probes: '探测',
    down: '故障',
    downFor: '已故障',
    up: '正常',
    pending: '检测中',
    paused: '已暂停',
    stale: '未检测',
    probesDown: '故障探测',
    allUp: '全部正常',
  },
} satisfies Record<TLocale, Record<string, string>>;
