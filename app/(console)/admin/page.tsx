import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getRuntime } from '@/server/context';
import { AdminScreen } from './admin-screen';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('admin');
export const dynamic = 'force-dynamic';

/** People and credentials. Admins only: the API checks again on every call. */
export default async function AdminPage() {
  const rt = getRuntime();
  const actor = rt.resolveSession ? await rt.resolveSession(await headers()) : null;
  if (!actor) redirect('/login?next=%2Fadmin');
  if (actor.kind !== 'user' || actor.role !== 'admin') {
    const t = await getTranslations('admin');
    const tr = await getTranslations('common.role');
    return (
      <main className="p-6">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-dim">
          {t('onlyAdmins', { who: actor.kind === 'user' ? `${actor.email} (${tr(actor.role)})` : t('aScreen') })}
        </p>
      </main>
    );
  }
  return <AdminScreen me={{ id: actor.userId, email: actor.email }} />;
}
