/**
 * fast-check arbitraries for the fuzz suite: valid and near-valid inputs
 * generated from the zod request schemas (through their JSON Schema), and
 * hostile values of every shape (odd strings, numbers, nesting, encodings).
 */
import fc from 'fast-check';
import { z } from 'zod';

type TJson = null | boolean | number | string | TJson[] | { [k: string]: TJson };
// biome-ignore lint/suspicious/noExplicitAny: a JSON Schema document is read field by field
type TSchema = Record<string, any>;

/** Strings that have broken parsers before: encodings, huge, control and RTL characters, SQL and HTML. */
export const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '%ff',
    '%00',
    '..',
    '../..',
    "'; DROP TABLE x;--",
    '<script>alert(1)</script>',
    '\u202e',
    '\u0000',
    '𝕏'.repeat(3),
    'null',
    'undefined',
    '[]',
    '{}',
    'NaN',
    '-1',
    '0',
    '1e309',
    '9'.repeat(40),
  ),
  fc.integer({ min: 200, max: 5000 }).map((n) => 'x'.repeat(n)),
);

export const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, 1e308),
);

/** Any JSON value, with the nasty leaves above. */
export const anyJson: fc.Arbitrary<TJson> = fc.letrec<{ v: TJson }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    nastyNumber,
    nastyString,
    fc.array(tie('v'), { maxLength: 5 }),
    fc.dictionary(nastyString, tie('v'), { maxKeys: 5 }),
  ),
})).v;

/** Values that satisfy a JSON Schema, as far as a generator can tell (patterns by stringMatching). */
function fromJsonSchema(s: TSchema, depth = 0): fc.Arbitrary<TJson> {
  if (!s || depth > 6) return anyJson;
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (Array.isArray(alts) && alts.length) return fc.oneof(...alts.map((a: TSchema) => fromJsonSchema(a, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      if (s.format === 'email') return fc.emailAddress().filter((e) => e.length <= (s.maxLength ?? 254));
      if (s.format === 'date-time')
        return fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString());
      if (s.pattern) {
        try {
          // Fitted to the length bounds by padding with the first character or cutting, never by a
          // filter: a filter that rarely passes (base64 keys of at least 16 characters, where the
          // generator makes short strings) spins synchronously, so no test timeout can fire.
          const min = s.minLength ?? 0;
          const max = s.maxLength ?? 10_000;
          return fc
            .stringMatching(new RegExp(s.pattern))
            .map((x) => (x.length < min ? (x[0] ?? 'a').repeat(min - x.length) + x : x.slice(0, max)));
        } catch {
          /* a pattern fast-check cannot drive: plain strings below */
        }
      }
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 60) });
    }
    case 'integer':
      return fc.integer({
        min: Math.max(s.minimum ?? (s.exclusiveMinimum ?? -1e6) + (s.exclusiveMinimum !== undefined ? 1 : 0), -1e9),
        max: Math.min(s.maximum ?? 1e6, 1e12),
      });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromJsonSchema(s.items ?? {}, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'object': {
      const props: Record<string, TSchema> = s.properties ?? {};
      const required = new Set<string>(s.required ?? []);
      const entries = Object.entries(props).map(([k, v]) => [k, fromJsonSchema(v, depth + 1)] as const);
      if (entries.length === 0) return fc.constant({});
      return fc.record(Object.fromEntries(entries), { requiredKeys: [...required].filter((k) => k in props) }) as fc.Arbitrary<TJson>;
    }
    default:
      return anyJson;
  }
}

/** One small change that makes a valid input (probably) invalid. */
function mutate(valid: fc.Arbitrary<TJson>): fc.Arbitrary<TJson> {
  return fc.tuple(valid, fc.nat(), anyJson, nastyString).map(([v, n, junk, key]) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return junk;
    const o = { ...v } as Record<string, TJson>;
    const keys = Object.keys(o);
    switch (n % 4) {
      case 0:
        if (keys.length) delete o[keys[n % keys.length]!];
        return o;
      case 1:
        o[key || 'extra'] = junk;
        return o;
      case 2:
        if (keys.length) o[keys[n % keys.length]!] = junk;
        return o;
      default:
        if (keys.length) o[keys[n % keys.length]!] = 'x'.repeat(20_000);
        return o;
    }
  });
}

/** Valid, near-valid and hostile values for a zod schema (hostile only without one). */
export function inputsFor(schema: z.ZodType | undefined): fc.Arbitrary<TJson> {
  if (!schema) return anyJson;
  let js: TSchema;
  try {
    js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as TSchema;
  } catch {
    return anyJson;
  }
  const valid = fromJsonSchema(js);
  return fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: mutate(valid), weight: 3 }, { arbitrary: anyJson, weight: 1 });
}
