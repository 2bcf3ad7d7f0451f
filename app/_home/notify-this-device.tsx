'use client';

import { useEffect, useState } from 'react';
import { api } from '@/lib/client/api';
import type { TLocale } from '@/lib/format/number';
import { SEVERITIES, type TSeverity } from '@/lib/incidents';
import { BUTTON, INPUT, PANEL, PRIMARY } from '@/app/_ui/controls';
import { fill } from '@/lib/i18n/fill';
import type { TPushWords } from './push-words';

/** What this browser remembers of its subscription: the server's id (to turn it off) and what it asked for. */
const STORE = 'warroom.push';
const WORKER = '/push-sw.js';

type TState = 'checking' | 'unsupported' | 'denied' | 'off' | 'on' | 'working';
type TSaved = { id: string; endpoint: string; room: string; minSeverity: TSeverity };

function readSaved(): TSaved | null {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? 'null') as TSaved | null;
  } catch {
    return null;
  }
}

/** The VAPID key as PushManager.subscribe() takes it. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

const supported = () =>
  typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

async function currentSubscription(): Promise<PushSubscription | null> {
  const reg = await navigator.serviceWorker.getRegistration('/');
  return (await reg?.pushManager.getSubscription()) ?? null;
}

/**
 * "Notify me on this device": asks the browser's permission, registers the
 * push service worker, subscribes with the server's VAPID key and saves the
 * subscription for this person with the room and a least severity. Turning
 * it off removes it on the server and in the browser.
 */
export function NotifyThisDevice({ room, roomName, locale, t }: { room: string; roomName: string; locale: TLocale; t: TPushWords }) {
  const [state, setState] = useState<TState>('checking');
  const [saved, setSaved] = useState<TSaved | null>(null);
  const [minSeverity, setMinSeverity] = useState<TSeverity>('SEV2');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!supported()) {
      setState('unsupported');
      return;
    }
    if (Notification.permission === 'denied') {
      setState('denied');
      return;
    }
    let gone = false;
    void currentSubscription()
      .then((sub) => {
        if (gone) return;
        const s = readSaved();
        const on = sub !== null && s !== null && s.endpoint === sub.endpoint;
        setSaved(on ? s : null);
        if (on && s) setMinSeverity(s.minSeverity);
        setState(on ? 'on' : 'off');
      })
      .catch(() => !gone && setState('off'));
    return () => {
      gone = true;
    };
  }, []);

  async function turnOn() {
    setError(null);
    setState('working');
    try {
      if ((await Notification.requestPermission()) !== 'granted') {
        setState('denied');
        return;
      }
      const reg = await navigator.serviceWorker.register(WORKER, { scope: '/' });
      await navigator.serviceWorker.ready;
      const { publicKey } = await api.push.vapidPublicKey();
      const sub =
        (await reg.pushManager.getSubscription()) ??
        (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
      const json = sub.toJSON() as { endpoint: string; expirationTime?: number | null; keys: { p256dh: string; auth: string } };
      const { subscription } = await api.push.saveSubscription({
        body: {
          endpoint: json.endpoint,
          expirationTime: json.expirationTime ?? null,
          keys: json.keys,
          rooms: [room],
          minSeverity,
          language: locale,
        },
      });
      const s: TSaved = { id: subscription.id, endpoint: json.endpoint, room, minSeverity };
      localStorage.setItem(STORE, JSON.stringify(s));
      setSaved(s);
      setState('on');
    } catch (err) {
      setError(fill(t.failed, { message: err instanceof Error ? err.message : String(err) }, locale));
      setState('off');
    }
  }

  async function turnOff() {
    setError(null);
    setState('working');
    try {
      // Gone on the server already (a 410 removed it, or another device took it over): off either way.
      if (saved) await api.push.removeSubscription({ params: { id: saved.id } }).catch(() => undefined);
      await (await currentSubscription())?.unsubscribe();
    } finally {
      localStorage.removeItem(STORE);
      setSaved(null);
      setState('off');
    }
  }

  // While the browser is asked what it has, the section is drawn as it is most often found (off), its
  // controls held: the server's HTML carries it, so it paints with the rest of the page, and nothing
  // moves or appears after the page has loaded.
  const held = state === 'working' || state === 'checking';
  return (
    <section className={`${PANEL} flex flex-col gap-2 p-3 text-sm`} aria-labelledby="notify-device-title" data-testid="notify-device">
      <h2 id="notify-device-title" className="font-semibold">
        {t.title}
      </h2>
      {state === 'unsupported' ? (
        <p>{t.unsupported}</p>
      ) : state === 'denied' ? (
        <p role="status">{t.denied}</p>
      ) : state === 'on' && saved ? (
        <>
          <p role="status">{fill(t.on, { severity: saved.minSeverity, room: roomName }, locale)}</p>
          <button type="button" className={`${BUTTON} min-h-11 self-start`} onClick={() => void turnOff()}>
            {t.turnOff}
          </button>
        </>
      ) : (
        <>
          <p>{t.explain}</p>
          <div className="flex flex-wrap items-center gap-2">
            <label className="flex min-h-11 items-center gap-2">
              {t.minSeverity}
              <select className={INPUT} value={minSeverity} onChange={(e) => setMinSeverity(e.target.value as TSeverity)} disabled={held}>
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className={`${BUTTON} ${PRIMARY} min-h-11`} onClick={() => void turnOn()} disabled={held}>
              {state === 'working' ? t.working : t.turnOn}
            </button>
          </div>
          <p className="text-dim">{t.chatHint}</p>
        </>
      )}
      {error ? (
        <p role="alert" className="text-crit">
          {error}
        </p>
      ) : null}
    </section>
  );
}
