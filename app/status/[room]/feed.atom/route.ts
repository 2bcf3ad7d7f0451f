import { atomFeed } from '@/lib/status/feed';
import { publicStatusAnswer } from '@/server/http/public-status';

export const dynamic = 'force-dynamic';

/** An Atom feed of the page's public incidents and their updates (anyone). */
export async function GET(req: Request, { params }: { params: Promise<{ room: string }> }) {
  const { room } = await params;
  return publicStatusAnswer(req, room, 'atom', (s) => ({ body: atomFeed(s), type: 'application/atom+xml; charset=utf-8' }));
}
