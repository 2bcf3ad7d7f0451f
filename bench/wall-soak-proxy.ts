import net from 'node:net';

/**
 * The network between the browser and the server, for bench/wall-soak.ts: a TCP proxy in the bench's
 * process that can be cut (every connection dropped, new ones refused) and restored.
 */
export function cuttableProxy(target: () => number) {
  const pairs = new Set<net.Socket>();
  let cut = false;
  const server = net.createServer((down) => {
    if (cut) return down.destroy();
    const up = net.connect(target(), '127.0.0.1');
    pairs.add(down).add(up);
    const close = () => {
      down.destroy();
      up.destroy();
      pairs.delete(down);
      pairs.delete(up);
    };
    down.on('error', close).on('close', close);
    up.on('error', close).on('close', close);
    down.pipe(up);
    up.pipe(down);
  });
  return {
    listen: () => new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as net.AddressInfo).port))),
    setCut(on: boolean) {
      cut = on;
      if (on) for (const s of pairs) s.destroy();
    },
    close: () => {
      for (const s of pairs) s.destroy();
      server.close();
    },
  };
}
