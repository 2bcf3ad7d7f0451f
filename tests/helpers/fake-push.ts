// A push service on this machine, as a browser's would be (FCM, Mozilla's autopush, Apple's):
// it takes the encrypted POST to a subscription's endpoint and answers as those do — 201 when
// accepted, 410 Gone for a subscription the browser dropped (any endpoint under /gone/).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TPushReceived {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface TFakePush {
  url: string;
  received: TPushReceived[];
  close(): Promise<void>;
}

export async function startFakePush(): Promise<TFakePush> {
  const received: TPushReceived[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = req.url?.startsWith('/gone/') ? 410 : 201;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
