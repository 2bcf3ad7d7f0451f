import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const CREDENTIAL_KINDS = ['token', 'ingest', 'display'] as const;
export type TCredentialKind = (typeof CREDENTIAL_KINDS)[number];

const PREFIX: Record<TCredentialKind, string> = { token: 'wr_pat_', ingest: 'wr_ing_', display: 'wr_dsp_' };

/** A new random secret (256 bits) with a kind prefix people can recognise in logs they paste. */
export function newSecret(kind: TCredentialKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

/**
 * Secrets are random and long, so a fast hash is enough: there is nothing to
 * guess. Only the hash is stored.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function kindOfSecret(secret: string): TCredentialKind | null {
  for (const [kind, p] of Object.entries(PREFIX)) if (secret.startsWith(p)) return kind as TCredentialKind;
  return null;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
