import { EventEmitter } from 'node:events';
import type { TIncidentDto } from '../../lib/api/incidents';
import type { TIncidentEntryDto } from '../../lib/api/incident-timeline';
import type { THandoverDto } from '../../lib/api/night-report';
import type { TChannelProblem } from '../../lib/api/notifications';
import type { TSeriesChange } from '../db/sample-store';

/**
 * Domain events, published by services after their transaction commits.
 * server/realtime subscribes and fans them out; services never import io.
 * The bus is per process: with REDIS_URL set, fan-out crosses processes
 * through socket.io's Redis adapter, not through this bus.
 */
export interface TDomainEvents {
  /** points: how many the batch stored (for /metrics) */
  'metrics.ingested': { roomId: string; changes: TSeriesChange[]; at: number; points?: number };
  'room.changed': { roomId: string };
  /** another process announced room.changed (through Redis): drop what is cached of the room, push nothing */
  'room.changed.elsewhere': { roomId: string };
  /** an incident as it now is and the timeline entries this change appended (the fan-out reads no database) */
  'incident.changed': { roomId: string; incident: TIncidentDto; entries: TIncidentEntryDto[] };
  /** a server was drained from or restored to its room's pool */
  'servers.changed': { roomId: string; server: string; action: 'drain' | 'restore'; drained: string[] };
  /** a probe was added, changed, deleted or checked */
  'probe.changed': { roomId: string; probeId: string };
  /** an alert rule was added, changed or deleted: evaluators reload it */
  'rule.changed': { roomId: string; ruleId: string };
  /** another process announced rule.changed (through Redis) */
  'rule.changed.elsewhere': { roomId: string; ruleId: string };
  /** a shift handover was created or accepted, as it now is */
  'handover.changed': { roomId: string; handover: THandoverDto };
  /** a room's capacity model was set: the evaluator re-evaluates */
  'capacity.changed': { roomId: string };
  /** a room's capacity headroom was evaluated (screens refetch it) */
  'capacity.evaluated': { roomId: string };
  /** the room's failing notification channels changed (the health watcher compares each second) */
  'channels.health': { roomId: string; room: string; failing: TChannelProblem[]; serverTime: number };
  /** a planned curve was set */
  'plan.changed': { roomId: string; series: string };
  /** something customers see on the room's status page changed (components, public incidents, maintenances, settings) */
  'status.changed': { roomId: string };
  /** a credential, session or user lost its access: close their sockets */
  'access.revoked': { credentialId?: string; userId?: string; sessionToken?: string };
}

export interface TBus {
  emit<K extends keyof TDomainEvents>(event: K, payload: TDomainEvents[K]): void;
  on<K extends keyof TDomainEvents>(event: K, fn: (payload: TDomainEvents[K]) => void): () => void;
}

export function createBus(): TBus {
  const ee = new EventEmitter();
  ee.setMaxListeners(100);
  return {
    emit(event, payload) {
      ee.emit(event, payload);
    },
    on(event, fn) {
      ee.on(event, fn as (p: unknown) => void);
      return () => ee.off(event, fn as (p: unknown) => void);
    },
  };
}
