import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../incidents';
import { STATUS_WORDS } from './state-words';

describe('one vocabulary for statuses', () => {
  it.each(['en', 'zh'] as const)('the wall and phone say the statuses with the console catalogue’s words (%s)', (locale) => {
    const catalogue = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as { common: { status: Record<string, string> } };
    for (const s of STATUSES) expect(STATUS_WORDS[locale][s]).toBe(catalogue.common.status[s]);
  });
});
