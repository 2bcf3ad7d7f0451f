import type { TServiceContext } from '../context';
import type { TSeriesChange } from '../db/sample-store';
import type { TSeverity } from '../../lib/incidents';
import { onLabels, parseLabelsKey } from '../../lib/series';
import type { TActor } from '../services/access/actor';
import { applySignal } from '../services/signals/apply-signal';
import { ruleSignalKey, type TRuleRow } from '../services/signals/rule-write';
import { freshWindow, stepWindow, type TWindowState } from '../services/signals/rule-state';

const RULE_ACTOR: TActor = { kind: 'system', name: 'rule' };
/** Rules changed by another process arrive as 'rule.changed.elsewhere' (through Redis); without Redis, or if that was missed, within this long. */
const RELOAD_MS = 30_000;

interface TRoomRules {
  /** rules by the series they watch: one map lookup per changed series on the ingest path */
  bySeries: Map<string, { row: TRuleRow; labels: [string, string][] }[]>;
  loadedAt: number;
}

function formatValue(v: number): string {
  return Math.abs(v) >= 1000 || v === 0 ? String(Math.round(v * 100) / 100) : v.toPrecision(3);
}

/**
 * Evaluates alert rules as points arrive (the 'metrics.ingested' event),
 * never by polling the database. Rules are held per room in memory, and the
 * window state per (rule, label set) too, seeded from the signals already
 * firing so a restart does not forget an open alert. The ingest request is
 * never held: the work runs after it answered, one batch at a time, and
 * touches the database only when a window fires or recovers.
 */
export function startRuleEvaluator(ctx: TServiceContext): () => void {
  const rooms = new Map<string, Promise<TRoomRules>>();
  const windows = new Map<string, TWindowState>();
  const labelCache = new Map<string, Record<string, string>>();
  let chain = Promise.resolve();

  function rulesOf(roomId: string): Promise<TRoomRules> {
    let p = rooms.get(roomId);
    if (!p) {
      p = (async () => {
        const rows = await ctx.prisma.alertRule.findMany({ where: { roomId } });
        const firing = rows.length
          ? await ctx.prisma.signal.findMany({ where: { roomId, kind: 'rule', state: 'firing' }, select: { dedupKey: true } })
          : [];
        for (const f of firing) if (!windows.has(f.dedupKey)) windows.set(f.dedupKey, freshWindow(true));
        const bySeries: TRoomRules['bySeries'] = new Map();
        for (const row of rows) {
          const list = bySeries.get(row.series) ?? [];
          list.push({ row, labels: Object.entries(parseLabelsKey(row.labelsKey)) });
          bySeries.set(row.series, list);
        }
        return { bySeries, loadedAt: Date.now() };
      })();
      p.catch(() => rooms.delete(roomId));
      rooms.set(roomId, p);
    }
    return p;
  }

  const labelsOf = (key: string) => {
    let l = labelCache.get(key);
    if (!l) {
      if (labelCache.size > 10_000) labelCache.clear();
      l = parseLabelsKey(key);
      labelCache.set(key, l);
    }
    return l;
  };

  async function evaluate(roomId: string, changes: TSeriesChange[]) {
    let rules = await rulesOf(roomId);
    if (Date.now() - rules.loadedAt > RELOAD_MS) {
      rooms.delete(roomId);
      rules = await rulesOf(roomId);
    }
    if (rules.bySeries.size === 0) return;
    for (const c of changes) {
      const list = rules.bySeries.get(c.name);
      if (!list) continue;
      const labels = labelsOf(c.labelsKey);
      for (const { row, labels: want } of list) {
        if (!want.every(([k, v]) => labels[k] === v)) continue;
        const key = ruleSignalKey(row.id, c.labelsKey);
        let w = windows.get(key);
        if (!w) {
          w = freshWindow();
          windows.set(key, w);
        }
        const spec = {
          when: row.direction === 'below' ? ('below' as const) : ('above' as const),
          threshold: row.threshold,
          forSeconds: row.forSeconds,
        };
        // Headline series carry every point of the batch; labelled ones their newest.
        const points: [number, number][] = c.points.length > 0 ? c.points : [[c.latestTime, c.latestValue]];
        for (const [time, value] of points) {
          const step = stepWindow(spec, w, time, value);
          if (!step) continue;
          const shown = formatValue(value);
          const where = c.labelsKey ? ` ${c.labelsKey}` : '';
          await applySignal({
            ctx,
            actor: RULE_ACTOR,
            signal: {
              roomId,
              kind: 'rule',
              dedupKey: key,
              // The label set that fired, by its values: "web error ratio high on web-7".
              name: `${row.name}${onLabels(c.labelsKey, Object.fromEntries(want))}`,
              title: `${row.title || row.name}${onLabels(c.labelsKey, Object.fromEntries(want))}`,
              severity: row.severity as TSeverity,
              status: step === 'fire' ? 'firing' : 'recovered',
              impact:
                step === 'fire' ? { text: `${row.series}${where} = ${shown} (${spec.when} ${row.threshold})`, value, unit: null } : null,
              note:
                step === 'fire'
                  ? `${row.series}${where} ${spec.when} ${row.threshold} for ${row.forSeconds} s (now ${shown})`
                  : `${row.series}${where} back within ${row.threshold} for ${row.forSeconds} s (now ${shown})`,
              noteData: { rule: row.name, series: row.series, labels, value, threshold: row.threshold },
              at: new Date(time),
            },
          });
        }
      }
    }
  }

  const offIngest = ctx.bus.on('metrics.ingested', (e) => {
    chain = chain.then(() => evaluate(e.roomId, e.changes)).catch((err) => console.error('rule evaluation failed:', err));
  });
  const reload = (e: { roomId: string; ruleId: string }) => {
    rooms.delete(e.roomId);
    for (const k of [...windows.keys()]) if (k === e.ruleId || k.startsWith(`${e.ruleId} `)) windows.delete(k);
  };
  const offChanged = ctx.bus.on('rule.changed', reload);
  const offElsewhere = ctx.bus.on('rule.changed.elsewhere', reload);
  return () => {
    offIngest();
    offChanged();
    offElsewhere();
  };
}
