/**
 * Small SQL helpers for the community domain: schema introspection (other domains' tables and columns may
 * not exist yet, so every cross-domain query is guarded), relationship id extraction.
 */
import type { PayloadRequest } from 'payload'

import { sql, type Tx, txOf } from '@/db/transaction'

const columnCache = new Map<string, Promise<Set<string>>>()

/** The columns of a table in the current schema (empty when the table does not exist). Cached per process. */
export function columnsOf(tx: Tx, table: string): Promise<Set<string>> {
  let cached = columnCache.get(table)
  if (!cached) {
    cached = tx
      .execute(sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`)
      .then((r) => new Set(r.rows.map((row) => String(row.column_name))))
    cached.catch(() => columnCache.delete(table))
    columnCache.set(table, cached)
  }
  return cached
}

/** Whether every `table: [columns]` pair exists. */
export async function hasColumns(tx: Tx, spec: Record<string, string[]>): Promise<boolean> {
  for (const [table, cols] of Object.entries(spec)) {
    const have = await columnsOf(tx, table)
    if (!cols.every((c) => have.has(c))) return false
  }
  return true
}

/** The id of a relationship value (populated doc, id, or polymorphic `{ relationTo, value }`). */
export function relId(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') {
    const v = value as { id?: unknown; value?: unknown }
    if ('value' in v) return relId(v.value)
    if ('id' in v) return relId(v.id)
    return null
  }
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : null
}

export const sameId = (a: unknown, b: unknown) => {
  const x = relId(a)
  const y = relId(b)
  return x !== null && x === y
}

/** Runs `fn` with the request's transaction handle (the caller's operation already opened it). */
export async function withTx<T>(req: PayloadRequest, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return fn(await txOf(req))
}

export const collectionExists = (req: PayloadRequest, slug: string): boolean =>
  Boolean((req.payload.collections as Record<string, unknown>)[slug])
