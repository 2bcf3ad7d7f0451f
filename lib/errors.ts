import { z } from 'zod';

/** Error codes the HTTP API and socket acks share. */
const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'already_claimed',
  'stale_version',
  'room_archived',
  'payload_too_large',
  'idempotency_mismatch',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type TErrorCode = (typeof ERROR_CODES)[number];

const ZErrorDetail = z.object({
  /** dotted path of the bad field, e.g. "points.3.value" */
  field: z.string(),
  message: z.string(),
});
export type TErrorDetail = z.infer<typeof ZErrorDetail>;

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(ZErrorDetail).optional(),
  }),
});
type TErrorBody = z.infer<typeof ZErrorBody>;

/** Turns zod issues into `details` entries that name each bad field. */
export function detailsFromZodError(error: z.ZodError, prefix: (string | number)[] = []): TErrorDetail[] {
  return error.issues.map((issue) => ({
    field: [...prefix, ...issue.path].map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

/** Socket acks: `{ ok: true, data } | { ok: false, error }`. */
export type TAck<T> = { ok: true; data: T } | { ok: false; error: TErrorBody['error'] };
