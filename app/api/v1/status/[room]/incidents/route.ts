import { publicStatusAnswer } from '@/server/http/public-status';

export const dynamic = 'force-dynamic';

/** Public incidents, open and resolved, newest first (anyone); Statuspage's incidents.json shape. */
export async function GET(req: Request, { params }: { params: Promise<{ room: string }> }) {
  const { room } = await params;
  return publicStatusAnswer(req, room, 'incidents', (s) => ({
    body: JSON.stringify({
      page: s.summary.page,
      incidents: [...s.summary.incidents, ...s.past].sort((a, b) => b.created_at.localeCompare(a.created_at)),
    }),
    type: 'application/json; charset=utf-8',
  }));
}
