/**
 * Provisional numbers. A gap-free document number (an order's `ORD-<year>-…`, a service booking's `BK-<year>-…`) comes
 * from a per-year counter row that stays locked from its increment to the commit, and every creation of the year
 * waits for it. So the document is written first under a provisional number, which no other transaction sees (its
 * row is uncommitted), and is numbered last, in the same transaction, just before the commit.
 */
import { randomBytes } from 'node:crypto'

const MARK = '-PROVISIONAL-'

/** `<prefix>-PROVISIONAL-<24 hex>`: unique, and never of the `<prefix>-<year>-` form the counters read. */
export function provisionalNumber(prefix: string): string {
  return `${prefix}${MARK}${randomBytes(12).toString('hex')}`
}

/** Whether `value` is a provisional number made with `prefix`. */
export function isProvisionalNumber(value: unknown, prefix: string): value is string {
  return typeof value === 'string' && value.startsWith(`${prefix}${MARK}`)
}
