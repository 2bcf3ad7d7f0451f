import { describe, expect, it } from 'vitest';
import { pushPayload } from './send-push';
import { vapidSubject } from './vapid-keys';

const opened = Date.parse('2026-12-06T12:00:00Z');
const facts = {
  room: { slug: 'launch', name: 'Launch night', locale: 'zh' },
  incident: {
    id: 'i',
    number: 12,
    title: 'Checkout down',
    severity: 'SEV1',
    status: 'investigating',
    owner: null,
    openedAt: new Date(opened).toISOString(),
  },
};

describe('a phone notification', () => {
  it('has the headline as its title, the facts as plain text, the incident as its tap and one tag per incident — in en and zh', () => {
    const en = pushPayload(
      { event: 'incident.unclaimed', facts: { ...facts, unclaimedMinutes: 6 } },
      'en',
      'https://war.example',
      opened + 6 * 60_000,
    );
    expect(en).toMatchObject({ url: 'https://war.example/incidents/12?room=launch', tag: 'launch#12', severity: 'SEV1' });
    expect(en.title).toMatch(/^\[SEV1\] #12 Checkout down — /);
    expect(en.body).toContain('Room: Launch night');
    expect(en.body).toContain('unclaimed 6 min');
    expect(en.body).not.toMatch(/\*\*|https:/);
    const zh = pushPayload({ event: 'incident.opened', facts }, 'zh', 'https://war.example', opened + 60_000);
    expect(zh.body).toContain('房间：Launch night');
    expect(zh.tag).toBe('launch#12');
  });

  it('is signed with a subject push services accept: the setting, else an https public URL, else a mailto', () => {
    expect(vapidSubject({ WARROOM_VAPID_SUBJECT: 'mailto:ops@example.com', publicUrl: 'https://w.example' })).toBe(
      'mailto:ops@example.com',
    );
    expect(vapidSubject({ publicUrl: 'https://w.example' })).toBe('https://w.example');
    expect(vapidSubject({ publicUrl: 'http://localhost:3000', WARROOM_ADMIN_EMAIL: 'a@b.c' })).toBe('mailto:a@b.c');
  });
});
