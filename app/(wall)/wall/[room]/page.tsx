import { CAPACITY_WORDS } from '@/app/_components/capacity-words';
import { pageLocale } from '@/app/_lang/page-lang';
import { WallScreen } from '../wall-screen';

export const dynamic = 'force-dynamic';

/** The wall display of one room. */
export default async function RoomWallPage({
  params,
  searchParams,
}: {
  params: Promise<{ room: string }>;
  searchParams: Promise<{ key?: string }>;
}) {
  const [{ room }, { key }] = await Promise.all([params, searchParams]);
  return <WallScreen slug={room} displayKey={key ?? null} capacityWords={CAPACITY_WORDS} initialLocale={await pageLocale()} />;
}
