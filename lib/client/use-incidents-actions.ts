'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCreateIncident } from '../api/incident-requests';
import type { TIncidentDto } from '../api/incidents';
import type { TIncidentEntryDto } from '../api/incident-timeline';
import type { TBodyOf } from '../api/contract';
import type { INCIDENTS } from '../api/incidents';
import { ApiError, api } from './api';
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

/** What an action answers, by its endpoint's response: the incident, or the timeline entry it appended. */
type TActionAnswer = { incident: TIncidentDto } | { entry: TIncidentEntryDto };

async function runAction(v: TIncidentActionVars): Promise<TActionAnswer> {
  const o = { idempotencyKey: v.idempotencyKey, params: { id: v.id } };
  const i = api.incidents;
  switch (v.action) {
    case 'decideFinding':
      return { incident: await i.decideFinding({ ...o, params: { id: v.id, findingId: v.findingId }, body: v.body }) };
    case 'editEntry':
      return { entry: await i.editEntry({ ...o, params: { id: v.id, entryId: v.entryId }, body: v.body }) };
    case 'ack':
      return { entry: await i.ack({ ...o, body: v.body ?? {} }) };
    case 'updates':
      return { entry: await i.updates({ ...o, body: v.body }) };
    case 'comments':
      return { entry: await i.comments({ ...o, body: v.body }) };
    case 'claim':
      return { incident: await i.claim({ ...o, body: v.body ?? {} }) };
    case 'release':
      return { incident: await i.release({ ...o, body: v.body ?? {} }) };
    case 'status':
      return { incident: await i.status({ ...o, body: v.body }) };
    case 'severity':
      return { incident: await i.severity({ ...o, body: v.body }) };
    case 'handover':
      return { incident: await i.handover({ ...o, body: v.body }) };
    case 'helpers':
      return { incident: await i.helpers({ ...o, body: v.body }) };
    case 'escalate':
      return { incident: await i.escalate({ ...o, body: v.body }) };
    case 'impact':
      return { incident: await i.impact({ ...o, body: v.body }) };
    case 'links':
      return { incident: await i.links({ ...o, body: v.body }) };
    case 'findings':
      return { incident: await i.addFinding({ ...o, body: v.body }) };
  }
}

// A stale_version refusal carries the current incident beside the error (CONTRACT: errors); errors are not typed by the table.
const isIncident = (x: unknown): x is TIncidentDto => typeof x === 'object' && x !== null && 'number' in x && 'version' in x;

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
      if ('incident' in data) applyIncidentChange(qc, room, [data.incident], []);
      else applyIncidentChange(qc, room, [], [data.entry]);
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
      api.incidents.create({ body: v.input, idempotencyKey: v.idempotencyKey }),
    onSuccess: (data, v) => applyIncidentChange(qc, v.input.room, [data], []),
  });
}
