'use client';

import { useState, type FormEvent } from 'react';

const FIELD = 'mt-1 block min-h-11 w-full rounded-lg border border-edge bg-bg px-3 text-base text-ink focus:border-users focus:outline-none';

/** What to tell a person for each way sign-in can fail; never which part of email/password was wrong. */
function messageFor(status: number, body: { message?: string } | null): string {
  if (status === 401) return 'Wrong email or password.';
  if (status === 429) return body?.message?.startsWith('Too many failed') ? body.message : 'Too many sign-in attempts. Wait a minute and try again.';
  if (status === 403) return body?.message ?? 'This account cannot sign in.';
  if (status === 400) return 'Enter a valid email address and your password.';
  return 'Sign-in failed. Try again in a moment.';
}

export function LoginForm({ next }: { next: string }) {
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
      setError(messageFor(res.status, await res.json().catch(() => null)));
    } catch {
      setError('Cannot reach the server. Check the connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <label className="block text-sm font-medium">
        Email
        <input name="email" type="email" autoComplete="username" required className={FIELD} />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={FIELD} />
      </label>
      {error && (
        <p role="alert" data-testid="login-error" className="rounded-lg border border-crit/60 bg-crit/10 px-3 py-2 text-sm text-crit">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="min-h-11 w-full rounded-lg bg-users px-4 font-semibold text-bg disabled:opacity-60">
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
