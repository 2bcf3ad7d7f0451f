'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { ADMIN, TUserInfo } from '@/lib/api/admin';
import type { TBodyOf } from '@/lib/api/contract';
import { api } from '@/lib/client/api';
import { useApiErrorText } from '@/app/_ui/use-error-words';
import { ROLES, type TRole } from '@/lib/roles';
import { BUTTON, INPUT, useWhen } from './ui';
import { useAdminMutation, useUsersQuery } from './use-admin';

export function UsersPanel({ meId }: { meId: string }) {
  const t = useTranslations('admin');
  const tf = useTranslations('fields');
  const tc = useTranslations('common');
  const when = useWhen();
  const errorText = useApiErrorText();
  const users = useUsersQuery();
  const add = useAdminMutation((body: TBodyOf<typeof ADMIN.addUser>) => api.admin.addUser({ body }));
  const toggle = useAdminMutation((i: { id: string; disabled?: boolean; role?: TRole }) =>
    api.admin.patchUser({
      params: { id: i.id },
      body: { disabled: i.disabled, role: i.role },
    }),
  );
  const link = useAdminMutation((i: { id: string }) => api.admin.passwordLink({ params: { id: i.id } }));
  const unlock = useAdminMutation((i: { id: string }) => api.admin.unlockUser({ params: { id: i.id } }));
  const [formKey, setFormKey] = useState(0);

  async function onAdd(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const password = String(f.get('password') ?? '');
    await add
      .mutateAsync({
        email: String(f.get('email')),
        name: String(f.get('name')),
        role: String(f.get('role')) as TRole,
        ...(password ? { password } : {}),
      })
      .then(
        () => setFormKey((k) => k + 1),
        () => {},
      );
  }

  return (
    <section aria-labelledby="people" className="space-y-3">
      <h2 id="people" className="text-lg font-semibold">
        {t('people')}
      </h2>
      <form key={formKey} onSubmit={onAdd} className="flex flex-wrap gap-2" aria-label={t('addPerson')}>
        <input name="email" type="email" placeholder={tf('email')} aria-label={tf('email')} required className={INPUT} />
        <input name="name" placeholder={tf('name')} aria-label={tf('name')} required className={INPUT} />
        <select name="role" aria-label={tf('role')} defaultValue="viewer" className={INPUT}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tc(`role.${r}`)}
            </option>
          ))}
        </select>
        <input
          name="password"
          type="password"
          placeholder={t('passwordPlaceholder')}
          aria-label={tf('password')}
          autoComplete="new-password"
          className={INPUT}
        />
        <button type="submit" className={BUTTON} disabled={add.isPending}>
          {t('add')}
        </button>
      </form>
      {add.error && (
        <p role="alert" className="text-sm text-crit">
          {errorText(add.error)}
        </p>
      )}
      {toggle.error && (
        <p role="alert" className="text-sm text-crit">
          {errorText(toggle.error)}
        </p>
      )}
      {users.error && (
        <p role="alert" className="text-sm text-crit">
          {errorText(users.error)}
        </p>
      )}
      {link.error && (
        <p role="alert" className="text-sm text-crit">
          {errorText(link.error)}
        </p>
      )}
      {unlock.error && (
        <p role="alert" className="text-sm text-crit">
          {errorText(unlock.error)}
        </p>
      )}
      {unlock.data && (
        <p data-testid="unlocked" role="status" className="rounded-lg border border-edge bg-panel p-3 text-sm">
          {t('unlocked', { email: unlock.data.email })}
        </p>
      )}
      {link.data && (
        <p data-testid="password-link" className="rounded-lg border border-edge bg-panel p-3 text-sm">
          {t('linkFor', { email: link.data.email })} <code className="break-all">{link.data.url}</code>
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-dim">
            <tr>
              <th className="p-2">{tf('email')}</th>
              <th className="p-2">{tf('name')}</th>
              <th className="p-2">{tf('role')}</th>
              <th className="p-2">{t('signedInSince')}</th>
              <th className="p-2">{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.users.map((u: TUserInfo) => (
              <tr key={u.id} data-testid={`user-${u.email}`} className="border-t border-edge">
                <td className="p-2">{u.email}</td>
                <td className="p-2" translate="no">
                  {u.name}
                </td>
                <td className="p-2">
                  {u.id === meId ? (
                    tc(`role.${u.role}`)
                  ) : (
                    <select
                      aria-label={t('roleOf', { email: u.email })}
                      className={INPUT}
                      value={u.role}
                      disabled={toggle.isPending}
                      onChange={(e) => toggle.mutate({ id: u.id, role: e.target.value as TRole })}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {tc(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td className="p-2">{when(u.lastSignInAt)}</td>
                <td className="p-2">
                  {u.id === meId ? (
                    tc('you')
                  ) : (
                    <span className="flex flex-wrap gap-2">
                      <button
                        type="button"
                        className={BUTTON}
                        disabled={toggle.isPending}
                        onClick={() => toggle.mutate({ id: u.id, disabled: !u.disabled })}
                      >
                        {u.disabled ? t('enable') : t('disable')}
                      </button>
                      <button
                        type="button"
                        className={BUTTON}
                        disabled={link.isPending || u.disabled}
                        onClick={() => link.mutate({ id: u.id })}
                      >
                        {t('passwordLink')}
                      </button>
                      <button type="button" className={BUTTON} disabled={unlock.isPending} onClick={() => unlock.mutate({ id: u.id })}>
                        {t('unlock')}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
