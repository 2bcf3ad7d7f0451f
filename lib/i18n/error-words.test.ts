import { describe, expect, it } from 'vitest';
import { ZCreateIncident } from '@/lib/api/incident-requests';
import { detailsFromZodError } from '@/lib/errors';

/** The shapes of zod messages that app/_ui/use-error-words.ts turns into words. */
describe('field messages the console puts in words', () => {
  it('an empty title says "required" and an unchosen severity lists the choices', () => {
    const r = ZCreateIncident.safeParse({ title: ' ', severity: '' });
    expect(r.success).toBe(false);
    const d = r.success ? [] : detailsFromZodError(r.error);
    expect(d.find((x) => x.field === 'title')?.message).toMatch(/^required/);
    expect(d.find((x) => x.field === 'severity')?.message).toMatch(/^must be [\w-]+(, [\w-]+)* or [\w-]+$/);
  });
});
