import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('help');

const SECTIONS = [
  ['dataTitle', 'data'],
  ['keysTitle', 'keys'],
  ['lockTitle', 'lock'],
  ['cliTitle', 'cli'],
] as const;

/** What a newcomer asks first: how numbers get in, where keys and display links are, a lockout, the CLI. */
export default async function HelpPage() {
  const t = await getTranslations('help');
  return (
    <main className="mx-auto max-w-3xl space-y-6 p-4 md:p-8" data-testid="help">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-dim">{t('intro')}</p>
      </header>
      {SECTIONS.map(([title, body]) => (
        <section key={title} className="space-y-1">
          <h2 className="text-lg font-semibold">{t(title)}</h2>
          <p>{t(body)}</p>
          {body === 'data' && (
            <Link href="/api-docs" className="inline-flex min-h-11 items-center text-users underline">
              {t('apiLink')}
            </Link>
          )}
        </section>
      ))}
    </main>
  );
}
