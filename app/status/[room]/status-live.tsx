'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { SOCKET_RECONNECT } from '@/lib/socket-reconnect';

/**
 * Keeps the public page live: a read-only socket on the /status namespace
 * (no credential; it can only receive this page's summary). When the page's
 * content hash moves, the server-rendered page is fetched again in place.
 * socket.io-client loads after the page, so it never delays the first paint.
 */
export function StatusLive({ slug, etag, liveWord, offlineWord }: { slug: string; etag: string; liveWord: string; offlineWord: string }) {
  const router = useRouter();
  const current = useRef(etag);
  const [live, setLive] = useState(false);
  current.current = etag;
  useEffect(() => {
    let closed = false;
    let close = () => {};
    void import('socket.io-client').then(({ io }) => {
      if (closed) return;
      const socket = io('/status', { path: '/socket.io', transports: ['websocket'], auth: { room: slug }, ...SOCKET_RECONNECT });
      socket.on('connect', () => setLive(true));
      socket.on('disconnect', () => setLive(false));
      socket.on('status:changed', (p: { etag: string }) => {
        if (p.etag !== current.current) router.refresh();
      });
      close = () => socket.disconnect();
    });
    return () => {
      closed = true;
      close();
    };
  }, [slug, router]);
  return (
    <span data-testid="status-live" data-live={live ? 'yes' : 'no'} aria-live="polite">
      {live ? liveWord : offlineWord}
    </span>
  );
}
