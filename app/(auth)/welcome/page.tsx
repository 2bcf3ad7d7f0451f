import { getTranslations } from 'next-intl/server';
import { getRuntime } from '@/server/context';
import { peekPasswordLink } from '@/server/services/users/peek-password-link';
import { AccountForm } from '../account-form';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('welcome');
export const dynamic = 'force-dynamic';

/** Where a one-time password link lands: the person chooses their password, then signs in. */
export default async function WelcomePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations('auth');
  const who = token ? await peekPasswordLink({ ctx: getRuntime(), token }) : null;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-edge bg-panel p-6">
        <h1 className="mb-1 text-2xl font-semibold">{t('welcomeTitle')}</h1>
        {token ? (
          <>
            {who ? (
              <p className="mb-2 text-base" data-testid="welcome-who">
                {t('welcomeWho', { name: who.name, email: who.email })}
              </p>
            ) : null}
            <p className="mb-6 text-sm text-dim">{t('welcomeLead')}</p>
            <AccountForm mode="welcome" token={token} />
          </>
        ) : (
          <p className="text-sm text-crit" role="alert">
            {t('welcomeNoToken')}
          </p>
        )}
      </div>
    </main>
  );
}
