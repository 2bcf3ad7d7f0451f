'use client';

import { useTranslations } from 'next-intl';
import { CredentialsPanel } from './credentials-panel';
import { UsersPanel } from './users-panel';

/** The admin page: people (add, disable, roles) and credentials (issue, list with last use, revoke). The way back and sign-out are in the nav. */
export function AdminScreen({ me }: { me: { id: string; email: string } }) {
  const t = useTranslations('admin');
  return (
    <main className="mx-auto max-w-6xl space-y-8 p-4 md:p-6">
      <header>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-sm text-dim">{t('signedInAs', { email: me.email })}</p>
      </header>
      <UsersPanel meId={me.id} />
      <CredentialsPanel />
    </main>
  );
}
