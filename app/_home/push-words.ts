import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import type { TLocale } from '@/lib/format/number';

/** The phone's push control words of both catalogues, handed from the server page (the catalogues stay out of the bundle). */
export const PUSH_WORDS = { en: en.phonePush, zh: zh.phonePush } satisfies Record<TLocale, Record<string, string>>;
export type TPushWords = (typeof PUSH_WORDS)['en'];
