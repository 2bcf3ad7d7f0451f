import { publicStatusAnswer } from '@/server/http/public-status';

export const dynamic = 'force-dynamic';

/** The public page as Atlassian Statuspage's summary.json (anyone); ETag, Cache-Control, 404 while the page is off. */
export async function GET(req: Request, { params }: { params: Promise<{ room: string }> }) {
  const { room } = await params;
  return publicStatusAnswer(req, room, 'summary', (s) => ({ body: JSON.stringify(s.summary), type: 'application/json; charset=utf-8' }));
}
