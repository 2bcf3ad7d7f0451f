import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

type TTitleKey =
  | 'admin'
  | 'incidents'
  | 'incident'
  | 'handover'
  | 'report'
  | 'probes'
  | 'settings'
  | 'servers'
  | 'signIn'
  | 'welcome'
  | 'setup'
  | 'signOut'
  | 'apiDocs'
  | 'rooms'
  | 'status'
  | 'notifications'
  | 'help';

/**
 * A page's `generateMetadata`: its title in the reader's language (the
 * `titles` catalogue namespace), so a tab or a bookmark reads like the page.
 */
export function titled(key: TTitleKey): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations('titles');
    return { title: `${t(key)} · Warroom` };
  };
}
