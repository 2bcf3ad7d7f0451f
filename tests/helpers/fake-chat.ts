import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local stand-ins for the chat vendors (Feishu, DingTalk, WeCom, Slack) and a
 * generic webhook receiver, on 127.0.0.1. Each checks exactly what its vendor
 * checks — Feishu's and DingTalk's signatures (the two differ in key and
 * message), WeCom's key and 4096-byte markdown, the webhook's
 * X-Warroom-Signature — and answers in the vendor's own shapes, errors inside
 * HTTP 200 included. Tests and the demo read `messages` to see what arrived.
 *
 * Paths: /feishu/open-apis/bot/v2/hook/<token>, /dingtalk/robot/send?access_token=…,
 * /wecom/cgi-bin/webhook/send?key=…, /slack/services/<id>, /webhook/<id>.
 */
export interface TFakeMessage {
  vendor: 'feishu' | 'dingtalk' | 'wecom' | 'slack' | 'webhook';
  path: string;
  at: number;
  /** the message's text as the vendor would show it */
  text: string;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface TFakeChat {
  url: string;
  /** accepted messages, in arrival order */
  messages: TFakeMessage[];
  /** refused attempts, with the vendor's answer */
  refused: { vendor: string; at: number; answer: unknown; status: number }[];
  /** the secret each signed vendor checks (by vendor) */
  secrets: { feishu: string; dingtalk: string; webhook: string; wecomKey: string };
  /** the next N requests to a vendor get this answer instead (a 5xx, a rate-limit code, a removed bot) */
  failNext(vendor: TFakeMessage['vendor'], n: number, answer: { status: number; body: unknown; headers?: Record<string, string> }): void;
  /** the vendor answers each request after this long */
  delay: { ms: number };
  /** DingTalk's own limit: over this many a minute it answers 130101 */
  dingtalkPerMinute: number;
  close(): Promise<void>;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startFakeChat(
  secrets: Partial<TFakeChat['secrets']> = {},
  opts: { log?: (m: TFakeMessage) => void } = {},
): Promise<TFakeChat> {
  const s = { feishu: 'feishu-secret', dingtalk: 'SECdingtalk-secret', webhook: 'webhook-secret', wecomKey: 'wecom-key', ...secrets };
  const messages: TFakeMessage[] = [];
  const refused: TFakeChat['refused'] = [];
  const failures = new Map<string, { n: number; answer: { status: number; body: unknown; headers?: Record<string, string> } }>();
  const delay = { ms: 0 };
  const dingtalkSends: number[] = [];
  const fake: Omit<TFakeChat, 'url' | 'close'> & { dingtalkPerMinute: number } = {
    messages,
    refused,
    secrets: s,
    delay,
    dingtalkPerMinute: 20,
    failNext(vendor, n, answer) {
      failures.set(vendor, { n, answer });
    },
  };

  const server: Server = createServer(async (req, res) => {
    const raw = await read(req);
    if (delay.ms) await new Promise((r) => setTimeout(r, delay.ms));
    const u = new URL(req.url ?? '/', 'http://x');
    const vendor = u.pathname.split('/')[1] as TFakeMessage['vendor'];
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const refuse = (status: number, body: unknown, headers?: Record<string, string>) => {
      refused.push({ vendor, at: Date.now(), answer: body, status });
      answer(status, body, headers);
    };
    const accept = (text: string, body: unknown, ok: unknown) => {
      const m: TFakeMessage = { vendor, path: u.pathname, at: Date.now(), text, body, headers: req.headers };
      messages.push(m);
      opts.log?.(m);
      answer(200, ok);
    };
    const failing = failures.get(vendor);
    if (failing && failing.n > 0) {
      failing.n--;
      return refuse(failing.answer.status, failing.answer.body, failing.answer.headers);
    }
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return refuse(400, vendor === 'slack' ? 'invalid_payload' : { code: 9499, msg: 'Bad Request' });
    }
    switch (vendor) {
      case 'feishu': {
        const ts = Number(body.timestamp);
        const want = createHmac('sha256', `${body.timestamp}\n${s.feishu}`).update('').digest('base64');
        if (!body.sign || !same(String(body.sign), want) || Math.abs(Date.now() / 1000 - ts) > 3600)
          return refuse(200, { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time', data: {} });
        const content = body.content as { text?: string } | undefined;
        return accept(String(content?.text ?? ''), body, { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' });
      }
      case 'dingtalk': {
        const ts = u.searchParams.get('timestamp') ?? '';
        const sign = u.searchParams.get('sign') ?? '';
        const want = createHmac('sha256', s.dingtalk).update(`${ts}\n${s.dingtalk}`).digest('base64');
        if (!same(sign, want) || Math.abs(Date.now() - Number(ts)) > 3600_000)
          return refuse(200, { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' });
        const now = Date.now();
        while (dingtalkSends.length && (dingtalkSends[0] ?? 0) <= now - 60_000) dingtalkSends.shift();
        if (dingtalkSends.length >= fake.dingtalkPerMinute)
          return refuse(200, { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' });
        dingtalkSends.push(now);
        const md = body.markdown as { text?: string } | undefined;
        return accept(String(md?.text ?? ''), body, { errcode: 0, errmsg: 'ok' });
      }
      case 'wecom': {
        if (u.searchParams.get('key') !== s.wecomKey) return refuse(200, { errcode: 93000, errmsg: 'invalid webhook url, hint: [..]' });
        const md = body.markdown as { content?: string } | undefined;
        const content = String(md?.content ?? '');
        if (Buffer.byteLength(content) > 4096)
          return refuse(200, { errcode: 40058, errmsg: 'markdown.content exceed max length 4096. invalid Request Parameter' });
        return accept(content, body, { errcode: 0, errmsg: 'ok' });
      }
      case 'slack': {
        if (u.pathname.endsWith('/removed')) return refuse(404, 'no_service');
        return accept(String(body.text ?? ''), body, 'ok');
      }
      case 'webhook': {
        const sig = String(req.headers['x-warroom-signature'] ?? '');
        const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig);
        const want = m ? createHmac('sha256', s.webhook).update(`${m[1]}.${raw}`).digest('hex') : '';
        if (!m || !same(m[2] ?? '', want) || !req.headers['x-warroom-delivery']) return refuse(401, { error: 'bad signature' });
        return accept(String(body.text ?? ''), body, { ok: true });
      }
      default:
        return refuse(404, { error: 'no such vendor' });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, {
    url,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}
