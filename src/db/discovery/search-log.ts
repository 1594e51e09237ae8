/**
 * The search history row (`search-queries`) written by `GET /api/search`, as one INSERT instead of Payload's
 * `create` (a transaction, validation, hook traversal and a read-back per search). Only taken while the
 * collection is exactly what this INSERT writes: the six known fields, no collection or field hooks (other than
 * those the platform marks inert, src/plugins/inert-hooks.ts: the input guard, a no-op for server-side calls, and the
 * read-access warm-up, which acts on reads only), no versions; anything else (a hook added by another domain, a new field with a default) makes
 * {@link plainSearchLog} decline, and the caller uses `payload.create`.
 */
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Tx } from '@/db/transaction'
import type { SearchType } from '@/domain/discovery/search'
import { isInertHook } from '@/plugins/inert-hooks'

export interface SearchLogRow {
  user: number | null
  query: string
  normalizedQuery: string
  type: SearchType
  filters: Record<string, unknown>
  resultCount: number
}

const FIELDS = ['user', 'query', 'normalizedQuery', 'type', 'filters', 'resultCount']
const BUILT_IN = new Set(['id', 'createdAt', 'updatedAt'])

type FieldLike = { name?: string; hooks?: Record<string, unknown[] | undefined>; fields?: unknown[] }

/** Whether the plain INSERT writes exactly what `payload.create` would (checked against the live config). */
export function plainSearchLog(payload: Payload): boolean {
  const config = payload.collections['search-queries']?.config
  if (!config || config.versions) return false
  const hooks = config.hooks as Record<string, unknown[] | undefined> | undefined
  if (hooks && Object.values(hooks).some((list) => Array.isArray(list) && list.some((hook) => !isInertHook(hook)))) return false
  const fields = (config.fields as FieldLike[]).filter((f) => !f.name || !BUILT_IN.has(f.name))
  if (fields.length !== FIELDS.length || fields.some((f, i) => f.name !== FIELDS[i] || f.fields)) return false
  return fields.every((f) => !f.hooks || Object.values(f.hooks).every((list) => !list || list.length === 0))
}

export async function insertSearchLog(db: Tx, row: SearchLogRow): Promise<void> {
  await db.execute(sql`
    insert into search_queries (user_id, query, normalized_query, type, filters, result_count, updated_at, created_at)
    values (${row.user}, ${row.query}, ${row.normalizedQuery}, ${row.type}, ${JSON.stringify(row.filters)}::jsonb, ${row.resultCount}, now(), now())`)
}
