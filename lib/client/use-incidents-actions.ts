'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCreateIncident } from '../api/incident-requests';
import type { TIncidentDto } from '../api/incidents';
import type { TIncidentEntryDto } from '../api/incident-timeline';
import type { TBodyOf } from '../api/contract';
import type { INCIDENTS } from '../api/incidents';
import { ApiError, call } from './api';
import { applyIncidentChange } from './use-incidents';

/** A fresh Idempotency-Key for one user action; a retry of that action reuses it. */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The incident actions a screen can take, by their contract in lib/api/incidents.ts. */
type TActions = {
  claim: typeof INCIDENTS.claim;
  release: typeof INCIDENTS.release;
  ack: typeof INCIDENTS.ack;
  updates: typeof INCIDENTS.updates;
  comments: typeof INCIDENTS.comments;
  status: typeof INCIDENTS.status;
  severity: typeof INCIDENTS.severity;
  handover: typeof INCIDENTS.handover;
  helpers: typeof INCIDENTS.helpers;
  escalate: typeof INCIDENTS.escalate;
  impact: typeof INCIDENTS.impact;
  links: typeof INCIDENTS.links;
  findings: typeof INCIDENTS.addFinding;
};

/** One incident action: which, on which incident (id; numbers need the room), with its typed body. */
export type TIncidentActionVars =
  | {
      [K in keyof TActions]: { id: string; action: K; idempotencyKey?: string } & (Record<string, never> extends TBodyOf<TActions[K]>
        ? { body?: TBodyOf<TActions[K]> }
        : { body: TBodyOf<TActions[K]> });
    }[keyof TActions]
  | { id: string; action: 'decideFinding'; findingId: string; body: TBodyOf<typeof INCIDENTS.decideFinding>; idempotencyKey?: string }
  | { id: string; action: 'editEntry'; entryId: string; body: TBodyOf<typeof INCIDENTS.editEntry>; idempotencyKey?: string };

type TActionAnswer = TIncidentDto | TIncidentEntryDto;

function runAction(v: TIncidentActionVars): Promise<TActionAnswer> {
  const o = { idempotencyKey: v.idempotencyKey };
  switch (v.action) {
    case 'decideFinding':
      return call<typeof INCIDENTS.decideFinding>('POST', '/api/v1/incidents/{id}/findings/{findingId}', {
        ...o,
        params: { id: v.id, findingId: v.findingId },
        body: v.body,
      });
    case 'editEntry':
      return call<typeof INCIDENTS.editEntry>('PATCH', '/api/v1/incidents/{id}/entries/{entryId}', {
        ...o,
        params: { id: v.id, entryId: v.entryId },
        body: v.body,
      });
    default: {
      // Every other action is POST /api/v1/incidents/{id}/<action>; the union above types its body.
      const path = `/api/v1/incidents/{id}/${v.action}` as TActions[typeof v.action]['path'];
      return call<TActions[typeof v.action]>('POST', path, {
        ...o,
        params: { id: v.id },
        body: (v.body ?? {}) as never,
      }) as Promise<TActionAnswer>;
    }
  }
}

const isIncident = (x: unknown): x is TIncidentDto => typeof x === 'object' && x !== null && 'number' in x && 'version' in x;
const isEntry = (x: unknown): x is TIncidentEntryDto => typeof x === 'object' && x !== null && 'seq' in x && 'kind' in x;

/**
 * Any incident action over HTTP. The answer is applied to the caches at once
 * (the socket push that follows is deduplicated); a stale_version answer
 * carries the current incident, which replaces the stale one on screen.
 */
export function useIncidentActionMutation(room?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: runAction,
    onSuccess: (data) => {
      if (isIncident(data)) applyIncidentChange(qc, room, [data], []);
      else if (isEntry(data)) applyIncidentChange(qc, room, [], [data]);
    },
    onError: (err) => {
      if (err instanceof ApiError && isIncident(err.extra.incident)) applyIncidentChange(qc, room, [err.extra.incident], []);
    },
  });
}

/** Opens an incident (Idempotency-Key per submission) and adds it to the cached lists. */
export function useCreateIncidentMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { input: TCreateIncident; idempotencyKey: string }) =>
      call<typeof INCIDENTS.create>('POST', '/api/v1/incidents', { body: v.input, idempotencyKey: v.idempotencyKey }),
    onSuccess: (data, v) => applyIncidentChange(qc, v.input.room, [data], []),
  });
}
