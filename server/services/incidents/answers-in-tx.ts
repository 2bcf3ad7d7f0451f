import type { TAnswerInTx } from '../idempotency/commit-answer';
import { loadIncidentDto, toEntryDtos } from './incident-dto';

/**
 * The answers of keyed incident writes, built inside the write's own
 * transaction so they commit with it (Idempotency-Key after a crash).
 * They match what the services answer after commit.
 */
export const ANSWER_IN_TX = {
  /** the entry the transaction appended (its function returned the entry id) */
  entry: (async (tx, ref) =>
    toEntryDtos([await tx.incidentEntry.findUniqueOrThrow({ where: { id: String(ref.result) } })])[0]) satisfies TAnswerInTx,
  /** the incident as it now stands */
  incident: (async (tx, ref) => loadIncidentDto(tx, ref.incidentId)) satisfies TAnswerInTx,
};
export type TAnswerKind = keyof typeof ANSWER_IN_TX;
