'use client';

import { useState } from 'react';
import { ApiError, api } from '@/lib/client/api';
import { fill } from '@/lib/i18n/fill';

type TWords = { heading: string; label: string; button: string; note: string; sent: string; failed: string };

/**
 * The email subscription form of the public page (shown only when the install
 * has a mail server). It asks; the confirmation mail's link does the rest.
 */
export function SubscribeForm({ slug, words, locale }: { slug: string; words: TWords; locale: string }) {
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'sent' } | { kind: 'failed'; reason: string }>({ kind: 'idle' });
  return (
    <section aria-labelledby="subscribe" className="mt-8 rounded border border-edge p-4">
      <h2 id="subscribe" className="text-lg font-semibold">
        {words.heading}
      </h2>
      <form
        className="mt-3 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const email = String(new FormData(e.currentTarget).get('email') ?? '');
          setState({ kind: 'busy' });
          api.status
            .subscribe({ params: { room: slug }, body: { email } })
            .then(() => setState({ kind: 'sent' }))
            .catch((err: unknown) => setState({ kind: 'failed', reason: err instanceof ApiError ? err.message : String(err) }));
        }}
      >
        <label className="flex flex-col text-sm">
          {words.label}
          <input
            name="email"
            type="email"
            required
            autoComplete="email"
            className="mt-1 rounded border border-edge bg-transparent px-2 py-1"
          />
        </label>
        <button type="submit" disabled={state.kind === 'busy'} className="rounded border border-edge px-3 py-1">
          {words.button}
        </button>
      </form>
      <p className="mt-2 text-sm text-dim" role="status">
        {state.kind === 'sent' ? words.sent : state.kind === 'failed' ? fill(words.failed, { reason: state.reason }, locale) : words.note}
      </p>
    </section>
  );
}
