import { createHash, randomBytes } from 'node:crypto';

const CREDENTIAL_KINDS = ['token', 'ingest', 'display'] as const;
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
