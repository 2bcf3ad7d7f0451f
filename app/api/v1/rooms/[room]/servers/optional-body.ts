import { readJson } from '@/server/http/route';

/** Drain and restore take an optional body: none (or an empty one) means `{}`. */
export async function readOptionalJson(req: Request): Promise<unknown> {
  if (!req.body || req.headers.get('content-length') === '0') return {};
  return readJson(req, 16_384);
}
