/**
 * The catalogue namespaces the console's client components read (the
 * sections' layouts hand these to NextIntlClientProvider through
 * app/(console)/_lang/client-words.tsx; the auth pages' and the API docs'
 * words stay on the server).
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

/**
 * What every console page's frame reads on the client: the nav bar and the
 * escalation banner (app/(console)/layout.tsx). The phone's summary (`/`)
 * gets these only: its own words come from the server as props, and the
 * whole console's catalogue was 26 kB of the page (8.7 kB gzip), a third of
 * its HTML. The sections below it (incidents, rooms, admin, help) add the rest.
 */
export const SHELL_CLIENT_NAMESPACES = [
  'common',
  'nav',
  'escalation',
] as const satisfies readonly (typeof CONSOLE_CLIENT_NAMESPACES)[number][];
