import { CAPACITY_WORDS } from '@/app/_components/capacity-words';
import { pageLocale } from '@/app/_lang/page-lang';
import { WallScreen } from './wall-screen';

export const dynamic = 'force-dynamic';

/** The wall display of the default room. */
export default async function WallPage({ searchParams }: { searchParams: Promise<{ key?: string }> }) {
  const { key } = await searchParams;
  return <WallScreen slug={undefined} displayKey={key ?? null} capacityWords={CAPACITY_WORDS} initialLocale={await pageLocale()} />;
}
