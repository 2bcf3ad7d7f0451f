'use client';

import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { useStatusPageLive } from '@/lib/client/use-status-page-live';

/** Keeps the public page live: when the page's content hash moves, the server-rendered page is fetched again in place. */
export function StatusLive({ slug, etag, liveWord, offlineWord }: { slug: string; etag: string; liveWord: string; offlineWord: string }) {
  const router = useRouter();
  const current = useRef(etag);
  current.current = etag;
  const live = useStatusPageLive(slug, (next) => {
    if (next !== current.current) router.refresh();
  });
  return (
    <span data-testid="status-live" data-live={live ? 'yes' : 'no'} aria-live="polite">
      {live ? liveWord : offlineWord}
    </span>
  );
}
