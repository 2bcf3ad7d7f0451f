'use client';

import { useTranslations } from 'next-intl';
import type { TErrorDetail } from '@/lib/errors';

/**
 * A field error as a sentence in the person's language: "Title is required",
 * "请填写标题" — the field's label, never its raw name ("title: required").
 * Needs the `fields` and `errors` namespaces.
 */
export function useErrorWords() {
  const tf = useTranslations('fields');
  const te = useTranslations('errors');
  const label = (field: string) => {
    const last =
      field
        .split('.')
        .filter((p) => !/^\d+$/.test(p))
        .pop() ?? '';
    const key = last.replace(/[()]/g, '');
    return tf.has(key) ? tf(key) : tf('form');
  };
  return (d: TErrorDetail): string => {
    const field = label(d.field);
    if (d.message.startsWith('required')) return te('required', { field });
    const max = /^at most (\d+) characters/.exec(d.message);
    if (max) return te('tooLong', { field, max: Number(max[1]) });
    // "must be SEV1, SEV2, SEV3 or SEV4": a choice among listed values.
    if (/^must be [\w-]+(, [\w-]+)* or [\w-]+$/.test(d.message) || d.message.startsWith('Invalid option')) return te('invalid', { field });
    // The channel API's URL and address checks (lib/api/notifications.ts), so a Chinese form reads Chinese.
    if (d.message === 'must be an http(s) URL') return te('httpUrl', { field });
    if (d.message === 'must be email addresses') return te('emails', { field });
    return te('other', { field, message: d.message });
  };
}

/** Any failed call in words: its field details through useErrorWords, else its message. */
export function useApiErrorText() {
  const words = useErrorWords();
  const te = useTranslations('errors');
  return (err: unknown): string => {
    // An archived room refuses every write: say so, not the field it named.
    if ((err as { code?: string } | null)?.code === 'room_archived') return te('roomArchived');
    const details = (err as { details?: TErrorDetail[] } | null)?.details;
    if (Array.isArray(details) && details.length) return details.map(words).join('; ');
    return err instanceof Error ? err.message : String(err);
  };
}
