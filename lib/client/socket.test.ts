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
  it('joins a room once per connection, however many ask; a drop forgets the join', async () => {
    const { socket, sent, drop } = fakeSocket();
    const a = joinRoom(socket, 'launch');
    const b = joinRoom(socket, 'launch');
    expect(sent.map((c) => [c.event, c.payload])).toEqual([['room:join', { room: 'launch' }]]);
    sent[0]!.answer(snapshot(1));
    expect(await a).toEqual(snap(1));
    expect(await b).toEqual(snap(1));
    joinRoom(socket, undefined);
    expect(sent[1]!.payload).toEqual({});
    drop();
    joinRoom(socket, 'launch');
    expect(sent).toHaveLength(3);
  });

  it('fresh sends a new join, and later askers share its snapshot', async () => {
    const { socket, sent } = fakeSocket();
    const first = joinRoom(socket, 'launch');
    sent[0]!.answer(snapshot(1));
    await first;
    const fresh = joinRoom(socket, 'launch', { fresh: true });
    expect(sent).toHaveLength(2);
    const later = joinRoom(socket, 'launch');
    expect(sent).toHaveLength(2);
    sent[1]!.answer(snapshot(2));
    expect(await fresh).toEqual(snap(2));
    expect(await later).toEqual(snap(2));
  });

  it('a refused join is not kept, and a failed older join does not forget a newer one', async () => {
    const { socket, sent } = fakeSocket();
    const refused = joinRoom(socket, 'nope');
    sent[0]!.answer({ ok: false, error: { code: 'not_found', message: 'no room' } });
    await expect(refused).rejects.toMatchObject({ code: 'not_found' });
    joinRoom(socket, 'nope');
    expect(sent).toHaveLength(2);

    const older = joinRoom(socket, 'launch');
    const newer = joinRoom(socket, 'launch', { fresh: true });
    sent[2]!.answer({ ok: false, error: { code: 'internal', message: 'x' } });
    await expect(older).rejects.toBeDefined();
    joinRoom(socket, 'launch');
    expect(sent).toHaveLength(4);
    sent[3]!.answer(snapshot(3));
    expect(await newer).toEqual(snap(3));
  });

  it('a default-room join counts for its slug once answered', async () => {
    const { socket, sent } = fakeSocket();
    const dflt = joinRoom(socket, undefined);
    expect(hasJoined(socket, 'launch')).toBe(false);
    sent[0]!.answer(snapshot(1, 'launch'));
    await dflt;
    expect(hasJoined(socket, 'launch')).toBe(true);
    expect(await joinRoom(socket, 'launch')).toEqual(snap(1));
    expect(sent).toHaveLength(1);
  });
});

describe('roomJoined', () => {
  it('shares a join sent in the same turn (a fresh one included) instead of sending its own', async () => {
    const { socket, sent } = fakeSocket();
    const joined = roomJoined(socket, 'launch');
    // the screen's own fresh join, sent after the query asked but in the same turn
    const own = joinRoom(socket, 'launch', { fresh: true });
    await new Promise((r) => setTimeout(r, 5));
    expect(sent).toHaveLength(1);
    sent[0]!.answer(snapshot(7));
    expect(await own).toEqual(snap(7));
    expect(await joined).toEqual(snap(7));
    expect(sent).toHaveLength(1);
  });

  it('waits for a default-room join under way and shares it for the slug it answers with', async () => {
    const { socket, sent } = fakeSocket();
    joinRoom(socket, undefined);
    let done = false;
    const joined = roomJoined(socket, 'launch').then((s) => {
      done = true;
      return s;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    sent[0]!.answer(snapshot(2, 'launch'));
    expect(await joined).toEqual(snap(2));
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
    expect(await joined).toEqual(snap(3));
  });
});
