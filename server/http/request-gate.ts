import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { allowedMethods, discoverApiRoutes, HTTP_METHODS, matchApiRoute, type TApiRoute } from './api-routes';

const KNOWN = new Set<string>(HTTP_METHODS);
const ALL_ALLOW = HTTP_METHODS.join(', ');

function errorJson(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

function answer(res: ServerResponse, status: number, body: string, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(body),
    ...extra,
  });
  res.end(body);
}

const isApi = (path: string) => path === '/api/v1' || path.startsWith('/api/v1/');

/** A refusal in the API's JSON error shape on /api/v1, in plain words on pages. */
function refuse(res: ServerResponse, path: string, status: number, code: string, message: string): void {
  if (isApi(path)) answer(res, status, errorJson(code, message), 'application/json; charset=utf-8');
  else answer(res, status, `${message}\n`, 'text/plain; charset=utf-8');
}

/**
 * The longest request target served (nginx's default line buffer): no route
 * needs more, and an answer that repeats a longer URL (Next's trailing-slash
 * redirect sends it in Location and Refresh) overflows clients' 16 KiB header limit.
 */
const MAX_URL_BYTES = 8192;

/**
 * The one place that answers request shapes Next would turn into a 500 or an
 * HTML page, before Next sees them: methods no route can have (TRACE, WebDAV
 * verbs …) → 405 with Allow; a URL over MAX_URL_BYTES → 414 and a path that
 * is not valid percent-encoding → 400 (JSON on /api/v1, plain on pages);
 * and on /api/v1, a path no route file serves → 404 and a method the route
 * does not export → 405, both in the API's JSON error shape. Returns true
 * when it answered.
 */
export function createRequestGate(routes: TApiRoute[] = discoverApiRoutes()) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const method = (req.method ?? 'GET').toUpperCase();
    const rawPath = (req.url ?? '/').split('?')[0]!;
    if (!KNOWN.has(method)) {
      answer(res, 405, errorJson('method_not_allowed', `${method} is not supported`), 'application/json; charset=utf-8', {
        allow: ALL_ALLOW,
      });
      return true;
    }
    if ((req.url ?? '').length > MAX_URL_BYTES) {
      refuse(res, rawPath, 414, 'uri_too_long', `the URL is over ${MAX_URL_BYTES} bytes`);
      return true;
    }
    if (!rawPath.startsWith('/')) return false;
    // Dot segments resolved the way a URL parser (and Next) resolves them, then each segment decoded.
    const path = new URL(`http://gate${rawPath}`).pathname;
    let segments: string[];
    try {
      segments = path.split('/').map(decodeURIComponent);
    } catch {
      refuse(res, path, 400, 'bad_request', 'the path is not valid percent-encoding');
      return true;
    }
    if (!isApi(path) || routes.length === 0) return false;
    const route = matchApiRoute(routes, segments);
    if (!route) {
      answer(res, 404, errorJson('not_found', `no API route at ${path.slice(0, 200)}`), 'application/json; charset=utf-8');
      return true;
    }
    const allow = allowedMethods(route);
    if (!allow.includes(method)) {
      answer(
        res,
        405,
        errorJson('method_not_allowed', `${method} is not allowed here; allowed: ${allow.join(', ')}`),
        'application/json; charset=utf-8',
        { allow: allow.join(', ') },
      );
      return true;
    }
    return false;
  };
}

/** CONNECT asks for a tunnel, which this server never opens: 405 and close. */
export function refuseConnect(_req: IncomingMessage, socket: Duplex): void {
  const body = errorJson('method_not_allowed', 'CONNECT is not supported');
  socket.end(
    `HTTP/1.1 405 Method Not Allowed\r\nallow: ${ALL_ALLOW}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * Requests Node's parser refuses (headers over 16 KiB, malformed request
 * lines) get the error shape too: 431 or 400, then the connection closes.
 * A HEAD gets the head alone: a body after it reads as a broken answer.
 */
export function answerClientError(err: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex): void {
  // As Node's own handler: never a second answer on a connection that has one under way.
  const current = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const body = errorJson('bad_request', tooLarge ? 'request headers (or the URL) are too large' : 'malformed HTTP request');
  const head = err.rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
  socket.end(
    `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${head ? '' : body}`,
  );
}
