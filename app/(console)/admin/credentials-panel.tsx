'use client';

import { useState, type FormEvent } from 'react';
import type { ADMIN, TCredentialInfo, TIssuedCredential } from '@/lib/api/admin';
import type { TBodyOf } from '@/lib/api/contract';
import { call, errorText } from '@/lib/client/api';
import { BUTTON, INPUT, when } from './ui';
import { useAdminMutation, useCredentialsQuery } from './use-admin';

const KIND_LABEL = { token: 'personal token', ingest: 'ingest key', display: 'display link' } as const;
type TIssued = TIssuedCredential;

export function CredentialsPanel() {
  const [showRevoked, setShowRevoked] = useState(false);
  const creds = useCredentialsQuery(showRevoked);
  const issue = useAdminMutation((body: TBodyOf<typeof ADMIN.issueCredential>) => call<typeof ADMIN.issueCredential>('POST', '/api/v1/admin/credentials', { body }));
  const revoke = useAdminMutation((i: { id: string }) => call<typeof ADMIN.revokeCredential>('DELETE', '/api/v1/admin/credentials/{id}', { params: { id: i.id } }));
  const [issued, setIssued] = useState<TIssued | null>(null);

  async function onIssue(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const input: Record<string, string> = { kind: String(f.get('kind')) };
    // The server names any bad field; the form only collects what was typed.
    for (const k of ['name', 'email', 'room']) {
      const v = String(f.get(k) ?? '').trim();
      if (v) input[k] = v;
    }
    setIssued(await issue.mutateAsync(input as TBodyOf<typeof ADMIN.issueCredential>).catch(() => null));
  }

  return (
    <section aria-labelledby="keys" className="space-y-3">
      <h2 id="keys" className="text-lg font-semibold">Tokens, ingest keys and display links</h2>
      <form onSubmit={onIssue} className="flex flex-wrap gap-2" aria-label="Issue a credential">
        <select name="kind" aria-label="Kind" defaultValue="display" className={INPUT}>
          <option value="token">personal token</option>
          <option value="ingest">ingest key</option>
          <option value="display">display link</option>
        </select>
        <input name="name" placeholder="what it is for" aria-label="Name" className={INPUT} />
        <input name="email" type="email" placeholder="user email (token)" aria-label="User email" className={INPUT} />
        <input name="room" placeholder="room slug" aria-label="Room" className={INPUT} />
        <button type="submit" className={BUTTON} disabled={issue.isPending}>
          Issue
        </button>
      </form>
      {issue.error && <p role="alert" className="text-sm text-crit">{errorText(issue.error)}</p>}
      {issued && (
        <div data-testid="issued-secret" className="rounded-lg border border-warn/60 bg-warn/10 p-3 text-sm">
          <p className="mb-1 font-medium">New {KIND_LABEL[issued.credential.kind]}: copy it now, it is not shown again.</p>
          <code className="block break-all font-mono">{issued.url ?? issued.secret}</code>
        </div>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} /> show revoked
      </label>
      {revoke.error && <p role="alert" className="text-sm text-crit">{errorText(revoke.error)}</p>}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-dim">
            <tr>
              <th className="p-2">Kind</th>
              <th className="p-2">Prefix</th>
              <th className="p-2">Name</th>
              <th className="p-2">For</th>
              <th className="p-2">Created</th>
              <th className="p-2">Last used</th>
              <th className="p-2" />
            </tr>
          </thead>
          <tbody>
            {creds.data?.credentials.map((c: TCredentialInfo) => (
              <tr key={c.id} data-testid={`cred-${c.id}`} className="border-t border-edge">
                <td className="p-2">{KIND_LABEL[c.kind]}</td>
                <td className="p-2 font-mono">{c.prefix}…</td>
                <td className="p-2">{c.name}</td>
                <td className="p-2">{c.user?.email ?? c.room?.slug ?? 'any room'}</td>
                <td className="p-2">{when(c.createdAt)}</td>
                <td className="p-2">{when(c.lastUsedAt)}</td>
                <td className="p-2">
                  {c.revokedAt ? (
                    `revoked ${when(c.revokedAt)}`
                  ) : (
                    <button type="button" className={BUTTON} disabled={revoke.isPending} onClick={() => revoke.mutate({ id: c.id })}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
