import { describe, expect, it } from 'vitest';
import type { TActor } from '../services/access/actor';
import { DisplayAuthCache } from './display-auth-cache';

const display: TActor = { kind: 'display', credentialId: 'c1', roomId: 'r1' };

describe('DisplayAuthCache', () => {
  it('asks once for a burst of handshakes with the same display link, and again after a revocation', async () => {
    const cache = new DisplayAuthCache(60_000);
    let loads = 0;
    const load = async () => {
      loads++;
      return display;
    };
    await Promise.all(Array.from({ length: 50 }, () => cache.get('wr_dsp_x', load)));
    expect(loads).toBe(1);
    cache.clear();
    await cache.get('wr_dsp_x', load);
    expect(loads).toBe(2);
  });

  it('keeps no answer but a display link: people and refusals are read fresh', async () => {
    const cache = new DisplayAuthCache(60_000);
    let loads = 0;
    const anon = async (): Promise<TActor> => {
      loads++;
      return { kind: 'anonymous' };
    };
    await cache.get('bad', anon);
    await cache.get('bad', anon);
    expect(loads).toBe(2);
  });
});
