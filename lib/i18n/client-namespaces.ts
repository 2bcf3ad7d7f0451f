/**
 * The catalogue namespaces the console's client components read
 * (app/(console)/layout.tsx hands only these to NextIntlClientProvider; the
 * auth pages' and the API docs' words stay on the server).
 * lib/i18n/client-namespaces.test.ts fails when a client component uses one not listed.
 */
export const CONSOLE_CLIENT_NAMESPACES = [
  'common',
  'nav',
  'fields',
  'errors',
  'incidents',
  'incident',
  'escalation',
  'admin',
  'servers',
  'settings',
  'handover',
  'report',
  'probes',
  'capacity',
  'rooms',
  'statusAdmin',
  'statusPage',
  'notifications',
] as const;
