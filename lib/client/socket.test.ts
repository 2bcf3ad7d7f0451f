import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { hasJoined, joinRoom, roomJoined, type TClientSocket } from './socket';

/** A socket that records each command and answers it when told to. */
function fakeSocket() {
  const sent: { event: string; payload: unknown; answer: (r: unknown) => void }[] = [];
  const listeners = new Map<string, (() => void)[]>();
  const s = {
    on: (event: string, fn: () => void) => listeners.set(event, [...(listeners.get(event) ?? []), fn]),
    timeout: () => ({
      emit: (event: string, payload: unknown, cb: (err: Error | null, r: unknown) => void) =>
        sent.push({ event, payload, answer: (r) => cb(null, r) }),
    }),
  };
  const drop = () => {
    for (const fn of listeners.get('disconnect') ?? []) fn();
  };
  return { socket: s as unknown as TClientSocket, sent, drop };
}

const snapshot = (n: number, slug = 'launch') => ({ ok: true, data: { n, room: { slug } } });
const snap = (n: number, slug = 'launch') => snapshot(n, slug).data;

describe('joinRoom', () => {
  it('sends a join each time it is asked, answering each its snapshot; a drop forgets the joins', async () => {
    const { socket, sent, drop } = fakeSocket();
    const a = joinRoom(socket, 'launch');
    expect(hasJoined(socket, 'launch')).toBe(true);
    const b = joinRoom(socket, 'launch');
    expect(sent.map((c) => [c.event, c.payload])).toEqual([
      ['room:join', { room: 'launch' }],
      ['room:join', { room: 'launch' }],
    ]);
    sent[0]!.answer(snapshot(1));
    sent[1]!.answer(snapshot(2));
    expect(await a).toEqual(snap(1));
    expect(await b).toEqual(snap(2));
    joinRoom(socket, undefined);
    expect(sent[2]!.payload).toEqual({});
    drop();
    expect(hasJoined(socket, 'launch')).toBe(false);
  });

  it('a refused join is not kept, and a failed older join does not forget a newer one', async () => {
    const { socket, sent } = fakeSocket();
    const refused = joinRoom(socket, 'nope');
    sent[0]!.answer({ ok: false, error: { code: 'not_found', message: 'no room' } });
    await expect(refused).rejects.toMatchObject({ code: 'not_found' });
    expect(hasJoined(socket, 'nope')).toBe(false);

    const older = joinRoom(socket, 'launch');
    const newer = joinRoom(socket, 'launch');
    sent[1]!.answer({ ok: false, error: { code: 'internal', message: 'x' } });
    await expect(older).rejects.toBeDefined();
    expect(hasJoined(socket, 'launch')).toBe(true);
    sent[2]!.answer(snapshot(3));
    expect(await newer).toEqual(snap(3));
    await roomJoined(socket, 'launch');
    expect(sent).toHaveLength(3);
  });

  it('a default-room join counts for its slug once answered', async () => {
    const { socket, sent } = fakeSocket();
    const dflt = joinRoom(socket, undefined);
    expect(hasJoined(socket, 'launch')).toBe(false);
    sent[0]!.answer(snapshot(1, 'launch'));
    await dflt;
    await new Promise((r) => setTimeout(r, 0));
    expect(hasJoined(socket, 'launch')).toBe(true);
    await roomJoined(socket, 'launch');
    expect(sent).toHaveLength(1);
  });

  it('keeps nothing of the answer: the snapshot is collected once its asker let go (a day of history, not held twice)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const { socket, sent } = fakeSocket();
    let ref: WeakRef<object> | undefined;
    await (async () => {
      const p = joinRoom(socket, 'launch');
      sent[0]!.answer({ ok: true, data: { n: 1, room: { slug: 'launch' }, history: new Array(1000).fill([0, 0]) } });
      // socket.io lets go of an ack's callback once called (its promise with it); this fake's list must too.
      sent.splice(0);
      ref = new WeakRef(await p);
    })();
    expect(hasJoined(socket, 'launch')).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    gc();
    expect(ref!.deref()).toBeUndefined();
  });
});

describe('roomJoined', () => {
  it('shares a join sent in the same turn instead of sending its own', async () => {
    const { socket, sent } = fakeSocket();
    const joined = roomJoined(socket, 'launch');
    // the screen's own join, sent after the query asked but in the same turn
    const own = joinRoom(socket, 'launch');
    await new Promise((r) => setTimeout(r, 5));
    expect(sent).toHaveLength(1);
    sent[0]!.answer(snapshot(7));
    expect(await own).toEqual(snap(7));
    await joined;
    expect(sent).toHaveLength(1);
  });

  it('joins once however many ask', async () => {
    const { socket, sent } = fakeSocket();
    const a = roomJoined(socket, 'launch');
    const b = roomJoined(socket, 'launch');
    await new Promise((r) => setTimeout(r, 5));
    expect(sent).toHaveLength(1);
    sent[0]!.answer(snapshot(1));
    await Promise.all([a, b]);
    await roomJoined(socket, 'launch');
    expect(sent).toHaveLength(1);
  });

  it('waits for a default-room join under way and shares it for the slug it answers with', async () => {
    const { socket, sent } = fakeSocket();
    joinRoom(socket, undefined);
    let done = false;
    const joined = roomJoined(socket, 'launch').then(() => {
      done = true;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    sent[0]!.answer(snapshot(2, 'launch'));
    await joined;
    expect(done).toBe(true);
    expect(sent).toHaveLength(1);
  });

  it('joins a room nobody joined, after the joins under way settle (a refused one too)', async () => {
    const { socket, sent } = fakeSocket();
    const other = joinRoom(socket, 'other');
    const joined = roomJoined(socket, 'launch');
    await new Promise((r) => setTimeout(r, 5));
    expect(sent).toHaveLength(1);
    sent[0]!.answer({ ok: false, error: { code: 'forbidden', message: 'no' } });
    await expect(other).rejects.toMatchObject({ code: 'forbidden' });
    await new Promise((r) => setTimeout(r, 5));
    expect(sent.map((c) => c.payload)).toEqual([{ room: 'other' }, { room: 'launch' }]);
    sent[1]!.answer(snapshot(3));
    await joined;
    expect(hasJoined(socket, 'launch')).toBe(true);
  });
});
