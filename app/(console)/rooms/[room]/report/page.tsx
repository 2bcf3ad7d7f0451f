import { ReportScreen } from './report-screen';
import { titled } from '@/lib/i18n/page-title';

export const generateMetadata = titled('report');
export const dynamic = 'force-dynamic';

/**
 * The night report, printable. Signed-in people read it with their session;
 * a display link (?key=, as on the wall) reads it too, which is how the CLI
 * prints it to PDF. The API checks every read. `?at=` opens the replay at that moment.
 */
export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ room: string }>;
  searchParams: Promise<{ key?: string; from?: string; to?: string; at?: string }>;
}) {
  const [{ room }, q] = await Promise.all([params, searchParams]);
  return <ReportScreen slug={room} displayKey={q.key ?? null} from={q.from ?? null} to={q.to ?? null} at={q.at ?? null} />;
}
