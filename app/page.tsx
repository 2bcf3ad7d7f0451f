import { CAPACITY_WORDS } from './_components/capacity-words';
import { HomeScreen } from './_home/home-screen';
import { loadHomeInitial } from './_home/initial-data';

// Per request: the first paint carries the signed-in person's live numbers.
export const dynamic = 'force-dynamic';

/** Home: on a phone, the manager's one-glance summary; on a laptop, the same as an overview. */
export default async function Home() {
  return <HomeScreen initial={await loadHomeInitial()} capacityWords={CAPACITY_WORDS} />;
}
