/**
 * The floor bench/screens.ts compares with: a bare `ws` server in its own
 * process that, on POST /push, sends the request's bytes (the same socket.io
 * frame the real server sends) to every connected client — encoded once, one
 * send per client — and answers when the loop is done.
 */
import { createServer } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const frame = Buffer.concat(chunks);
    for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(frame, { binary: false });
    res.end('ok');
  });
});
const wss = new WebSocketServer({ server, perMessageDeflate: false, maxPayload: 64 * 1024 });
server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  process.send?.({ ev: 'listening', port: typeof a === 'object' && a ? a.port : 0 });
});
process.on('disconnect', () => process.exit(0));
