import { describe, expect, it } from 'vitest';
import { ZCreateIncident } from '@/lib/api/incident-requests';
import { detailsFromZodError } from '@/lib/errors';
import { notificationsApi } from '@/lib/api/notifications';

/** The shapes of zod messages that app/_ui/use-error-words.ts turns into words. */
describe('field messages the console puts in words', () => {
  it('an empty title says "required" and an unchosen severity lists the choices', () => {
    const r = ZCreateIncident.safeParse({ title: ' ', severity: '' });
    expect(r.success).toBe(false);
    const d = r.success ? [] : detailsFromZodError(r.error);
    expect(d.find((x) => x.field === 'title')?.message).toMatch(/^required/);
    expect(d.find((x) => x.field === 'severity')?.message).toMatch(/^must be [\w-]+(, [\w-]+)* or [\w-]+$/);
  });
  it("a channel's bad URL, bad address and missing URL keep the exact messages the console words", () => {
    const body = notificationsApi.createChannel.body;
    const bad = body.safeParse({ name: 'x', kind: 'webhook', url: 'ftp://x', events: [] });
    const d1 = bad.success ? [] : detailsFromZodError(bad.error);
    expect(d1.find((x) => x.field === 'url')?.message).toBe('must be an http(s) URL');
    const mail = body.safeParse({ name: 'x', kind: 'email', to: ['nope'], events: [] });
    const d2 = mail.success ? [] : detailsFromZodError(mail.error);
    expect(d2.find((x) => x.field.startsWith('to'))?.message).toBe('must be email addresses');
    const none = body.safeParse({ name: 'x', kind: 'slack', events: [] });
    const d3 = none.success ? [] : detailsFromZodError(none.error);
    expect(d3.find((x) => x.field === 'url')?.message).toMatch(/^required/);
  });
});
