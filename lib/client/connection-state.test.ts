import { describe, expect, it } from 'vitest';
import {
  accessProblem,
  connectionOnceRead,
  INITIAL_CONNECTION,
  nextConnection,
  type TConnectionEvent,
  type TConnectionState,
} from './connection-state';
import { ApiError } from './api';

const run = (...events: TConnectionEvent[]): TConnectionState => events.reduce(nextConnection, INITIAL_CONNECTION);

describe('connection state', () => {
  it('connects, drops to reconnecting with the offline clock, and says offline only when the clock runs out', () => {
    expect(run()).toMatchObject({ connection: 'connecting', clock: false });
    expect(run({ type: 'connect' })).toMatchObject({ connection: 'live', hadRoom: true });
    const dropped = run({ type: 'connect' }, { type: 'disconnect' });
    expect(dropped).toMatchObject({ connection: 'reconnecting', clock: true, hadRoom: true });
    expect(nextConnection(dropped, { type: 'offline' }).connection).toBe('offline');
  });

  it('failed retries neither restart the clock nor flip offline back to reconnecting', () => {
    const offline = run({ type: 'connect' }, { type: 'disconnect' }, { type: 'offline' });
    const retried = nextConnection(offline, { type: 'connect_error', problem: null });
    expect(retried).toBe(offline);
    const reconnecting = run({ type: 'connect' }, { type: 'disconnect' });
    expect(nextConnection(reconnecting, { type: 'connect_error', problem: null })).toBe(reconnecting);
  });

  it('a connect stops the clock, and a late offline tick changes nothing', () => {
    const back = run({ type: 'connect' }, { type: 'disconnect' }, { type: 'connect' });
    expect(back).toMatchObject({ connection: 'live', clock: false, hadRoom: true });
    expect(nextConnection(back, { type: 'offline' })).toBe(back);
  });

  it('a refused first handshake is not an ended access (the query says why); a refused reconnect is', () => {
    const first = run({ type: 'connect_error', problem: 'badKey' });
    expect(first).toMatchObject({ ended: null, connection: 'reconnecting' });
    const away = run({ type: 'connect' }, { type: 'disconnect' }, { type: 'connect_error', problem: 'badKey' });
    expect(away).toMatchObject({ ended: 'revoked', clock: false });
    expect(run({ type: 'connect' }, { type: 'disconnect' }, { type: 'connect_error', problem: 'signin' }).ended).toBe('signin');
  });

  it('a key that never connected is wrong, not revoked, however its first connection failed before the refusal', () => {
    // The socket library came late (the screen counted it a failed connection), or the server was down
    // at first: the refusal that follows is still the key never working here, which the room's read says.
    const late = run({ type: 'connect_error', problem: null }, { type: 'offline' }, { type: 'connect_error', problem: 'badKey' });
    expect(late).toMatchObject({ ended: null, hadRoom: false, connection: 'offline' });
    const signin = run({ type: 'connect_error', problem: null }, { type: 'connect_error', problem: 'signin' });
    expect(signin).toMatchObject({ ended: null, connection: 'reconnecting' });
    // A screen that came with the room (the phone's numbers are in its HTML) had it: its first refusal ends access.
    const shown = { ...INITIAL_CONNECTION, hadRoom: true };
    expect(nextConnection(shown, { type: 'connect_error', problem: 'signin' }).ended).toBe('signin');
  });

  it('a revoked push ends access: revoked for a display key, sign in for a session', () => {
    expect(run({ type: 'connect' }, { type: 'revoked', hasKey: true }).ended).toBe('revoked');
    expect(run({ type: 'connect' }, { type: 'revoked', hasKey: false }).ended).toBe('signin');
  });
});

describe('connectionOnceRead', () => {
  it('says live only once the data was read on this connection; before, connecting on the first, reconnecting after a drop', () => {
    // read before this connection (at 100, connected at 200)
    expect(connectionOnceRead('live', 100, 200, true)).toBe('reconnecting');
    expect(connectionOnceRead('live', 100, 200, false)).toBe('connecting');
    // read on it (or at the same millisecond)
    expect(connectionOnceRead('live', 200, 200, true)).toBe('live');
    expect(connectionOnceRead('live', 250, 200, true)).toBe('live');
    // nothing on screen yet
    expect(connectionOnceRead('live', null, 200, true)).toBe('live');
    // a socket that is not live says what it says
    for (const c of ['connecting', 'reconnecting', 'offline'] as const) expect(connectionOnceRead(c, 100, 200, true)).toBe(c);
  });
});

describe('accessProblem', () => {
  it('reads ack codes and refused handshakes; anything else is retryable', () => {
    expect(accessProblem(new ApiError(0, 'not_found', 'no room'), false)).toBe('unknownRoom');
    expect(accessProblem(new ApiError(0, 'forbidden', 'no'), true)).toBe('forbidden');
    expect(accessProblem(new Error('unauthorized: key revoked'), true)).toBe('badKey');
    expect(accessProblem(new Error('unauthorized'), false)).toBe('signin');
    expect(accessProblem(new Error('forbidden: origin'), false)).toBe('forbidden');
    expect(accessProblem(new Error('websocket error'), false)).toBeNull();
    expect(accessProblem('nope', false)).toBeNull();
  });
});
