import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';

/** Sign-in, setup, welcome and sign-out in the person's language; their forms get only these words. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const picked = { auth: messages.auth, fields: messages.fields, errors: messages.errors };
  return (
    <NextIntlClientProvider locale={locale} messages={picked}>
      <div lang={locale}>{children}</div>
    </NextIntlClientProvider>
  );
}
