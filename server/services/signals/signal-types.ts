import type { z } from 'zod';
import type { SIGNAL_NOTES } from '../../../lib/api/incident-timeline';
import type { TSignalAction } from '../../../lib/api/signals';
import type { TSeverity } from '../../../lib/incidents';
import type { TNotifyFacts } from '../notify/enqueue-notification';

/** What a signal is and what applying one wrote: shared by the signal path (apply-signal.ts) and what it tells (notify-signal.ts). */

type TSignalNotes = { [K in keyof typeof SIGNAL_NOTES]: z.input<(typeof SIGNAL_NOTES)[K]> };

/** One observation of a signal: it fires, or it has recovered; its kind says what its notes carry (noteData). */
export type TSignal = TSignalCommon &
  (
    | { kind: 'probe'; noteData: TSignalNotes['probe'] }
    | { kind: 'rule'; noteData: TSignalNotes['rule'] }
    | { kind: 'alertmanager'; noteData: TSignalNotes['alertmanager'] }
    | { kind: 'webhook'; noteData?: never }
    | { kind: 'capacity'; noteData: TSignalNotes['capacity']; forecast?: TNotifyFacts['capacity'] }
  );

interface TSignalCommon {
  roomId: string;
  dedupKey: string;
  /** short name shown as the source ("api-health", "Partner data dirty") */
  name: string;
  /** the incident's title when one is opened */
  title: string;
  severity: TSeverity;
  status: 'firing' | 'recovered';
  description?: string | null;
  url?: string | null;
  impact?: { text: string; value: number | null; unit: string | null } | null;
  /** the note written on the timeline for this observation (default: a sentence from kind and status) */
  note?: string;
  /** when it was observed (default now): rules pass the point's time */
  at?: Date;
}

export interface TSignalOutcome {
  incident: { id: string; number: number } | null;
  action: TSignalAction;
}

/** What one applied signal wrote, for the event after commit. */
export interface TSignalWrite extends TSignalOutcome {
  roomId: string;
  entryIds: string[];
}
