import type { TPublicStatus } from '../../lib/status/public';
import { getRuntime } from '../context';
import { errorBody } from '../errors';
import { getPublicStatus } from '../services/status/public-status';

/** Browsers and proxies may keep a public answer a few seconds; past that they revalidate (a 304 costs no query). */
const CACHE_CONTROL = 'public, max-age=5, stale-if-error=86400';

/**
 * Answers a public status route (summary, incidents, feed, badge): no
 * authentication (nothing to look up), the room's cached view, ETag and
 * If-None-Match → 304, 404 when the page is off, and — when the database is
 * away — the last snapshot with `X-Status-Snapshot: <time>`.
 */
export async function publicStatusAnswer(
  req: Request,
  slug: string,
  form: string,
  render: (s: TPublicStatus) => { body: string; type: string },
): Promise<Response> {
  try {
    const { status, source } = await getPublicStatus({ ctx: getRuntime(), slug });
    const etag = `"${status.etag}-${form}${status.fromSnapshot ? '-s' : ''}"`;
    const headers: Record<string, string> = {
      etag,
      'cache-control': CACHE_CONTROL,
      'x-status-cache': source,
      'x-content-type-options': 'nosniff',
      'access-control-allow-origin': '*',
      ...(status.fromSnapshot ? { 'x-status-snapshot': status.builtAt } : {}),
    };
    if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    const { body, type } = render(status);
    return new Response(req.method === 'HEAD' ? null : body, { status: 200, headers: { ...headers, 'content-type': type } });
  } catch (err) {
    const { status, body } = errorBody(err);
    if (status >= 500) console.error(`public status ${slug} failed:`, err);
    return new Response(JSON.stringify(body), {
      status: status >= 500 ? 503 : status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
}
