import { CAPACITY_WORDS } from '@/app/_components/capacity-words';
import { getLocale } from 'next-intl/server';
import type { TLocale } from '@/lib/format/number';
import { HomeScreen } from '@/app/_home/home-screen';
import { loadHomeInitial } from '@/app/_home/initial-data';
import { PUSH_WORDS } from '@/app/_home/push-words';

// Per request: the first paint carries the signed-in person's live numbers.
export const dynamic = 'force-dynamic';

/** Home: on a phone, the manager's one-glance summary; on a laptop, the same as an overview. The console's nav bar sits above it, as on every console page. */
export default async function Home() {
  // The person's language (their pick, else their browser's), whatever the room's.
  const [initial, locale] = await Promise.all([loadHomeInitial(), getLocale()]);
  return (
    <HomeScreen initial={initial} capacityWords={CAPACITY_WORDS} pushWords={PUSH_WORDS[locale as TLocale]} locale={locale as TLocale} />
  );
}
