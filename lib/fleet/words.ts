import { formatCompact, formatPercent, type TLocale } from '../format/number';
import { STATE_VOCABULARY } from '../format/state-words';
import type { TOutlier } from './outliers';

const METRIC_WORDS: Record<TLocale, Record<string, string>> = {
  en: {
    cpu_ratio: 'CPU',
    mem_ratio: 'memory',
    memory_ratio: 'memory',
    error_ratio: 'error ratio',
    disk_ratio: 'disk',
    connections: 'connections',
    latency_ms: 'latency',
  },
  zh: {
    cpu_ratio: 'CPU',
    mem_ratio: '内存',
    memory_ratio: '内存',
    error_ratio: '错误率',
    disk_ratio: '磁盘',
    connections: '连接数',
    latency_ms: '延迟',
  },
};
const SHORT: Record<TLocale, Record<string, string>> = {
  en: { cpu_ratio: 'cpu', mem_ratio: 'mem', memory_ratio: 'mem', error_ratio: 'err', connections: 'conn', disk_ratio: 'disk' },
  zh: { cpu_ratio: 'CPU', mem_ratio: '内存', memory_ratio: '内存', error_ratio: '错误', connections: '连接', disk_ratio: '磁盘' },
};

/** A metric's name as people say it ("error ratio", "错误率"). */
export function metricWord(metric: string, locale: TLocale): string {
  return METRIC_WORDS[locale][metric] ?? metric;
}

/** A metric's name on a small tile ("err", "错误"). */
export function metricShort(metric: string, locale: TLocale = 'en'): string {
  return SHORT[locale][metric] ?? metric;
}

/** A metric's value: ratios as percentages, others compact. */
export function formatMetric(metric: string, value: number, locale: TLocale): string {
  if (!metric.endsWith('_ratio')) return formatCompact(value, locale);
  // Error ratios live below 1 %: "0.095 %", not "0.1 %" for everyone.
  if (value !== 0 && Math.abs(value) < 0.01)
    return new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { style: 'percent', maximumSignificantDigits: 2 }).format(value);
  return formatPercent(value, locale);
}

function times(x: number): string {
  return x >= 10 ? String(Math.round(x)) : String(+x.toFixed(1));
}

/**
 * Why a server was marked, in words: "error ratio 10× pool median",
 * "CPU 6.2 MADs above pool median (41 %)"; 错误率为池中位数的 10 倍.
 */
export function describeOutlier(o: Pick<TOutlier, 'metric' | 'value' | 'poolMedian' | 'mads' | 'ratio' | 'rule'>, locale: TLocale): string {
  const m = metricWord(o.metric, locale);
  const median = formatMetric(o.metric, o.poolMedian, locale);
  if (o.rule === 'ratio' && o.ratio !== null) {
    return locale === 'zh'
      ? `${m}为池中位数的 ${times(o.ratio)} 倍（中位数 ${median}）`
      : `${m} ${times(o.ratio)}× pool median (${median})`;
  }
  if (o.rule === 'ratio') return locale === 'zh' ? `${m}远高于池（中位数 ${median}）` : `${m} far above a pool at ${median}`;
  const side = o.value >= o.poolMedian;
  const mads = times(Math.abs(o.mads));
  if (locale === 'zh') return `${m}${side ? '高于' : '低于'}池中位数 ${mads} 个 MAD（中位数 ${median}）`;
  return `${m} ${mads} MADs ${side ? 'above' : 'below'} pool median (${median})`;
}

/** A server's state in words, the same on every screen. */
export const STATE_WORDS: Record<TLocale, Record<'ok' | 'warning' | 'critical' | 'silent' | 'drained', string>> = {
  en: { ok: 'ok', warning: 'warning', critical: 'critical', silent: STATE_VOCABULARY.en.silent, drained: 'drained' },
  zh: { ok: '正常', warning: '警告', critical: '严重', silent: STATE_VOCABULARY.zh.silent, drained: '已摘除' },
};

/** "err 9.5×" / "cpu +6 MAD" / "错误 9.5×": an outlier on a small tile. */
export function outlierShort(o: Pick<TOutlier, 'metric' | 'mads' | 'ratio' | 'rule'>, locale: TLocale = 'en'): string {
  if (o.rule === 'ratio') return `${metricShort(o.metric, locale)} ${o.ratio !== null ? `${times(o.ratio)}×` : '≫'}`;
  return `${metricShort(o.metric, locale)} ${o.mads >= 0 ? '+' : '−'}${times(Math.abs(o.mads))} MAD`;
}
