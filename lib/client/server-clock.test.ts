import { describe, expect, it } from 'vitest';
import { createServerClock } from './use-server-now';

describe('the server clock a tab keeps', () => {
  it('a reading that arrived late does not set the clock back; a later one that runs ahead moves it at once', () => {
    const c = createServerClock(10_000);
    // local 1,000: the server said 5,000 (offset 4,000)
    c.note(5_000, 1_000);
    expect(c.now(1_500)).toBe(5_500);
    // a snapshot stamped 5,600 that took 400 ms more to arrive (offset 3,600): a lower bound, outranked
    c.note(5_600, 2_000);
    expect(c.now(2_000)).toBe(6_000);
    // a tick that came quicker than the first (offset 4,100) moves the clock forward at once
    c.note(6_200, 2_100);
    expect(c.now(2_100)).toBe(6_200);
  });

  it('follows a server clock set back once the higher readings are older than the window', () => {
    const c = createServerClock(10_000);
    c.note(100_000, 0);
    // the server's clock was set back by 60 s (another process, a correction): readings say offset 40,000
    for (let t = 1_000; t <= 9_000; t += 1_000) c.note(40_000 + t, t);
    expect(c.now(9_000)).toBe(109_000);
    c.note(40_000 + 10_500, 10_500);
    expect(c.now(10_500)).toBe(50_500);
    expect(c.now(11_000)).toBe(51_000);
  });

  it('reads zero offset before any reading', () => {
    expect(createServerClock().now(1_234)).toBe(1_234);
  });
});
