import { describe, expect, it } from 'vitest';
import { readmeVariables } from '../tests/helpers/readme-config';
import { envValue, loadConfig } from './config';

describe('an empty environment variable means unset', () => {
  const names = readmeVariables();
  const base = { DATABASE_URL: 'file:/tmp/warroom-config-test.db', PORT: '0' };

  it('reads the README table', () => {
    expect(names).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'WARROOM_ADMIN_EMAIL', 'WARROOM_TRUST_PROXY']));
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  it.each(names)('%s= (and blanks) is the same as leaving it out', (name) => {
    const without = { ...base };
    delete (without as Record<string, string>)[name];
    const expected = loadConfig(without);
    expect(loadConfig({ ...base, [name]: '' })).toEqual(expected);
    expect(loadConfig({ ...base, [name]: '  ' })).toEqual(expected);
    expect(envValue(name, { [name]: '' })).toBeUndefined();
  });

  it('a non-empty bad value is still refused, by name', () => {
    expect(() => loadConfig({ WARROOM_ADMIN_EMAIL: 'nobody' })).toThrow(/WARROOM_ADMIN_EMAIL/);
  });
});
