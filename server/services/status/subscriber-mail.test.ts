import { describe, expect, it } from 'vitest';
import type { TServiceContext } from '../../context';
import { confirmationMail, hashToken, newToken, updateMail } from './subscriber-mail';

const ctx = { config: { publicUrl: 'https://status.acme.test' } } as TServiceContext;

describe('subscriber mail', () => {
  it('asks for confirmation with a one-use link and nothing else', () => {
    const m = confirmationMail(ctx, { lang: 'en', slug: 'shop', title: 'Acme', to: 'a@x.test', confirmToken: 'tok123' });
    expect(m.to).toBe('a@x.test');
    expect(m.subject).toBe('Confirm your subscription to Acme status');
    expect(m.text).toContain('https://status.acme.test/api/v1/status/shop/subscribers/confirm?token=tok123&format=html');
    expect(m.text).not.toContain('unsubscribe');
  });

  it("writes an update in the room's language with the one-click way out", () => {
    const m = updateMail(ctx, {
      lang: 'zh',
      slug: 'shop',
      pageTitle: 'Acme',
      to: 'a@x.test',
      unsubToken: 'u42',
      title: '下单变慢',
      status: 'monitoring',
      message: '修复已上线。',
    });
    expect(m.subject).toBe('[Acme] 下单变慢 — 监控中');
    expect(m.text).toContain('修复已上线。');
    expect(m.text).toContain('退订（一键）：https://status.acme.test/api/v1/status/shop/subscribers/unsubscribe?token=u42&format=html');
  });

  it('keeps only a hash of the confirmation token', () => {
    const a = newToken();
    const b = newToken();
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(40);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).not.toContain(a.token);
  });
});
