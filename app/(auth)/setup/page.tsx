import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getRuntime } from '@/server/context';
import { needsSetup } from '@/server/services/users/needs-setup';
import { AccountForm } from '../account-form';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('setup');
export const dynamic = 'force-dynamic';

/** A new install's first page: whoever opens it first becomes the admin. Gone once anyone exists. */
export default async function SetupPage() {
  if (!(await needsSetup({ ctx: getRuntime() }))) redirect('/login');
  const t = await getTranslations('auth');
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-edge bg-panel p-6">
        <h1 className="mb-1 text-2xl font-semibold">{t('setupTitle')}</h1>
        <p className="mb-6 text-sm text-dim">{t.rich('setupLead', { code: (chunks) => <code>{chunks}</code> })}</p>
        <AccountForm mode="setup" />
      </div>
    </main>
  );
}
