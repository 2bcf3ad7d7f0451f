// `npm run demo`'s chat group: a DingTalk-shaped robot on this machine that
// checks what DingTalk checks (the access token, a timestamp within an hour,
// sign = base64(HMAC-SHA256 keyed by the secret over "timestamp\nsecret")) and
// answers as DingTalk does ({"errcode": 0} inside HTTP 200, or its error code).
// Each accepted message is handed to `onMessage`: the demo prints one line per
// message, so its log shows what the night would have sent to the team's chat.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NOTIFY_EVENTS, type TNotifyEvent } from '../../lib/api/notifications';
import type { TServiceContext } from '../../server/context';

export interface TChatMessage {
  title: string;
  text: string;
}

export interface TChatStandIn {
  /** the robot's webhook URL, as DingTalk hands it out (with the access token) */
  webhookUrl: string;
  secret: string;
  received: TChatMessage[];
  close(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;

function signatureOk(timestamp: string, sign: string, secret: string): boolean {
  const want = Buffer.from(createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));
  const got = Buffer.from(sign);
  return want.length === got.length && timingSafeEqual(want, got);
}

export async function startChatStandIn(onMessage: (m: TChatMessage) => void): Promise<TChatStandIn> {
  const token = randomBytes(12).toString('hex');
  const secret = `SEC${randomBytes(24).toString('hex')}`;
  const received: TChatMessage[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (errcode: number, errmsg: string) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ errcode, errmsg }));
      };
      const url = new URL(req.url ?? '/', 'http://robot');
      if (req.method !== 'POST' || url.pathname !== '/robot/send' || url.searchParams.get('access_token') !== token)
        return answer(300001, 'token is not exist');
      const timestamp = url.searchParams.get('timestamp') ?? '';
      if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > HOUR_MS) return answer(310000, 'invalid timestamp');
      if (!signatureOk(timestamp, url.searchParams.get('sign') ?? '', secret)) return answer(310000, 'sign not match');
      let body: { msgtype?: string; markdown?: { title?: string; text?: string }; text?: { content?: string } };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return answer(40035, 'invalid json');
      }
      const m =
        body.msgtype === 'markdown'
          ? { title: body.markdown?.title ?? '', text: body.markdown?.text ?? '' }
          : { title: '', text: body.text?.content ?? '' };
      received.push(m);
      onMessage(m);
      answer(0, 'ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    webhookUrl: `http://127.0.0.1:${port}/robot/send?access_token=${token}`,
    secret,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** What the demo's chat group hears: everything the night does. */
const DEMO_EVENTS: readonly TNotifyEvent[] = NOTIFY_EVENTS;
const DEMO_CHANNEL = 'demo chat (local DingTalk stand-in)';

/**
 * Points the demo room's chat channel at this run's stand-in (a new port and
 * secret each run; re-running the demo reuses the channel), hearing every
 * event at every severity. Answers the channel's id.
 */
export async function pointRoomAtChat(ctx: TServiceContext, roomId: string, chat: TChatStandIn): Promise<string> {
  const data = {
    kind: 'dingtalk',
    url: chat.webhookUrl,
    secret: chat.secret,
    events: JSON.stringify(DEMO_EVENTS),
    minSeverity: 'SEV4',
    paused: false,
  };
  const row = await ctx.prisma.notifyChannel.upsert({
    where: { roomId_name: { roomId, name: DEMO_CHANNEL } },
    create: { roomId, name: DEMO_CHANNEL, ...data },
    update: data,
    select: { id: true },
  });
  // Messages an earlier run left for a stand-in that is gone would only fail against this one's secret.
  await ctx.prisma.delivery.updateMany({
    where: { channelId: row.id, state: { in: ['pending', 'retrying'] } },
    data: { state: 'dead', lastError: 'an earlier demo run ended before it was sent' },
  });
  return row.id;
}

/** Waits (at most `timeoutMs`) until the outbox has nothing left to send to the channel: the last messages of the night arrive before the demo stops. */
export async function waitChatSent(ctx: TServiceContext, channelId: string, timeoutMs = 60_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const left = await ctx.prisma.delivery.count({ where: { channelId, state: { in: ['pending', 'retrying'] } } });
    if (left === 0 || Date.now() > until) return left;
    await new Promise((r) => setTimeout(r, 250));
  }
}
