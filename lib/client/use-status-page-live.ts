'use client';

import { useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { STATUS_NAMESPACE, type StatusServerToClientEvents } from '../events';
import { SOCKET_RECONNECT } from '../socket-reconnect';

/**
 * The public status page's link: a read-only socket on the /status namespace
 * (no credential; it can only receive this page's summary). `onChanged` gets
 * each new content hash; the answer is whether the link is up. socket.io-client
 * loads after the page, so it never delays the first paint.
 */
export function useStatusPageLive(slug: string, onChanged: (etag: string) => void): boolean {
  const [live, setLive] = useState(false);
  const changed = useRef(onChanged);
  changed.current = onChanged;
  useEffect(() => {
    let closed = false;
    let close = () => {};
    void import('socket.io-client').then(({ io }) => {
      if (closed) return;
      const socket: Socket<StatusServerToClientEvents> = io(STATUS_NAMESPACE, {
        path: '/socket.io',
        transports: ['websocket'],
        auth: { room: slug },
        ...SOCKET_RECONNECT,
      });
      socket.on('connect', () => setLive(true));
      socket.on('disconnect', () => setLive(false));
      socket.on('status:changed', (p) => changed.current(p.etag));
      close = () => socket.disconnect();
    });
    return () => {
      closed = true;
      close();
    };
  }, [slug]);
  return live;
}
