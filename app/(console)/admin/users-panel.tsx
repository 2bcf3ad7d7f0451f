'use client';

import { useState, type FormEvent } from 'react';
import type { ADMIN, TUserInfo } from '@/lib/api/admin';
import type { TBodyOf } from '@/lib/api/contract';
import { call, errorText } from '@/lib/client/api';
import { ROLES, type TRole } from '@/lib/roles';
import { BUTTON, INPUT, when } from './ui';
import { useAdminMutation, useUsersQuery } from './use-admin';


export function UsersPanel({ meId }: { meId: string }) {
  const users = useUsersQuery();
  const add = useAdminMutation((body: TBodyOf<typeof ADMIN.addUser>) => call<typeof ADMIN.addUser>('POST', '/api/v1/admin/users', { body }));
  const toggle = useAdminMutation((i: { id: string; disabled?: boolean; role?: TRole }) =>
    call<typeof ADMIN.patchUser>('PATCH', '/api/v1/admin/users/{id}', { params: { id: i.id }, body: { disabled: i.disabled, role: i.role } }),
  );
  const link = useAdminMutation((i: { id: string }) => call<typeof ADMIN.passwordLink>('POST', '/api/v1/admin/users/{id}/password-link', { params: { id: i.id } }));
  const [formKey, setFormKey] = useState(0);

  async function onAdd(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const password = String(f.get('password') ?? '');
    await add.mutateAsync({ email: String(f.get('email')), name: String(f.get('name')), role: String(f.get('role')) as TRole, ...(password ? { password } : {}) }).then(
      () => setFormKey((k) => k + 1),
      () => {},
    );
  }

  return (
    <section aria-labelledby="people" className="space-y-3">
      <h2 id="people" className="text-lg font-semibold">People</h2>
      <form key={formKey} onSubmit={onAdd} className="flex flex-wrap gap-2" aria-label="Add a person">
        <input name="email" type="email" placeholder="email" aria-label="Email" required className={INPUT} />
        <input name="name" placeholder="name" aria-label="Name" required className={INPUT} />
        <select name="role" aria-label="Role" defaultValue="viewer" className={INPUT}>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <input name="password" type="password" placeholder="password (8+)" aria-label="Password" autoComplete="new-password" className={INPUT} />
        <button type="submit" className={BUTTON} disabled={add.isPending}>
          Add person
        </button>
      </form>
      {add.error && <p role="alert" className="text-sm text-crit">{errorText(add.error)}</p>}
      {toggle.error && <p role="alert" className="text-sm text-crit">{errorText(toggle.error)}</p>}
      {users.error && <p role="alert" className="text-sm text-crit">{errorText(users.error)}</p>}
      {link.error && <p role="alert" className="text-sm text-crit">{errorText(link.error)}</p>}
      {link.data && (
        <p data-testid="password-link" className="rounded-lg border border-edge bg-panel p-3 text-sm">
          Give this to {link.data.email} (one use, 24 h; it replaces any earlier link): <code className="break-all">{link.data.url}</code>
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-dim">
            <tr>
              <th className="p-2">Email</th>
              <th className="p-2">Name</th>
              <th className="p-2">Role</th>
              <th className="p-2">Signed in since</th>
              <th className="p-2">State</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.users.map((u: TUserInfo) => (
              <tr key={u.id} data-testid={`user-${u.email}`} className="border-t border-edge">
                <td className="p-2">{u.email}</td>
                <td className="p-2">{u.name}</td>
                <td className="p-2">
                  {u.id === meId ? (
                    u.role
                  ) : (
                    <select
                      aria-label={`Role of ${u.email}`}
                      className={INPUT}
                      value={u.role}
                      disabled={toggle.isPending}
                      onChange={(e) => toggle.mutate({ id: u.id, role: e.target.value as TRole })}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td className="p-2">{when(u.lastSignInAt)}</td>
                <td className="p-2">
                  {u.id === meId ? (
                    'you'
                  ) : (
                    <span className="flex flex-wrap gap-2">
                      <button type="button" className={BUTTON} disabled={toggle.isPending} onClick={() => toggle.mutate({ id: u.id, disabled: !u.disabled })}>
                        {u.disabled ? 'Enable' : 'Disable'}
                      </button>
                      <button type="button" className={BUTTON} disabled={link.isPending || u.disabled} onClick={() => link.mutate({ id: u.id })}>
                        Password link
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
