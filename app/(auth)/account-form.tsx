'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { useErrorWords } from '@/app/_ui/use-error-words';
import { ApiError, api } from '@/lib/client/api';
import type { TErrorDetail } from '@/lib/errors';

const FIELD =
  'mt-1 block min-h-11 w-full rounded-lg border border-edge bg-bg px-3 text-base text-ink focus:border-users focus:outline-none';

/**
 * The two forms a person meets before they can sign in: /setup (first admin:
 * email, name, password) and /welcome (a one-time link: password only). Errors
 * in words next to their field; on success, on to sign-in.
 */
export function AccountForm(props: { mode: 'setup' } | { mode: 'welcome'; token: string }) {
  const t = useTranslations('auth');
  const tf = useTranslations('fields');
  const te = useTranslations('errors');
  const words = useErrorWords();
  const [errors, setErrors] = useState<TErrorDetail[]>([]);
  const [busy, setBusy] = useState(false);
  const fieldError = (f: string) => {
    const e = errors.find((x) => x.field === f);
    return e ? (e.field === 'again' ? e.message : words(e)) : undefined;
  };

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '');
    if (text('password') !== text('again')) {
      setErrors([{ field: 'again', message: te('passwordsDiffer') }]);
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      let email: string;
      if (props.mode === 'setup') {
        const r = await api.setup.setup({
          body: { email: text('email').trim(), name: text('name').trim(), password: text('password') },
        });
        email = r.user.email;
      } else {
        email = (
          await api.setup.redeemPasswordLink({
            body: { token: props.token, password: text('password') },
          })
        ).email;
      }
      window.location.assign(`/login?email=${encodeURIComponent(email)}`);
    } catch (err) {
      setErrors(
        err instanceof ApiError && err.details.length
          ? err.details
          : [{ field: 'form', message: err instanceof Error ? err.message : String(err) }],
      );
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string, type: string, autoComplete: string) => (
    <label className="block text-sm font-medium">
      {tf(name)}
      <input name={name} type={type} autoComplete={autoComplete} required aria-invalid={Boolean(fieldError(name))} className={FIELD} />
      {fieldError(name) ? (
        <span role="alert" className="mt-1 block text-sm text-crit">
          {fieldError(name)}
        </span>
      ) : null}
    </label>
  );

  const formError = errors.filter((e) => !['email', 'name', 'password', 'again'].includes(e.field));
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {props.mode === 'setup' ? field('email', 'email', 'username') : null}
      {props.mode === 'setup' ? field('name', 'text', 'name') : null}
      {field('password', 'password', 'new-password')}
      {field('again', 'password', 'new-password')}
      {formError.length ? (
        <p role="alert" data-testid="account-error" className="rounded-lg border border-crit/60 bg-crit/10 px-3 py-2 text-sm text-crit">
          {formError.map((e) => (e.field === 'form' ? e.message : words(e))).join('; ')}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className="min-h-11 w-full rounded-lg bg-users px-4 font-semibold text-bg disabled:opacity-60">
        {busy ? t('saving') : props.mode === 'setup' ? t('createAdmin') : t('setPassword')}
      </button>
    </form>
  );
}
