'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

const FIELD =
  'mt-1 block min-h-11 w-full rounded-lg border border-edge bg-bg px-3 text-base text-ink focus:border-users focus:outline-none';

/** What to tell a person for each way sign-in can fail; never which part of email/password was wrong. */
function messageFor(status: number, body: { message?: string } | null, t: ReturnType<typeof useTranslations<'auth'>>): string {
  if (status === 401) return t('wrong');
  const minutes = status === 429 ? /Too many failed.*?(\d+) minute/.exec(body?.message ?? '')?.[1] : undefined;
  if (minutes) return t(/network address/.test(body?.message ?? '') ? 'tooManyFromAddress' : 'tooManyFor', { minutes: Number(minutes) });
  if (status === 429) return t('tooMany');
  if (status === 403) return t('cannot');
  if (status === 400) return t('badInput');
  return t('failed');
}

export function LoginForm({ next, email = '' }: { next: string; email?: string }) {
  const t = useTranslations('auth');
  const tf = useTranslations('fields');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: String(form.get('email') ?? '').trim(), password: String(form.get('password') ?? '') }),
      });
      if (res.ok) {
        // A full navigation, so the server renders the next page with the new cookie and sockets reconnect with it.
        window.location.assign(next);
        return;
      }
      setError(messageFor(res.status, await res.json().catch(() => null), t));
    } catch {
      setError(t('unreachable'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <label className="block text-sm font-medium">
        {tf('email')}
        <input name="email" type="email" autoComplete="username" required className={FIELD} defaultValue={email} />
      </label>
      <label className="block text-sm font-medium">
        {tf('password')}
        <input name="password" type="password" autoComplete="current-password" required className={FIELD} />
      </label>
      {error && (
        <p role="alert" data-testid="login-error" className="rounded-lg border border-crit/60 bg-crit/10 px-3 py-2 text-sm text-crit">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="min-h-11 w-full rounded-lg bg-users px-4 font-semibold text-bg disabled:opacity-60">
        {busy ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}
