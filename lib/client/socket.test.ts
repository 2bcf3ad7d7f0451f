import { describe, expect, it } from 'vitest';
import { joinRoom, type TClientSocket } from './socket';

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

const snapshot = (n: number) => ({ ok: true, data: { n } });

describe('joinRoom', () => {
  it('joins a room once per connection, however many ask; a drop forgets the join', async () => {
    const { socket, sent, drop } = fakeSocket();
    const a = joinRoom(socket, 'launch');
    const b = joinRoom(socket, 'launch');
    expect(sent.map((c) => [c.event, c.payload])).toEqual([['room:join', { room: 'launch' }]]);
    sent[0]!.answer(snapshot(1));
    expect(await a).toEqual({ n: 1 });
    expect(await b).toEqual({ n: 1 });
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
    expect(await fresh).toEqual({ n: 2 });
    expect(await later).toEqual({ n: 2 });
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
    expect(await newer).toEqual({ n: 3 });
  });
});
