import type { Metadata, Viewport } from 'next';
import './globals.css';
import { HTML_LANG, pageLocale } from './_lang/page-lang';
import { Providers } from './providers';

// Every page renders per request: the CSP nonce (proxy.ts) is new each time,
// and Next can stamp it only on scripts of a page it renders now.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Warroom',
  description: 'Live numbers and the incident log for launch nights and production incidents.',
  // Installable on a manager's phone (PWA): manifest, icons and colours in public/.
  manifest: '/manifest.webmanifest',
  icons: {
    icon: [
      { url: '/icon.svg', type: 'image/svg+xml' },
      { url: '/icon-192.png', sizes: '192x192', type: 'image/png' },
    ],
    apple: '/apple-touch-icon.png',
  },
  appleWebApp: { capable: true, title: 'Warroom', statusBarStyle: 'black-translucent' },
};

export const viewport: Viewport = {
  themeColor: '#070a0e',
  width: 'device-width',
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={HTML_LANG[await pageLocale()]}>
      <body className="min-h-screen font-sans antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
