import type { TServiceContext } from '../../context';
import { changeIncident } from './change-incident';
import type { TIncidentDto } from '../../../lib/api/incidents';
import type { TStatus } from '../../../lib/incidents';
import type { TActor } from '../access/actor';
import type { TIncidentRow } from './find-incident';
import type { TAppend } from './incident-tx';
import type { TTx } from '../../db/client';
import { updateIfVersion } from './versioned-update';

/**
 * The status part of a change, inside the caller's transaction: checks the
 * version (when one is given), stamps resolvedAt, and appends a status entry
 * recording from → to. Reopening is a change from resolved to any other status.
 */
export async function applyStatus(
  tx: TTx,
  append: (e: TAppend) => Promise<string>,
  row: TIncidentRow,
  to: TStatus,
  version: number | undefined,
  body?: string | null,
): Promise<void> {
  const current = await tx.incident.findUniqueOrThrow({ where: { id: row.id }, select: { status: true, version: true } });
  // Already there: nothing to record (a repeated click is not a conflict).
  if (current.status === to) return;
  const data = { status: to, resolvedAt: to === 'resolved' ? new Date() : null };
  await updateIfVersion(tx, row.id, version ?? current.version, data);
  await append({
    kind: 'status',
    body: body || null,
    data: { from: current.status as TStatus, to, reopened: current.status === 'resolved' && to !== 'resolved' },
  });
}

/** Changes status (investigating → identified → monitoring → resolved, or back: reopen) at the version the caller saw. */
export async function changeStatus(opts: {
  ctx: TServiceContext;
  actor: TActor;
  ref: string;
  room?: string;
  input: { status: TStatus; version: number; body?: string };
}): Promise<TIncidentDto> {
  const { input } = opts;
  return changeIncident({
    ...opts,
    fn: (tx, append, row) => applyStatus(tx, append, row, input.status, input.version, input.body),
  });
}
