import type { TRoomSnapshot } from '../../lib/events';
import type { TRoomRow } from '../services/rooms/resolve-room';

/** A room's join snapshot, and its JSON minus `serverTime` (each join puts its own clock in front). */
export interface TCachedSnapshot {
  room: TRoomRow;
  snapshot: TRoomSnapshot;
  /** JSON.stringify of the snapshot without serverTime, without its opening brace */
  restJson: string;
}

interface TEntry {
  gen: number;
  at: number;
  value: Promise<TCachedSnapshot>;
}

/**
 * One join snapshot per room, shared by every screen joining in the same
 * instant: 10,000 walls returning after a restart cost one database read per
 * room per `ttlMs`, not one each. An entry is dropped when the room's data
 * changes (a metrics ingest, a room change, here or on another process) and
 * after `ttlMs` at most. Each room has a generation that every drop bumps, so
 * a join can tell whether the snapshot it got predates a change it may have
 * missed (see server/realtime/rooms.handlers.ts).
 */
export class SnapshotCache {
  private entries = new Map<string, TEntry>();
  private gens = new Map<string, number>();
  /** which room id each lookup key (slug, display room, default) resolved to */
  private keyRoom = new Map<string, string>();

  constructor(private readonly ttlMs = 1000) {}

  generation(roomId: string): number {
    return this.gens.get(roomId) ?? 0;
  }

  /** The cached snapshot for `key`, or a build shared with every concurrent caller. */
  get(key: string, build: () => Promise<TCachedSnapshot>): { gen: number; value: Promise<TCachedSnapshot> } {
    const now = Date.now();
    const hit = this.entries.get(key);
    const roomId = this.keyRoom.get(key);
    if (hit && now - hit.at < this.ttlMs && roomId !== undefined && hit.gen === this.generation(roomId)) return hit;
    if (hit && roomId === undefined && now - hit.at < this.ttlMs) return hit; // first build still resolving its room
    const gen = roomId === undefined ? 0 : this.generation(roomId);
    const value = build().then((r) => {
      this.keyRoom.set(key, r.room.id);
      return r;
    });
    const entry: TEntry = { gen, at: now, value };
    this.entries.set(key, entry);
    // A failed build is not cached: the next join tries again.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry;
  }

  invalidate(roomId: string): void {
    this.gens.set(roomId, this.generation(roomId) + 1);
    for (const [key, id] of this.keyRoom) if (id === roomId) this.entries.delete(key);
  }
}
