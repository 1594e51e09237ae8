/**
 * zod pieces for community request bodies, with the platform's messages (`<path> is required.`, `<path> must be
 * at most N characters.`): strings are trimmed, and a blank optional string counts as absent.
 */
import { z } from 'zod'

const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v)

interface TextOptions {
  max: number
  min?: number
  pattern?: RegExp
  patternMessage?: string
}

function textCore(path: string, o: TextOptions) {
  let s = z.string({ error: (i) => (i.input === undefined ? `${path} is required.` : `${path} must be a string.`) }).trim()
  if (o.min !== undefined) s = s.min(o.min, `${path} must be at least ${o.min} characters.`)
  s = s.max(o.max, `${path} must be at most ${o.max} characters.`)
  if (o.pattern) s = s.regex(o.pattern, o.patternMessage ?? `${path} has an invalid format.`)
  return s
}

/** A required, trimmed, non-blank string. */
export const text = (path: string, o: TextOptions) => z.preprocess(blankToUndefined, textCore(path, o))

/** An optional trimmed string (blank → absent). */
export const optionalText = (path: string, o: TextOptions) => z.preprocess(blankToUndefined, textCore(path, o).optional())

/** A relationship id: a positive integer, a numeric string or a `{ id }` object. */
export const ref = (path: string) =>
  z.preprocess(
    (v) => {
      const raw = v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v
      return raw === null || raw === '' ? undefined : raw
    },
    z
      .union([z.number(), z.string()], { error: (i) => (i.input === undefined ? `${path} is required.` : `${path} must be a valid id.`) })
      .transform(Number)
      .pipe(
        z
          .number({ error: `${path} must be a valid id.` })
          .int(`${path} must be a valid id.`)
          .positive(`${path} must be a valid id.`),
      ),
  )

/** One of `values` (`<path> must be one of: a, b.`). */
export const oneOf = <const T extends readonly [string, ...string[]]>(path: string, values: T) =>
  z.enum(values, { error: (i) => (i.input === undefined || i.input === '' ? `${path} is required.` : `${path} must be one of: ${values.join(', ')}.`) })

/** A polymorphic reference `{ relationTo, value }` among `collections`. */
export const polymorphic = <const T extends readonly [string, ...string[]]>(path: string, collections: T) =>
  z.object({ relationTo: oneOf(`${path}.relationTo`, collections), value: ref(`${path}.value`) }, { error: `${path} must be { relationTo: ${collections.join('|')}, value: id }.` })
