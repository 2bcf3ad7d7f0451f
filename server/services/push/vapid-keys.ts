import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import webPush from 'web-push';

/** Where the install's VAPID key pair is kept (like the session secret in data/auth-secret). */
// Not traced into the web build's output: a file of this install's data, read at run time.
const VAPID_FILE = join(/* turbopackIgnore: true */ process.cwd(), 'data', 'vapid-keys.json');

export interface TVapidKeys {
  publicKey: string;
  privateKey: string;
}

function read(file: string): TVapidKeys | null {
  try {
    const k = JSON.parse(readFileSync(file, 'utf8')) as Partial<TVapidKeys>;
    return typeof k.publicKey === 'string' && typeof k.privateKey === 'string' && k.publicKey.length > 40 && k.privateKey.length > 20
      ? { publicKey: k.publicKey, privateKey: k.privateKey }
      : null;
  } catch {
    return null;
  }
}

const cache = new Map<string, TVapidKeys>();

/**
 * The key pair that signs this install's pushes (VAPID, RFC 8292). Made on
 * first use and kept under data/ (owner-readable only), so subscriptions made
 * against its public key keep working across restarts; every process of the
 * install reads the same file (the first writer wins, the others read theirs).
 */
export function vapidKeys(file = VAPID_FILE): TVapidKeys {
  const cached = cache.get(file);
  if (cached) return cached;
  let keys = existsSync(file) ? read(file) : null;
  if (!keys) {
    const made = webPush.generateVAPIDKeys();
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${JSON.stringify(made)}\n`, { flag: 'wx', mode: 0o600 });
      chmodSync(file, 0o600);
      keys = made;
    } catch {
      keys = read(file);
      if (!keys) throw new Error(`${file} holds no VAPID key pair: remove it and start again`);
    }
  }
  cache.set(file, keys);
  return keys;
}

/** Who the push services may contact about this install's pushes: WARROOM_VAPID_SUBJECT, else the public https URL, else a mailto. */
export function vapidSubject(o: { WARROOM_VAPID_SUBJECT?: string; WARROOM_ADMIN_EMAIL?: string; publicUrl: string }): string {
  if (o.WARROOM_VAPID_SUBJECT) return o.WARROOM_VAPID_SUBJECT;
  if (/^https:\/\//.test(o.publicUrl) && !/^https:\/\/localhost\b/.test(o.publicUrl)) return o.publicUrl;
  return `mailto:${o.WARROOM_ADMIN_EMAIL ?? 'warroom@localhost'}`;
}
