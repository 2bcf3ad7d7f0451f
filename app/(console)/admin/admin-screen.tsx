'use client';

import { SignOutButton } from '../../(auth)/sign-out-button';
import { CredentialsPanel } from './credentials-panel';
import { UsersPanel } from './users-panel';
import { BUTTON } from './ui';


/** The admin page: people (add, disable) and credentials (issue, list with last use, revoke). */
export function AdminScreen({ me }: { me: { id: string; email: string } }) {
  return (
    <main className="mx-auto max-w-6xl space-y-8 p-4 md:p-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Admin</h1>
          <p className="text-sm text-dim">Signed in as {me.email}</p>
        </div>
        <SignOutButton className={BUTTON} />
      </header>
      <UsersPanel meId={me.id} />
      <CredentialsPanel />
    </main>
  );
}
