import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import type { TCapacityWords } from '@/lib/capacity/view';
import type { TLocale } from '@/lib/format/number';

/**
 * The capacity words of both catalogues, read by server pages and handed to
 * their client screens: the screens follow the room's language, known only
 * once the snapshot arrives, and the whole catalogues stay out of the phone's bundle.
 */
export const CAPACITY_WORDS: Record<TLocale, TCapacityWords> = { en: en.capacity, zh: zh.capacity };
