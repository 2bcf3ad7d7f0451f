import format from 'icu-minify/format';
import type { CompiledMessage } from 'icu-minify/format';

/**
 * A catalogue message handed over as it is (words a server page gives a
 * client screen, a mail's words), with its `{placeholders}` filled in.
 *
 * Inside the Next build the catalogues are precompiled (next.config.js: the
 * ICU parser stays out of every page's JavaScript), so a message with an
 * argument arrives as icu-minify's compiled form and is formatted by its
 * runtime; outside it (the custom server's own code, the unit tests) the
 * catalogue is the JSON file and a message is its ICU string, whose simple
 * `{name}` arguments are all that words filled here use.
 */
export function fill(message: string | CompiledMessage, values: Record<string, string | number>, locale: string): string {
  if (typeof message === 'string') return message.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
  const out = format<string>(message, locale, values, FORMATTERS);
  return Array.isArray(out) ? out.join('') : out;
}

const FORMATTERS = {
  formatters: {
    getDateTimeFormat: (...a: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...a),
    getNumberFormat: (...a: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...a),
    getPluralRules: (...a: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...a),
  },
};
