import { getTranslations } from 'next-intl/server';
import { SignOutButton } from '../sign-out-button';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('signOut');

/** A page to link to from any screen; signing out is a POST, so a link or image elsewhere cannot do it. */
export default async function SignOutPage() {
  const t = await getTranslations('auth');
  const tn = await getTranslations('nav');
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-edge bg-panel p-6 text-center">
        <p className="mb-4">{t('signOutQuestion')}</p>
        <SignOutButton
          className="min-h-11 w-full rounded-lg border border-edge px-4 font-semibold hover:bg-bg"
          label={tn('signOut')}
          busyLabel={tn('signingOut')}
        />
      </div>
    </main>
  );
}
