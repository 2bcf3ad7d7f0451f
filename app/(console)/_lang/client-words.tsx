import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import { CONSOLE_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';

/**
 * The person's language for the client components below, with the catalogue
 * namespaces named (all the console's by default). Each console section's
 * layout wraps its pages in it, so a page reached by a link from the phone's
 * summary (whose frame carries only the nav bar's words) brings its own.
 */
export async function ClientWords({
  namespaces = CONSOLE_CLIENT_NAMESPACES,
  children,
}: {
  namespaces?: readonly string[];
  children: React.ReactNode;
}) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const picked = Object.fromEntries(namespaces.filter((n) => n in messages).map((n) => [n, messages[n]]));
  return (
    <NextIntlClientProvider locale={locale} messages={picked} timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}>
      {children}
    </NextIntlClientProvider>
  );
}
