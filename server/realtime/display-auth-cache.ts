import type { TActor } from '../services/access/actor';

/**
 * Handshakes of display links, shared for a moment: 10,000 walls on one
 * display link reconnecting after a restart ask the database once per
 * `ttlMs`, not 10,000 times. Only display-link answers are kept (people's
 * roles and tokens are always read fresh), and any revocation on the bus
 * empties the cache; a socket admitted from it just before a revocation
 * elsewhere is closed by that revocation's broadcast like every other.
 */
export class DisplayAuthCache {
  private entries = new Map<string, { at: number; actor: Promise<TActor> }>();

  constructor(private readonly ttlMs = 2000) {}

  get(token: string, load: () => Promise<TActor>): Promise<TActor> {
    const now = Date.now();
    const hit = this.entries.get(token);
    if (hit && now - hit.at < this.ttlMs) return hit.actor;
    const actor = load();
    if (this.entries.size > 1000) this.entries.clear();
    this.entries.set(token, { at: now, actor });
    actor.then(
      (a) => {
        if (a.kind !== 'display') this.entries.delete(token);
      },
      () => this.entries.delete(token),
    );
    return actor;
  }

  clear(): void {
    this.entries.clear();
  }
}
