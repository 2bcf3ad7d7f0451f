import { describe, expect, it } from 'vitest';
import { chooseLocale } from './locale';

describe('chooseLocale', () => {
  it('follows the browser when there is no override', () => {
    expect(chooseLocale(undefined, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(chooseLocale(undefined, 'en-US,en;q=0.9')).toBe('en');
    expect(chooseLocale(undefined, 'fr-FR,zh-TW;q=0.5,en;q=0.4')).toBe('zh');
    expect(chooseLocale(undefined, 'en;q=0.2,zh;q=0.9')).toBe('zh');
  });
  it('lets the override cookie win', () => {
    expect(chooseLocale('en', 'zh-CN')).toBe('en');
    expect(chooseLocale('zh', 'en-US')).toBe('zh');
  });
  it('falls back to English for unknown or missing languages', () => {
    expect(chooseLocale('klingon', 'fr-FR')).toBe('en');
    expect(chooseLocale(null, null)).toBe('en');
    expect(chooseLocale(undefined, 'zh;q=0')).toBe('en');
  });
});
