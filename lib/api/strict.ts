import { z } from 'zod';

type TDef = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  defaultValue?: unknown;
  catchall?: z.ZodType;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: TDef } })._zod.def;

const cache = new WeakMap<z.ZodType, z.ZodType>();

/**
 * The same schema with every object strict, at every depth: a field the
 * contract does not name fails the parse. Answers are declared as plain
 * objects (clients must tolerate additions), but the server must not send
 * what it did not declare — a leaked column. Tests and development parse
 * every answer with this (server/http/route.ts, tests/helpers/contract.ts).
 */
export function strictAnswer<S extends z.ZodType>(schema: S): z.ZodType {
  const hit = cache.get(schema);
  if (hit) return hit;
  const d = defOf(schema);
  const s = (x: z.ZodType) => strictAnswer(x);
  let out: z.ZodType;
  switch (d.type) {
    case 'object':
      // a declared-open object (`.loose()`, e.g. the OpenAPI document) stays open
      if (d.catchall) {
        out = schema;
        break;
      }
      out = z.strictObject(Object.fromEntries(Object.entries(d.shape!).map(([k, v]) => [k, s(v)])));
      break;
    case 'array':
      out = z.array(s(d.element!));
      break;
    case 'optional':
      out = s(d.innerType!).optional();
      break;
    case 'nullable':
      out = s(d.innerType!).nullable();
      break;
    case 'default':
      out = s(d.innerType!).default(d.defaultValue as never);
      break;
    case 'union':
      out = d.discriminator
        ? z.discriminatedUnion(d.discriminator, d.options!.map(s) as [z.ZodObject, ...z.ZodObject[]])
        : z.union(d.options!.map(s) as [z.ZodType, ...z.ZodType[]]);
      break;
    case 'record':
      out = z.record(d.keyType as z.ZodString, s(d.valueType!));
      break;
    case 'tuple':
      out = z.tuple(d.items!.map(s) as [z.ZodType, ...z.ZodType[]]);
      break;
    default:
      out = schema;
  }
  cache.set(schema, out);
  return out;
}
