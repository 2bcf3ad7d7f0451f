'use client';

import { useState } from 'react';

/** Ends the session (Better Auth deletes its row) and goes to /login. Usable from any page. */
export function SignOutButton({ className }: { className?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => null);
        window.location.assign('/login');
      }}
    >
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
