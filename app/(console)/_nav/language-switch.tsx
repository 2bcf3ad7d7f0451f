'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/locale';

const NAMES = { en: 'English', zh: '中文' } as const;

/** The person's override of their browser's language: a cookie for a year, then the server renders again in it. */
export function LanguageSwitch() {
  const t = useTranslations('nav');
  const locale = useLocale();
  const router = useRouter();
  return (
    <fieldset className="flex items-center gap-1 border-0 p-0" data-testid="language-switch">
      <legend className="sr-only">{t('language')}</legend>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={locale === l}
          data-testid={`lang-${l}`}
          className={`min-h-11 min-w-11 rounded-md px-2 text-sm ${locale === l ? 'bg-edge text-ink' : 'text-dim hover:bg-panel'}`}
          onClick={() => {
            // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by i18n/request.ts on the next render
            document.cookie = `${LOCALE_COOKIE}=${l}; path=/; max-age=31536000; samesite=lax`;
            router.refresh();
          }}
        >
          {NAMES[l]}
        </button>
      ))}
    </fieldset>
  );
}
