'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCreateIncident } from '../schemas/incidents';
import type { TIncidentDto, TIncidentEntryDto } from '../incidents';
import { ApiError, apiFetch } from './use-incidents-api';
import { applyIncidentChange } from './use-incidents';

/** A fresh Idempotency-Key for one user action; a retry of that action reuses it. */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export interface TIncidentActionVars {
  /** incident id (numbers need the room) */
  id: string;
  /** the action path after /api/v1/incidents/:id/, e.g. "claim", "findings/abc" */
  action: string;
  body?: unknown;
  method?: 'POST' | 'PATCH';
  idempotencyKey?: string;
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
    mutationFn: (v: TIncidentActionVars) =>
      apiFetch<TIncidentDto | TIncidentEntryDto>(`/api/v1/incidents/${encodeURIComponent(v.id)}/${v.action}`, {
        method: v.method ?? 'POST',
        body: v.body ?? {},
        idempotencyKey: v.idempotencyKey,
      }),
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
      apiFetch<TIncidentDto>('/api/v1/incidents', { method: 'POST', body: v.input, idempotencyKey: v.idempotencyKey }),
    onSuccess: (data, v) => applyIncidentChange(qc, v.input.room, [data], []),
  });
}
