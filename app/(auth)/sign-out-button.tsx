'use client';

import { useState } from 'react';

/** Ends the session (Better Auth deletes its row) and goes to /login. Usable from any page; words come from the caller's language. */
export function SignOutButton({
  className,
  label = 'Sign out',
  busyLabel = 'Signing out…',
}: {
  className?: string;
  label?: string;
  busyLabel?: string;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={busy}
      data-testid="sign-out"
      onClick={async () => {
        setBusy(true);
        await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(
          () => null,
        );
        window.location.assign('/login');
      }}
    >
      {busy ? busyLabel : label}
    </button>
  );
}
