import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import type { TServiceContext } from '../../context';
import { openDatabase, type TDatabase } from '../../db/client';
import { createBus, type TDomainEvents } from '../../events/bus';
import { isAppError } from '../../errors';
import type { TActor } from '../access/actor';
import { ensureDefaultRoom } from '../rooms/ensure-default-room';
import { changeSeverity } from './change-severity';
import { changeStatus } from './change-status';
import { claimIncident } from './claim-incident';
import { createIncident } from './create-incident';
import { addFinding } from './add-finding';
import { decideFinding } from './decide-finding';
import { getIncident } from './get-incident';
import { listEntriesAfter } from './list-entries-after';
import { postUpdate } from './post-update';
import { editEntry } from './edit-entry';

/** Services against a real (throwaway) SQLite database: the transactions are the point. */
let dir: string;
let db: TDatabase;
let ctx: TServiceContext;
const events: TDomainEvents['incident.changed'][] = [];
const people: TActor[] = [];

async function person(role: 'viewer' | 'engineer' | 'lead', name: string): Promise<TActor> {
  const u = await ctx.prisma.user.create({ data: { email: `${name}@unit.test`, name, role } });
  return { kind: 'user', userId: u.id, name, email: u.email, role, via: 'token' };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warroom-incidents-'));
  const url = `file:${join(dir, 'unit.db')}`;
  db = await openDatabase(url);
  ctx = { prisma: db.prisma, samples: db.samples, database: db, bus: createBus(), config: loadConfig({ DATABASE_URL: url }) };
  ctx.bus.on('incident.changed', (e) => events.push(e));
  await ensureDefaultRoom({ ctx });
  for (const n of ['ana', 'ben', 'cy', 'dee', 'eve']) people.push(await person('engineer', n));
});
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('incident services', () => {
  it('numbers incidents per room and announces each change after commit', async () => {
    const a = await createIncident({ ctx, actor: people[0]!, input: { title: 'one', severity: 'SEV3' } });
    const b = await createIncident({ ctx, actor: people[0]!, input: { title: 'two', severity: 'SEV1' } });
    expect(b.number).toBe(a.number + 1);
    // The event carries the incident as it now is and its new entry, so the fan-out reads nothing.
    expect(events.at(-1)).toMatchObject({ incident: { id: b.id, number: b.number }, entries: [{ kind: 'created', incidentId: b.id }] });
  });

  it('lets exactly one of five simultaneous claims win, naming the owner to the rest', async () => {
    for (let round = 0; round < 10; round++) {
      const inc = await createIncident({ ctx, actor: people[0]!, input: { title: `race ${round}`, severity: 'SEV2' } });
      const results = await Promise.allSettled(people.map((actor) => claimIncident({ ctx, actor, ref: inc.id })));
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const owner = (won[0] as PromiseFulfilledResult<{ owner: unknown }>).value.owner;
      for (const r of results) {
        if (r.status === 'rejected') {
          expect(isAppError(r.reason) && r.reason.code).toBe('already_claimed');
          expect((r.reason as { extra: { owner: unknown } }).extra.owner).toEqual(owner);
        }
      }
    }
  });

  it('refuses a stale version and leaves the incident as it was', async () => {
    const inc = await createIncident({ ctx, actor: people[1]!, input: { title: 'stale', severity: 'SEV3' } });
    const v2 = await changeSeverity({ ctx, actor: people[1]!, ref: inc.id, input: { severity: 'SEV2', version: inc.version } });
    const err = await changeStatus({ ctx, actor: people[2]!, ref: inc.id, input: { status: 'resolved', version: inc.version } }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(err) && err.code).toBe('stale_version');
    expect((err as { extra: { incident: { version: number } } }).extra.incident.version).toBe(v2.version);
    const now = await getIncident({ ctx, actor: people[1]!, ref: inc.id });
    expect(now.status).toBe('investigating');
    expect(now.timeline.map((e) => e.kind)).toEqual(['created', 'severity']);
  });

  it('writes nothing when a post with a stale status fails', async () => {
    const inc = await createIncident({ ctx, actor: people[1]!, input: { title: 'atomic', severity: 'SEV4' } });
    await changeSeverity({ ctx, actor: people[1]!, ref: inc.id, input: { severity: 'SEV3', version: 1 } });
    await expect(
      postUpdate({ ctx, actor: people[1]!, ref: inc.id, input: { body: 'done', status: 'resolved', version: 1 } }),
    ).rejects.toThrow();
    expect(await ctx.prisma.incidentEntry.count({ where: { incidentId: inc.id, kind: 'post' } })).toBe(0);
  });

  it('hands out one room sequence across incidents and serves what a screen missed', async () => {
    const room = await ctx.prisma.room.findFirstOrThrow({ where: { isDefault: true } });
    const cursor = room.eventSeq;
    const inc = await createIncident({ ctx, actor: people[3]!, input: { title: 'seq', severity: 'SEV3' } });
    await Promise.all([1, 2, 3].map((n) => postUpdate({ ctx, actor: people[3]!, ref: inc.id, input: { body: `p${n}` } })));
    const missed = await listEntriesAfter({ ctx, roomId: room.id, afterSeq: cursor });
    expect(missed.entries.map((e) => e.seq)).toEqual([cursor + 1, cursor + 2, cursor + 3, cursor + 4]);
    expect(missed.lastSeq).toBe(cursor + 4);
    expect(missed.incidents.map((i) => i.id)).toEqual([inc.id]);
  });

  it('records findings as decided with who and when, and edits without losing the old text', async () => {
    const inc = await createIncident({ ctx, actor: people[4]!, input: { title: 'findings', severity: 'SEV2' } });
    const withF = await addFinding({ ctx, actor: people[4]!, ref: inc.id, input: { text: 'code' } });
    const fid = withF.findings[0]!.id;
    const decided = await decideFinding({ ctx, actor: people[0]!, ref: inc.id, findingId: fid, input: { state: 'ruled_out' } });
    expect(decided.findings[0]).toMatchObject({ state: 'ruled_out', decidedBy: { name: 'ana' } });
    const post = await postUpdate({ ctx, actor: people[4]!, ref: inc.id, input: { body: 'first' } });
    await editEntry({ ctx, actor: people[4]!, ref: inc.id, entryId: post.id, input: { body: 'second' } });
    const d = await getIncident({ ctx, actor: people[4]!, ref: inc.id });
    expect(d.timeline.find((e) => e.id === post.id)).toMatchObject({ body: 'first', editedBy: expect.any(String) });
    await expect(editEntry({ ctx, actor: people[0]!, ref: inc.id, entryId: post.id, input: { body: 'mine now' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
