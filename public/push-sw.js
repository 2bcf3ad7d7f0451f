// Warroom's push service worker: shows what the server pushed (server/services/push/send-push.ts,
// { title, body, url, tag, severity }) and opens the incident on a tap. Registered by the phone
// page's "Notify me on this device" (app/_home/notify-this-device.tsx).
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: 'Warroom', body: event.data ? event.data.text() : '' };
  }
  const title = data.title || 'Warroom';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: data.body || '',
      tag: data.tag,
      // A later push about the same incident replaces the earlier one, and still buzzes.
      renotify: Boolean(data.tag),
      requireInteraction: data.severity === 'SEV1',
      icon: '/icon-192.png',
      badge: '/icon-192.png',
      data: { url: data.url || '/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || '/';
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((list) => {
      for (const c of list) {
        if (c.url === url && 'focus' in c) return c.focus();
      }
      return self.clients.openWindow(url);
    }),
  );
});
