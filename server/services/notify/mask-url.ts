/** Shown of a hidden part: its last characters, so a lead can tell two bots apart. */
const KEEP = 4;
/** A path segment this long is an id or a token (Slack's third part, Feishu's hook id), never a plain word. */
const TOKEN_SEGMENT = /^[A-Za-z0-9_-]{16,}$/;

const hide = (s: string) => (s.length <= KEEP ? '…' : `…${s.slice(-KEEP)}`);

/**
 * A channel's address with its secret parts hidden. Several vendors put the
 * credential in the URL itself — WeCom's `?key=`, DingTalk's `access_token`,
 * a Slack incoming webhook's path, Feishu's hook id — so the API answers
 * this instead of the stored URL: every query value, and every path segment
 * that looks like a token, is cut to its last four characters. Secrets are
 * write-only: a lead replaces an address, never reads it back.
 */
export function maskUrl(stored: string): string {
  let u: URL;
  try {
    u = new URL(stored);
  } catch {
    return hide(stored);
  }
  const path = u.pathname
    .split('/')
    .map((seg) => (TOKEN_SEGMENT.test(seg) ? hide(seg) : seg))
    .join('/');
  const query = [...u.searchParams].map(([k, v]) => `${encodeURIComponent(k)}=${hide(v)}`).join('&');
  const auth = u.username || u.password ? '…@' : '';
  return `${u.protocol}//${auth}${u.host}${path}${query ? `?${query}` : ''}`;
}
