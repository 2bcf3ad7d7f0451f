import type { TTx } from '../../db/client';
import type { TSignal, TSignalWrite } from '../signals/signal-types';
import { enqueueNotification } from './enqueue-notification';
import { incidentFacts } from './notify-incident';

/** What an applied signal tells the room's channels, in the transaction that applied it: a probe's transition, a capacity warning. */
export async function notifySignal(tx: TTx, sig: TSignal, w: TSignalWrite): Promise<void> {
  if (sig.kind === 'probe') await notifyProbe(tx, sig, w);
  if (sig.kind === 'capacity') await notifyCapacity(tx, sig, w);
}

/** probe.down / probe.up, in the transaction that recorded the transition (a redelivered one is ignored, so told once). */
async function notifyProbe(tx: TTx, sig: TSignal, w: TSignalWrite): Promise<void> {
  if (w.action === 'ignored') return;
  const down = sig.status === 'firing';
  const event = down ? 'probe.down' : 'probe.up';
  const at = (sig.at ?? new Date()).getTime();
  await enqueueNotification(tx, {
    roomId: sig.roomId,
    event,
    dedupKey: `${event}:${sig.dedupKey}:${at}`,
    severity: sig.severity,
    facts: async () => ({
      probe: { name: sig.name, url: sig.url ?? '', error: down ? (sig.description ?? null) : null },
      ...(w.incident ? { incident: await incidentFacts(tx, w.incident.id) } : {}),
    }),
  });
}

/**
 * capacity.warning, in the transaction that opened (or reopened) the capacity
 * incident: a warning still firing is ignored by the signal path, so told once
 * per episode; recovery is told by the incident's own status events.
 */
async function notifyCapacity(tx: TTx, sig: TSignal & { kind: 'capacity' }, w: TSignalWrite): Promise<void> {
  if (sig.status !== 'firing' || !w.incident || (w.action !== 'opened' && w.action !== 'updated')) return;
  const incidentId = w.incident.id;
  await enqueueNotification(tx, {
    roomId: sig.roomId,
    event: 'capacity.warning',
    dedupKey: `capacity.warning:${sig.dedupKey}:${incidentId}:${(sig.at ?? new Date()).getTime()}`,
    severity: sig.severity,
    facts: async () => ({
      incident: await incidentFacts(tx, incidentId),
      ...(sig.forecast ? { capacity: sig.forecast } : { text: sig.impact?.text ?? sig.title }),
    }),
  });
}
