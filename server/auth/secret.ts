import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Where a generated signing secret is kept when WARROOM_SECRET is not set. */
const SECRET_FILE = join(process.cwd(), 'data', 'auth-secret');

/**
 * The key that signs session cookies. WARROOM_SECRET wins; otherwise one is
 * generated on first start and kept under data/ (readable by the owner only),
 * so sessions survive restarts and no install shares a built-in default.
 */
export function resolveAuthSecret(configured: string | undefined, file = SECRET_FILE): string {
  if (configured) return configured;
  if (existsSync(file)) {
    const s = readFileSync(file, 'utf8').trim();
    if (s.length >= 32) return s;
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  // 'wx' fails if another process wrote it first; then read theirs, so all processes agree.
  try {
    writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
    return secret;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}
