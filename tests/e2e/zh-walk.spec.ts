import type { Page } from '@playwright/test';
import { api as rawApi, type TTestServer } from '../helpers/server';
import { expect, pushPoints, signIn, test } from './fixtures';

/**
 * Latin words a Chinese screen may show: names (of the product, of formats,
 * protocols, vendors and keys), units and the language's own name. Series
 * names and identifiers (users_total, web-3, SEV1, server="…", /wall/…) carry
 * a digit or a symbol and are not words here. Anything else in Latin letters
 * is English left over: translate it, don't add it here.
 */
const ALLOWED = new Set([
  // the product and the formats, protocols and services it names
  'Warroom',
  'HTTP',
  'HTTPS',
  'URL',
  'API',
  'JSON',
  'CSV',
  'PDF',
  'Atom',
  'OpenAPI',
  'Markdown',
  'GET',
  'HEAD',
  'POST',
  'SMTP',
  'Alertmanager',
  'Prometheus',
  'Feishu',
  'Lark',
  'DingTalk',
  'WeCom',
  'Slack',
  'Webhook',
  'CPU',
  // the browsers and push services the phone-push note names (where push cannot arrive)
  'Chrome',
  'Google',
  'Firefox',
  'Safari',
  'iPhone',
  'iPad',
  // the robust spread a fleet outlier is measured in (median absolute deviation), as ops write it
  'MAD',
  // keys
  'Ctrl',
  'Cmd',
  'Enter',
  // units and zones
  'ms',
  'KiB',
  'UTC',
  // a language's own name, in the language switcher
  'English',
]);

/** Runs of Latin letters that are words, not parts of identifiers (web-3, users_total, ?token=…, /wall/x, v1.2). */
function latinWords(text: string): string[] {
  const out: string[] = [];
  for (const token of text.match(/[\w\-=/:@?+#.…'"~<>[\]{}]+/g) ?? []) {
    const bare = token.replace(/^["'.…:]+|["'.…:]+$/g, '');
    if (!/[A-Za-z]{2}/.test(bare)) continue;
    if (/[0-9_\-=/:@?+#~<>[\]{}]|\.\w/.test(bare)) continue;
    for (const w of bare.match(/[A-Za-z]+/g) ?? []) if (w.length >= 2 && !ALLOWED.has(w)) out.push(w);
  }
  return out;
}

/** Every piece of text a person can read on the page, with where it sits. Code samples are left out. */
function readableText(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(() => {
    const out: { where: string; text: string }[] = [{ where: 'title', text: document.title }];
    // Code samples, and names people typed (rooms, people, keys: translate="no").
    const skip = 'code, kbd, pre, script, style, noscript, canvas, [translate="no"]';
    const where = (el: Element) => {
      const id = el.closest('[data-testid]')?.getAttribute('data-testid');
      return `${el.tagName.toLowerCase()}${id ? ` in ${id}` : ''}`;
    };
    const shown = (el: Element) => {
      const target = el.closest('select') ?? el;
      return (target as HTMLElement).checkVisibility?.({ visibilityProperty: true }) ?? true;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip) || !shown(el) || !n.textContent?.trim()) continue;
      out.push({ where: where(el), text: n.textContent });
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], img[alt]')) {
      if (!shown(el) || el.closest(skip)) continue;
      for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
        const v = el.getAttribute(a);
        if (v) out.push({ where: `${where(el)} @${a}`, text: v });
      }
    }
    return out;
  });
}

async function leftovers(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const { where, text } of await readableText(page)) {
    const words = latinWords(text);
    if (words.length) found.push(`${where}: "${text.trim().slice(0, 120)}" (${words.join(', ')})`);
  }
  return found;
}

const ROOM = 'zh-walk';

/** The API as the seed uses it: a refusal stops the test there, naming the call. */
async function api(server: TTestServer, method: string, path: string, opts: { token: string; body?: unknown }) {
  const res = await rawApi(server, method, path, opts);
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

test('the words filter: English is found, names, units and identifiers are not', () => {
  expect(latinWords('3 min / 3 min')).toEqual(['min', 'min']);
  expect(latinWords('cpu 41%')).toEqual(['cpu']);
  expect(latinWords('#1 opened: 支付超时')).toEqual(['opened']);
  expect(latinWords('请发送带 server="…" 标签的指标；web-3、users_total、SEV1、/wall/zh-walk、?token=…')).toEqual([]);
  expect(latinWords('Warroom HTTP API · 12 ms · UTC')).toEqual([]);
});

test('every page a Chinese person reads, in a Chinese room, has no English left', async ({ browser, server }) => {
  test.setTimeout(300_000);
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const admin = await signIn(ctx, server, 'admin', '王管理员');
  const lead = await server.createUser('lead', '李组长');
  const as = (token: string) => ({ token });
  await api(server, 'POST', '/api/v1/rooms', {
    ...as(admin.token),
    body: { slug: ROOM, name: '双十一之夜', timeZone: 'Asia/Shanghai', locale: 'zh' },
  });
  const now = Date.now();
  const key = await server.createIngestKey(ROOM);
  const MIN = 60_000;
  const points: { name: string; value: number; time: number; labels?: Record<string, string> }[] = [];
  for (let i = 30; i >= 0; i--) {
    points.push({ name: 'users_total', value: 1_200_000 + (30 - i) * 5_000, time: now - i * MIN });
    points.push({ name: 'users_online', value: 80_000 + (30 - i) * 300, time: now - i * MIN });
  }
  for (const [s, cpu] of [
    ['web-1', 0.42],
    ['web-2', 0.93],
    ['web-3', 0.4],
  ] as const) {
    const labels = { server: s };
    points.push(
      { name: 'cpu_ratio', value: cpu, labels, time: now },
      { name: 'mem_ratio', value: 0.55, labels, time: now },
      { name: 'error_ratio', value: 0.002, labels, time: now },
      { name: 'connections', value: 1_900, labels, time: now },
    );
  }
  await pushPoints(server, key, points, ROOM);
  for (const line of [
    { metricName: 'cpu_ratio', warning: 0.75, critical: 0.9 },
    { metricName: 'error_ratio', warning: 0.01, critical: 0.05 },
  ])
    await api(server, 'PUT', `/api/v1/rooms/${ROOM}/safety-lines`, { ...as(lead.token), body: line });
  await api(server, 'POST', `/api/v1/rooms/${ROOM}/annotations`, { ...as(lead.token), body: { label: '闸门开启', time: now - 20 * MIN } });
  const opened = await api(server, 'POST', '/api/v1/incidents', {
    ...as(lead.token),
    body: { title: '合作方数据脏写', severity: 'SEV2', room: ROOM },
  });
  const inc = opened.body as { id: string; number: number };
  await api(server, 'POST', `/api/v1/incidents/${inc.id}/claim`, { ...as(lead.token), body: {} });
  await api(server, 'POST', `/api/v1/incidents/${inc.id}/updates`, {
    ...as(lead.token),
    body: { body: '已排除代码问题', status: 'identified' },
  });
  await api(server, 'POST', '/api/v1/incidents', { ...as(admin.token), body: { title: '登录缓慢', severity: 'SEV3', room: ROOM } });
  await api(server, 'POST', `/api/v1/rooms/${ROOM}/probes`, {
    ...as(lead.token),
    body: { name: '首页', url: `${server.url}/api/v1/health`, intervalSeconds: 5 },
  });
  await api(server, 'POST', `/api/v1/rooms/${ROOM}/rules`, {
    ...as(lead.token),
    body: { name: '脏数据比例', series: 'dirty_ratio', when: 'above', threshold: 0.002 },
  });
  await api(server, 'PATCH', `/api/v1/rooms/${ROOM}/settings`, {
    ...as(lead.token),
    body: { statusPage: { enabled: true, title: '服务状态' } },
  });
  await api(server, 'POST', `/api/v1/rooms/${ROOM}/components`, { ...as(lead.token), body: { name: '支付' } });
  await api(server, 'POST', `/api/v1/rooms/${ROOM}/handovers`, { ...as(lead.token), body: { note: '夜班交接' } });

  const pages = [
    '/rooms',
    `/incidents?room=${ROOM}`,
    `/incidents/${inc.number}?room=${ROOM}`,
    `/rooms/${ROOM}/servers`,
    `/rooms/${ROOM}/probes`,
    `/rooms/${ROOM}/handover`,
    `/rooms/${ROOM}/report`,
    `/rooms/${ROOM}/settings`,
    `/rooms/${ROOM}/status`,
    '/admin',
    `/wall/${ROOM}`,
    // Last: `/` opens in the room used last, this one.
    '/',
  ];
  const page = await ctx.newPage();
  const found: string[] = [];
  const visit = async (p: Page, path: string) => {
    await p.goto(`${server.url}${path}`);
    await expect(p.locator('html')).toHaveAttribute('lang', 'zh-CN');
    // Live pages fill in after the socket joins: wait until the network is quiet.
    await p.waitForLoadState('networkidle');
    if (path.startsWith('/wall/')) await expect(p.getByTestId('headline-users')).toHaveText(/\d/);
    if (path === '/') await expect(p.getByRole('heading', { level: 1 })).toHaveText('双十一之夜');
    for (const f of await leftovers(p)) found.push(`${path} — ${f}`);
  };
  for (const path of pages) await visit(page, path);
  // The phone's home, and what a signed-out visitor reads.
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, '/');
  const out = await browser.newContext({ locale: 'zh-CN' });
  const visitor = await out.newPage();
  for (const path of ['/login', `/status/${ROOM}`, '/welcome']) await visit(visitor, path);
  await out.close();
  await ctx.close();
  expect(found).toEqual([]);
});
