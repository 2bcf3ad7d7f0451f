import { statusBadge } from '@/lib/status/feed';
import { publicStatusAnswer } from '@/server/http/public-status';

export const dynamic = 'force-dynamic';

/** An SVG badge of the page's state (anyone), for a README or another site. */
export async function GET(req: Request, { params }: { params: Promise<{ room: string }> }) {
  const { room } = await params;
  return publicStatusAnswer(req, room, 'badge', (s) => ({ body: statusBadge(s), type: 'image/svg+xml' }));
}
