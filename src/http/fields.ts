/**
 * zod field builders with the platform's input rules and messages (formerly the `Input` class's):
 * an absent, null or empty value is "missing"; numbers may arrive as numeric strings (query strings); strings are
 * trimmed; relationship ids may arrive as `{ id }`. Each builder names its field in its messages
 * (`amount is required.`, `amount must be greater than 0.`).
 */
import { z } from 'zod'

const blank = (v: unknown) => v === undefined || v === null || v === ''
const need = (name: string, what: string) => (iss: { input?: unknown }) => (iss.input === undefined ? `${name} is required.` : `${name} ${what}`)

export interface NumberRules {
  min?: number
  max?: number
  gt?: number
  integer?: boolean
  decimals?: number
}

function numberProblem(name: string, n: number, o: NumberRules): string | null {
  if (o.integer && !Number.isInteger(n)) return `${name} must be a whole number.`
  if (o.min !== undefined && n < o.min) return `${name} must be at least ${o.min}.`
  if (o.gt !== undefined && n <= o.gt) return `${name} must be greater than ${o.gt}.`
  if (o.max !== undefined && n > o.max) return `${name} must be at most ${o.max}.`
  if (o.decimals !== undefined && Math.abs(Math.round(n * 10 ** o.decimals) - n * 10 ** o.decimals) > 1e-6) return `${name} may have at most ${o.decimals} decimals.`
  return null
}

const toNumber = (v: unknown) => (blank(v) ? undefined : typeof v === 'string' ? (v.trim() === '' ? Number.NaN : Number(v)) : v)
const baseNumber = (name: string, o: NumberRules) =>
  z.number({ error: need(name, 'must be a number.') }).superRefine((n, ctx) => {
    const problem = numberProblem(name, n, o)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/** A required finite number. */
export const num = (name: string, o: NumberRules = {}) => z.preprocess(toNumber, baseNumber(name, o))
/** An optional number (`undefined` when missing). */
export const optNum = (name: string, o: NumberRules = {}) => z.preprocess(toNumber, baseNumber(name, o).optional())
/** A number with a default when missing. */
export const numOr = (name: string, fallback: number, o: NumberRules = {}) => z.preprocess(toNumber, baseNumber(name, o).default(fallback))

export interface StringRules {
  min?: number
  max?: number
  pattern?: RegExp
  patternMessage?: string
}

const toString = (v: unknown) => (blank(v) || (typeof v === 'string' && v.trim() === '') ? undefined : typeof v === 'string' ? v.trim() : v)
const baseString = (name: string, o: StringRules) =>
  z.string({ error: need(name, 'must be a string.') }).superRefine((s, ctx) => {
    let problem: string | null = null
    if (o.min !== undefined && s.length < o.min) problem = `${name} must be at least ${o.min} characters.`
    else if (o.max !== undefined && s.length > o.max) problem = `${name} must be at most ${o.max} characters.`
    else if (o.pattern && !o.pattern.test(s)) problem = o.patternMessage ?? `${name} has an invalid format.`
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/** A required non-blank string (trimmed). */
export const str = (name: string, o: StringRules = {}) => z.preprocess(toString, baseString(name, o))
/** An optional string (trimmed; blank → `undefined`). */
export const optStr = (name: string, o: StringRules = {}) => z.preprocess(toString, baseString(name, o).optional())

const toId = (v: unknown) => {
  const raw = v !== null && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v
  return blank(raw) ? undefined : Number(raw)
}
const baseId = (name: string) => z.number({ error: need(name, 'must be a valid id.') }).refine((n) => Number.isInteger(n) && n > 0, { message: `${name} must be a valid id.` })

/** What an id field's schema carries in its zod metadata: `references`, the collection a `ref()` names. */
export interface IdMeta {
  relationId: true
  references?: string
  /** A document the caller may not read is answered 404, as an unknown one (the endpoint's contract for unknown ids). */
  notFound?: true
}

/** A relationship id: a positive integer (numeric strings and `{ id }` accepted). */
export const id = (name: string) => z.preprocess(toId, baseId(name)).meta({ relationId: true } satisfies IdMeta)
export const optId = (name: string) => z.preprocess(toId, baseId(name).optional()).meta({ relationId: true } satisfies IdMeta)

/**
 * The id of a `collection` document the caller must be able to read (`defineEndpoint` answers 400 naming the field
 * otherwise, before `run`; 404 with `notFound`, where the endpoint answers an unknown id so): an endpoint cannot be
 * asked about, or made to act on, a document hidden from the caller, and tells a hidden one from an unknown one never.
 */
export const ref = (name: string, collection: string, o: { notFound?: true } = {}) => z.preprocess(toId, baseId(name)).meta({ relationId: true, references: collection, ...o } satisfies IdMeta)
export const optRef = (name: string, collection: string, o: { notFound?: true } = {}) =>
  z.preprocess(toId, baseId(name).optional()).meta({ relationId: true, references: collection, ...o } satisfies IdMeta)

const toDate = (v: unknown) => (blank(v) ? undefined : typeof v === 'string' || typeof v === 'number' ? new Date(v) : v)
const baseDate = (name: string) => z.date({ error: need(name, 'must be an ISO 8601 date-time.') })

/** A date-time (ISO 8601 string or epoch ms). */
export const date = (name: string) => z.preprocess(toDate, baseDate(name))
export const optDate = (name: string) => z.preprocess(toDate, baseDate(name).optional())

/** One of `values` (a select option). */
export const oneOf = <const T extends readonly [string, ...string[]]>(name: string, values: T) =>
  z.preprocess((v) => (blank(v) ? undefined : v), z.enum(values, { error: need(name, `must be one of: ${values.join(', ')}.`) }))
export const oneOfOr = <const T extends readonly [string, ...string[]]>(name: string, values: T, fallback: NoInfer<T[number]>) =>
  z.preprocess((v) => (blank(v) ? undefined : v), z.enum(values, { error: need(name, `must be one of: ${values.join(', ')}.`) }).default(fallback))

/** An optional object of which only `keys` are kept (anything else than an object is a 400). */
export const picked = <K extends string>(name: string, keys: readonly K[]) =>
  z
    .unknown()
    .transform((v, ctx): Partial<Record<K, unknown>> | undefined => {
      if (v === undefined || v === null) return undefined
      if (typeof v !== 'object' || Array.isArray(v)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be an object.` })
        return z.NEVER
      }
      const out: Partial<Record<K, unknown>> = {}
      for (const k of keys) if ((v as Record<string, unknown>)[k] !== undefined) out[k] = (v as Record<string, unknown>)[k]
      return out
    })
    .optional()

/** A boolean (`true`/`false`/`1`/`0` from query strings); missing → `fallback`. */
export const bool = (name: string, fallback: boolean) =>
  z.preprocess(
    (v) => (blank(v) ? fallback : v === true || v === 'true' || v === '1' ? true : v === false || v === 'false' || v === '0' ? false : v),
    z.boolean({ error: `${name} must be true or false.` }),
  )

/** An optional single query-string value (a repeated key is a 400). */
export const single = (name: string) => z.preprocess((v) => (blank(v) ? undefined : v), z.string({ error: `${name} must be a single value.` }).optional())

/** A polymorphic reference `{ relationTo, value }` among `collections`. */
export const polymorphic = <const T extends readonly [string, ...string[]]>(name: string, collections: T) =>
  z.object({ relationTo: oneOf(`${name}.relationTo`, collections), value: id(`${name}.value`) }, { error: `${name} must be { relationTo: ${collections.join('|')}, value: id }.` })
