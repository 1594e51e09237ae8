/**
 * zod pieces for commerce request bodies and query strings, with the platform's field messages (`x is required.`,
 * `x must be at most 100.`): blank values count as missing, numeric strings (query strings) as numbers, strings
 * are trimmed. Pure zod: no Payload import.
 */
import { z } from 'zod'

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
const missingOr = (name: string, message: string) => (iss: { input?: unknown }) => (iss.input === undefined ? `${name} is required.` : message)

interface NumberOpts {
  min?: number
  max?: number
  int?: boolean
}

function numberSchema(name: string, o: NumberOpts) {
  let s = z.number({ error: missingOr(name, `${name} must be a number.`) })
  if (o.int) s = s.int(`${name} must be a whole number.`)
  if (o.min !== undefined) s = s.min(o.min, `${name} must be at least ${o.min}.`)
  if (o.max !== undefined) s = s.max(o.max, `${name} must be at most ${o.max}.`)
  return s
}
const toNumber = (fallback?: number) => (v: unknown) => (blank(v) ? fallback : typeof v === 'string' ? Number(v.trim()) : v)

/** A number (numeric strings accepted); blank → `default`, or `x is required.` without one. */
export const zNumber = (name: string, o: NumberOpts & { default?: number } = {}) => z.preprocess(toNumber(o.default), numberSchema(name, o))
/** An optional number (blank → undefined). */
export const zOptNumber = (name: string, o: NumberOpts = {}) => z.preprocess(toNumber(), numberSchema(name, o).optional())

const toText = (v: unknown) => (blank(v) ? undefined : typeof v === 'string' ? v.trim() : v)
const textSchema = (name: string, max: number) =>
  z.string({ error: missingOr(name, `${name} must be a string.`) }).max(max, `${name} must be at most ${max} characters.`)

/** A required trimmed string. */
export const zText = (name: string, max: number) => z.preprocess(toText, textSchema(name, max))
/** An optional trimmed string (blank → undefined). */
export const zOptText = (name: string, max: number) => z.preprocess(toText, textSchema(name, max).optional())

/** A relationship id (a positive integer, a numeric string, or `{ id }`). */
export const zRef = (name: string) =>
  z.preprocess(
    (v) => {
      const raw = v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v
      return blank(raw) ? undefined : typeof raw === 'string' ? Number(raw) : raw
    },
    z
      .number({ error: missingOr(name, `${name} must be a valid id.`) })
      .int(`${name} must be a valid id.`)
      .positive(`${name} must be a valid id.`),
  )

/** One of `values` (blank → `fallback`, or `x is required.` without one). */
export const zOneOf = <const T extends readonly [string, ...string[]]>(name: string, values: T, fallback?: T[number]) =>
  z.preprocess((v) => (blank(v) ? fallback : v), z.enum(values, { error: missingOr(name, `${name} must be one of: ${values.join(', ')}.`) }))
/** An optional one of `values`. */
export const zOptOneOf = <const T extends readonly [string, ...string[]]>(name: string, values: T) =>
  z.preprocess((v) => (blank(v) ? undefined : v), z.enum(values, { error: `${name} must be one of: ${values.join(', ')}.` }).optional())

/** `page` and `limit` of a list (defaults 1 and 20, at most 100 a page). */
export const zPageQuery = z.object({
  page: zNumber('page', { int: true, min: 1, default: 1 }),
  limit: zNumber('limit', { int: true, min: 1, max: 100, default: 20 }),
})

/** An address object; its errors are named `<prefix>.<field>`. */
export function zAddress(prefix: string) {
  const f = (name: string) => `${prefix}.${name}`
  return z.object(
    {
      fullName: zText(f('fullName'), 120),
      line1: zText(f('line1'), 200),
      line2: zOptText(f('line2'), 200),
      city: zText(f('city'), 100),
      region: zOptText(f('region'), 100),
      postalCode: zOptText(f('postalCode'), 20),
      country: zText(f('country'), 56),
      phone: zOptText(f('phone'), 32),
    },
    { error: missingOr(prefix, `${prefix} must be an object.`) },
  )
}
export type Address = z.output<ReturnType<typeof zAddress>>
