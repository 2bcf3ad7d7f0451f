import { describe, expect, it } from 'vitest';
import { SOCKET_COMMANDS, SOCKET_NAMES, SOCKET_PUSHES } from './socket';

describe('the socket table', () => {
  it('declares each command and push name once (a second one would shadow the first)', () => {
    expect(new Set(SOCKET_NAMES).size).toBe(SOCKET_NAMES.length);
    expect(Object.keys(SOCKET_COMMANDS).length + Object.keys(SOCKET_PUSHES).length).toBe(SOCKET_NAMES.length);
  });

  it('names commands and pushes domain:action', () => {
    for (const name of SOCKET_NAMES) expect(name).toMatch(/^[a-z]+:[a-z-]+$/);
  });

  it("types incident:post's status by the status enum", () => {
    const post = SOCKET_COMMANDS['incident:post'].payload;
    expect(post.safeParse({ id: 'x', body: 'b', status: 'identified' }).success).toBe(true);
    expect(post.safeParse({ id: 'x', body: 'b', status: 'fixed' }).success).toBe(false);
  });
});
