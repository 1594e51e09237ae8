/** zod pieces for catalog query strings, with the platform's field messages (blank values count as missing). */
import { z } from 'zod'

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

function intSchema(name: string, o: { min: number; max?: number }) {
  const s = z.number({ error: `${name} must be a number.` }).int(`${name} must be a whole number.`).min(o.min, `${name} must be at least ${o.min}.`)
  return o.max === undefined ? s : s.max(o.max, `${name} must be at most ${o.max}.`)
}
const toNumber = (fallback?: number) => (v: unknown) => (blank(v) ? fallback : typeof v === 'string' ? Number(v.trim()) : v)

/** An integer from a query string; blank → `default`. */
export const zQueryInt = (name: string, o: { min: number; max?: number; default: number }) => z.preprocess(toNumber(o.default), intSchema(name, o))
/** An optional integer from a query string (blank → undefined). */
export const zQueryOptInt = (name: string, o: { min: number; max?: number }) => z.preprocess(toNumber(), intSchema(name, o).optional())

/** An optional single string from a query string (blank → undefined). */
export const zQueryText = (name: string) =>
  z.preprocess((v) => (blank(v) ? undefined : v), z.string({ error: `${name} must be a single value.` }).optional())
