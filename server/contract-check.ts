import type { z } from 'zod';
import { strictAnswer } from '../lib/api/strict';

/**
 * Tests and development parse every answer — HTTP JSON and socket acks —
 * against its strict schema (lib/api/strict.ts): a field the contract does
 * not name, a leaked column, fails loudly. Off in production (it costs a
 * parse per answer). The test harness sets WARROOM_CHECK_ANSWERS=1
 * (tests/helpers/server.ts, playwright.config.ts).
 */
export const CHECK_ANSWERS = process.env.WARROOM_CHECK_ANSWERS === '1' || process.env.NODE_ENV === 'development';

/** Where and how a value breaks the strict form of its schema, or null when it keeps to it. */
export function contractBreak(schema: z.ZodType, value: unknown): string | null {
  const r = strictAnswer(schema).safeParse(value);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  return `at ${issue.path.join('.') || '(root)'}: ${issue.message}`;
}
