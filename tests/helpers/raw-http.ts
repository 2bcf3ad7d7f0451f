/**
 * One HTTP/1.1 request written byte for byte on a TCP socket, for request
 * shapes fetch() refuses to send (TRACE, CONNECT, odd methods, a POST with
 * no body and no Content-Length, undecodable percent-encoding).
 */
import { connect } from 'node:net';

export interface TRawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** the JSON body, or null when it is not JSON */
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON a route answered
  json: any;
}

export function rawRequest(port: number, head: string, opts: { body?: string; timeoutMs?: number } = {}): Promise<TRawAnswer> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`no answer in ${opts.timeoutMs ?? 10_000} ms to ${head.split('\r\n')[0]}`));
    }, opts.timeoutMs ?? 10_000);
    sock.on('connect', () => sock.write(`${head.replace(/\r?\n$/, '')}\r\nConnection: close\r\n\r\n${opts.body ?? ''}`));
    sock.on('data', (c) => chunks.push(c));
    sock.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    sock.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const lines = (split < 0 ? text : text.slice(0, split)).split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const l of lines.slice(1)) {
        const i = l.indexOf(':');
        if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      let body = split < 0 ? '' : text.slice(split + 4);
      if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = unchunk(body);
      // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON a route answered
      let json: any = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      resolve({ status, headers, body, json });
    });
  });
}

function unchunk(s: string): string {
  let out = '';
  let i = 0;
  for (let n = 0; n < 10_000; n++) {
    const eol = s.indexOf('\r\n', i);
    if (eol < 0) break;
    const size = parseInt(s.slice(i, eol), 16);
    if (!size) break;
    out += s.slice(eol + 2, eol + 2 + size);
    i = eol + 2 + size + 2;
  }
  return out;
}
