'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { ADMIN, TCredentialInfo, TIssuedCredential } from '@/lib/api/admin';
import type { TBodyOf } from '@/lib/api/contract';
import { api } from '@/lib/client/api';
import { useApiErrorText } from '@/app/_ui/use-error-words';
import { BUTTON, INPUT, useWhen } from './ui';
import { useAdminMutation, useCredentialsQuery } from './use-admin';

type TIssued = TIssuedCredential;

export function CredentialsPanel() {
  const t = useTranslations('admin');
  const tf = useTranslations('fields');
  const when = useWhen();
  const errorText = useApiErrorText();
  const [showRevoked, setShowRevoked] = useState(false);
  const creds = useCredentialsQuery(showRevoked);
  const issue = useAdminMutation((body: TBodyOf<typeof ADMIN.issueCredential>) => api.admin.issueCredential({ body }));
  const revoke = useAdminMutation((i: { id: string }) => api.admin.revokeCredential({ params: { id: i.id } }));
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
      <h2 id="keys" className="text-lg font-semibold">
        {t('keys')}
      </h2>
      <form onSubmit={onIssue} className="flex flex-wrap gap-2" aria-label={t('issueLabel')}>
        <select name="kind" aria-label={tf('kind')} defaultValue="display" className={INPUT}>
          <option value="token">{t('kind.token')}</option>
          <option value="ingest">{t('kind.ingest')}</option>
          <option value="display">{t('kind.display')}</option>
        </select>
        <input name="name" placeholder={t('namePlaceholder')} aria-label={tf('name')} className={INPUT} />
        <input name="email" type="email" placeholder={t('emailPlaceholder')} aria-label={tf('email')} className={INPUT} />
        <input name="room" placeholder={t('roomPlaceholder')} aria-label={tf('room')} className={INPUT} />
        <button type="submit" className={BUTTON} disabled={issue.isPending}>
          {t('issue')}
        </button>
      </form>
      {issue.error && (
        <p role="alert" className="text-sm text-crit">
          {errorText(issue.error)}
        </p>
      )}
      {issued && (
        <div data-testid="issued-secret" className="rounded-lg border border-warn/60 bg-warn/10 p-3 text-sm">
          <p className="mb-1 font-medium">{t('copyNow', { kind: t(`kind.${issued.credential.kind}`) })}</p>
          <code className="block break-all font-mono">{issued.url ?? issued.secret}</code>
        </div>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} /> {t('showRevoked')}
      </label>
      {revoke.error && (
        <p role="alert" className="text-sm text-crit">
          {errorText(revoke.error)}
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-dim">
            <tr>
              <th className="p-2">{tf('kind')}</th>
              <th className="p-2">{t('prefix')}</th>
              <th className="p-2">{tf('name')}</th>
              <th className="p-2">{t('for')}</th>
              <th className="p-2">{t('created')}</th>
              <th className="p-2">{t('lastUsed')}</th>
              <th className="p-2" />
            </tr>
          </thead>
          <tbody>
            {creds.data?.credentials.map((c: TCredentialInfo) => (
              <tr key={c.id} data-testid={`cred-${c.id}`} className="border-t border-edge">
                <td className="p-2">{t(`kind.${c.kind}`)}</td>
                <td className="p-2 font-mono">{c.prefix}…</td>
                <td className="p-2" translate="no">
                  {c.name}
                </td>
                {/* an address or a room's slug is a name, not words to translate */}
                <td className="p-2" translate={c.user || c.room ? 'no' : undefined}>
                  {c.user?.email ?? c.room?.slug ?? t('anyRoom')}
                </td>
                <td className="p-2">{when(c.createdAt)}</td>
                <td className="p-2">{when(c.lastUsedAt)}</td>
                <td className="p-2">
                  {c.revokedAt ? (
                    t('revoked', { when: when(c.revokedAt) })
                  ) : (
                    <button type="button" className={BUTTON} disabled={revoke.isPending} onClick={() => revoke.mutate({ id: c.id })}>
                      {t('revoke')}
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
