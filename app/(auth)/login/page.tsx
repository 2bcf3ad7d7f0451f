import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getRuntime } from '@/server/context';
import { needsSetup } from '@/server/services/users/needs-setup';
import { safeNext } from '../safe-next';
import { LoginForm } from './login-form';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('signIn');
export const dynamic = 'force-dynamic';

/** Sign in with email and password; afterwards, back to the page that sent you here. Before any account exists: /setup. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; email?: string }> }) {
  const { next, email } = await searchParams;
  // A new install has nobody to sign in as: `/` (which sends signed-out visitors here) leads to /setup.
  if (await needsSetup({ ctx: getRuntime() })) redirect('/setup');
  const t = await getTranslations('auth');
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-edge bg-panel p-6">
        <h1 className="mb-1 text-2xl font-semibold">Warroom</h1>
        <p className="mb-6 text-sm text-dim">{t('signInLead')}</p>
        <LoginForm next={safeNext(next)} email={typeof email === 'string' ? email.slice(0, 200) : ''} />
      </div>
    </main>
  );
}
