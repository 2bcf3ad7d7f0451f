import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { chooseLocale, LOCALE_COOKIE } from '@/lib/i18n/locale';

/**
 * next-intl without i18n routing: URLs carry no locale. Each request reads
 * the person's override cookie, else their browser's Accept-Language.
 */
export default getRequestConfig(async ({ locale: asked }) => {
  // A page that names its language (the public status page, in its room's language) gets it.
  const locale =
    asked === 'en' || asked === 'zh'
      ? asked
      : chooseLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
