'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { detailsFromZodError, type TErrorDetail } from '@/lib/errors';
import { newIdempotencyKey, useCreateIncidentMutation } from '@/lib/client/use-incidents-actions';
import { ApiError } from '@/lib/client/api';
import { SEVERITIES } from '@/lib/incidents';
import { ZCreateIncident } from '@/lib/api/incident-requests';
import { FieldErrors, INPUT, PANEL, PRIMARY } from './_components/ui';

/**
 * Opens an incident. Checked with the API's own zod schema before sending,
 * so the messages are the ones the API would give; one Idempotency-Key per
 * submission makes a double click or a retry create one incident.
 */
export function NewIncidentForm({ room, onDone }: { room?: string; onDone: () => void }) {
  const t = useTranslations('incidents.form');
  const tf = useTranslations('fields');
  const tc = useTranslations('common');
  const router = useRouter();
  const create = useCreateIncidentMutation();
  const [errors, setErrors] = useState<TErrorDetail[]>([]);
  const [key, setKey] = useState(newIdempotencyKey);

  async function submit(form: HTMLFormElement) {
    const f = new FormData(form);
    const raw = {
      title: String(f.get('title') ?? ''),
      severity: String(f.get('severity') ?? ''),
      summary: String(f.get('summary') ?? '') || undefined,
      ...(room ? { room } : {}),
    };
    const parsed = ZCreateIncident.safeParse(raw);
    if (!parsed.success) return setErrors(detailsFromZodError(parsed.error));
    setErrors([]);
    try {
      const inc = await create.mutateAsync({ input: parsed.data, idempotencyKey: key });
      setKey(newIdempotencyKey());
      onDone();
      router.push(`/incidents/${inc.number}${room ? `?room=${encodeURIComponent(room)}` : ''}`);
    } catch (err) {
      setErrors(err instanceof ApiError && err.details.length ? err.details : [{ field: 'form', message: (err as Error).message }]);
    }
  }

  const bad = (field: string) => errors.some((e) => e.field === field);
  return (
    <form
      className={`${PANEL} grid gap-3 p-3 md:grid-cols-[1fr_8rem]`}
      aria-label={t('label')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
    >
      <label className="grid gap-1 text-sm">
        {tf('title')}
        <input
          name="title"
          className={INPUT}
          aria-invalid={bad('title')} // biome-ignore lint/a11y/noAutofocus: the form opens on purpose to type a title
          autoFocus
          placeholder={t('titlePlaceholder')}
        />
      </label>
      <label className="grid gap-1 text-sm">
        {tf('severity')}
        <select name="severity" className={INPUT} aria-invalid={bad('severity')} defaultValue="">
          <option value="" disabled>
            {t('choose')}
          </option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s} · {tc(`severityName.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1 text-sm md:col-span-2">
        {t('summary')}
        <textarea name="summary" rows={2} className={`${INPUT} py-1`} aria-invalid={bad('summary')} />
      </label>
      <div className="flex items-center gap-3 md:col-span-2">
        <button type="submit" className={PRIMARY} disabled={create.isPending}>
          {create.isPending ? t('submitting') : t('submit')}
        </button>
        <FieldErrors errors={errors} />
      </div>
    </form>
  );
}
