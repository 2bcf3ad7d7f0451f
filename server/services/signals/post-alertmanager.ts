import type { TServiceContext } from '../../context';
import type { TSeverity } from '../../../lib/incidents';
import type { TAlertmanagerPayload, TSignalAction } from '../../../lib/api/signals';
import type { TActor } from '../access/actor';
import { TX_OPTIONS } from '../incidents/incident-tx';
import { roomFor } from '../rooms/room-for';
import { isUniqueViolation } from '../../errors';
import { applySignalTx, emitSignalWrite, lockRoomSignals, type TSignalWrite } from './apply-signal';

type TAlert = TAlertmanagerPayload['alerts'][number];

/** Alertmanager's `severity` label → ours (contract: critical→SEV1, error/high→SEV2, warning→SEV3, info→SEV4, else SEV3). */
export function severityOfLabel(v: string | undefined): TSeverity {
  switch ((v ?? '').toLowerCase()) {
    case 'critical':
      return 'SEV1';
    case 'error':
    case 'high':
      return 'SEV2';
    case 'warning':
      return 'SEV3';
    case 'info':
      return 'SEV4';
    default:
      return 'SEV3';
  }
}

const RANK: Record<TSeverity, number> = { SEV1: 0, SEV2: 1, SEV3: 2, SEV4: 3 };

const ms = (s: string | undefined) => {
  const t = s ? Date.parse(s) : NaN;
  // Alertmanager sends 0001-01-01T00:00:00Z for "no end yet".
  return Number.isFinite(t) && t > 0 ? t : null;
};

/** The alert's summary, description and instance, as it sent them (absent ones left out); cut to a readable length. */
const toldBy = (a: TAlert) => {
  const cut = (s: string | undefined) => (s ? s.slice(0, 2000) : undefined);
  const told = { summary: cut(a.annotations.summary), description: cut(a.annotations.description), instance: cut(a.labels.instance) };
  return Object.fromEntries(Object.entries(told).filter(([, v]) => v !== undefined)) as Partial<typeof told>;
};

const nameOf = (a: TAlert) => a.annotations.summary || [a.labels.alertname, a.labels.instance].filter(Boolean).join(' ') || a.fingerprint;

/**
 * Is this delivery of an alert newer than what is stored? An alert episode is
 * known by its startsAt; within one episode "resolved" comes after "firing".
 * So a redelivery is not newer, and a firing that arrives after its own
 * resolve (out of order) is not taken for a new episode.
 */
export function isNewer(
  incoming: { status: string; startsAt: number },
  stored: { status: string; startsAt: Date | null } | undefined,
): boolean {
  if (!stored) return true;
  const s = stored.startsAt?.getTime() ?? 0;
  if (incoming.startsAt !== s) return incoming.startsAt > s;
  return incoming.status === 'resolved' && stored.status === 'firing';
}

/**
 * Alertmanager webhook v4: one signal (and incident) per groupKey, each alert
 * tracked by fingerprint. The whole payload is one transaction with a fixed
 * number of statements (two reads, a delete and an insert of the changed
 * alerts, the incident change), so 500 alerts answer as fast as 5.
 */
export async function postAlertmanager(opts: {
  ctx: TServiceContext;
  actor: TActor;
  input: TAlertmanagerPayload;
  room?: string;
}): Promise<{ incidents: { id: string; number: number; action: TSignalAction }[] }> {
  const { ctx, actor, input } = opts;
  const room = await roomFor({ ctx, actor, slug: opts.room, permission: 'alerts:write' });
  const where = { roomId_kind_dedupKey: { roomId: room.id, kind: 'alertmanager', dedupKey: input.groupKey } };
  const title =
    input.commonAnnotations.summary ||
    input.commonLabels.alertname ||
    input.groupLabels.alertname ||
    input.alerts[0]?.labels.alertname ||
    'Alertmanager alert';
  let severity: TSeverity = input.commonLabels.severity ? severityOfLabel(input.commonLabels.severity) : 'SEV4';
  if (!input.commonLabels.severity)
    for (const a of input.alerts)
      if (RANK[severityOfLabel(a.labels.severity)] < RANK[severity]) severity = severityOfLabel(a.labels.severity);
  if (!input.commonLabels.severity && input.alerts.length === 0) severity = 'SEV3';

  const run = () =>
    ctx.prisma.$transaction(async (tx): Promise<TSignalWrite> => {
      await lockRoomSignals(tx, room.id);
      const current = await tx.signal.findUnique({ where, include: { alerts: true } });
      const stored = new Map((current?.alerts ?? []).map((a) => [a.fingerprint, a]));
      // The last delivery of a fingerprint in one payload wins.
      const latest = new Map<string, TAlert>();
      for (const a of input.alerts) latest.set(a.fingerprint, a);
      const changed: TAlert[] = [];
      for (const a of latest.values())
        if (isNewer({ status: a.status, startsAt: ms(a.startsAt) ?? 0 }, stored.get(a.fingerprint))) changed.push(a);
      const after = new Map<string, string>([...stored].map(([f, a]) => [f, a.status]));
      for (const a of changed) after.set(a.fingerprint, a.status);
      const anyFiring = [...after.values()].includes('firing') || (input.status === 'firing' && input.truncatedAlerts > 0);
      const newlyFiring = changed.filter((a) => a.status === 'firing');
      const newlyResolved = changed.filter((a) => a.status === 'resolved');

      const note = (list: TAlert[], verb: string) =>
        list.length === 0
          ? ''
          : `${verb}: ${list.slice(0, 10).map(nameOf).join(', ')}${list.length > 10 ? ` and ${list.length - 10} more` : ''}`;
      const body = [
        note(newlyFiring, 'firing'),
        note(newlyResolved, 'resolved'),
        input.truncatedAlerts > 0 ? `(${input.truncatedAlerts} more alerts not sent by Alertmanager)` : '',
      ]
        .filter(Boolean)
        .join('; ');
      const noteData = {
        groupKey: input.groupKey,
        alerts: changed.map((a) => ({ fingerprint: a.fingerprint, status: a.status, name: nameOf(a), ...toldBy(a) })),
        truncatedAlerts: input.truncatedAlerts,
      };
      const url = input.alerts.find((a) => a.generatorURL)?.generatorURL || input.externalURL || null;
      const signal = {
        roomId: room.id,
        kind: 'alertmanager' as const,
        dedupKey: input.groupKey,
        name: title,
        title,
        severity,
        description: input.commonAnnotations.description ?? null,
        url,
        note: body || undefined,
        noteData,
      };
      let w: TSignalWrite;
      if (changed.length === 0) {
        w = { roomId: room.id, action: 'ignored', incident: null, entryIds: [] };
        if (current?.incidentId) {
          const inc = await tx.incident.findUnique({ where: { id: current.incidentId }, select: { id: true, number: true } });
          w.incident = inc;
        }
      } else if (anyFiring && newlyFiring.length > 0) {
        // An alert started firing: opens, re-fires, or (while already firing) notes it.
        w = await applySignalTx(
          tx,
          actor,
          { ...signal, status: 'firing' },
          {
            current,
            fresh: true,
            extraNote: current?.state === 'firing' && current.incidentId ? { kind: 'auto', body, data: noteData } : null,
          },
        );
      } else if (!anyFiring) {
        w = await applySignalTx(
          tx,
          actor,
          { ...signal, status: 'recovered', note: body ? `all alerts resolved (${body})` : 'all alerts resolved' },
          { current },
        );
      } else {
        // Some alerts resolved, others still firing: a note on the open incident.
        w = await applySignalTx(tx, actor, { ...signal, status: 'firing' }, { current, extraNote: { kind: 'auto', body, data: noteData } });
      }
      if (changed.length > 0) {
        const signalId = (await tx.signal.findUniqueOrThrow({ where, select: { id: true } })).id;
        await tx.signalAlert.deleteMany({ where: { signalId, fingerprint: { in: changed.map((a) => a.fingerprint) } } });
        await tx.signalAlert.createMany({
          data: changed.map((a) => ({
            signalId,
            fingerprint: a.fingerprint,
            status: a.status,
            summary: nameOf(a).slice(0, 500),
            startsAt: ms(a.startsAt) ? new Date(ms(a.startsAt)!) : null,
            endsAt: ms(a.endsAt) ? new Date(ms(a.endsAt)!) : null,
          })),
        });
      }
      return w;
    }, TX_OPTIONS);

  let w: TSignalWrite;
  try {
    w = await run();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    w = await run();
  }
  await emitSignalWrite(ctx, w);
  return { incidents: w.incident ? [{ id: w.incident.id, number: w.incident.number, action: w.action }] : [] };
}
