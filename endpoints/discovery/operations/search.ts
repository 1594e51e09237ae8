/** Search: run the engine (src/db/discovery/search-engine.ts) and log the query to `search-queries`. */
import type { PayloadRequest } from 'payload'

import { search } from '@/db/discovery/search-engine'
import { insertSearchLog, plainSearchLog, type SearchLogRow } from '@/db/discovery/search-log'
import { txOf } from '@/db/transaction'
import { pageOf, pagination, type SearchType } from '@/domain/discovery/search'
import { currentUser } from '@/lib/http'

export interface SearchInput {
  q: string
  type: SearchType
  limit: number
  page: number
  includeSold: boolean
}

/** Searches, then records the query (with its normalized form and result count) in the caller's history. */
export async function searchAndLog(req: PayloadRequest, input: SearchInput) {
  const { q, type, limit, includeSold } = input
  const page = pageOf(input.page, limit)
  const db = await txOf(req)
  const result = await search(db, q, type, page, { includeSold })
  const user = currentUser(req)
  const row: SearchLogRow = {
    user: user ? Number(user.id) : null,
    query: q,
    normalizedQuery: result.plan.normalized,
    type,
    filters: { type, page: input.page, limit, ...(includeSold ? { includeSold } : {}) },
    resultCount: result.totalDocs,
  }
  // One INSERT while the collection has no hooks and only these fields; Payload's create otherwise.
  if (plainSearchLog(req.payload)) await insertSearchLog(db, row)
  else await req.payload.create({ collection: 'search-queries', overrideAccess: true, depth: 0, req, data: row })
  return {
    query: q,
    normalizedQuery: result.plan.normalized,
    type,
    corrected: result.plan.corrected,
    relaxed: result.relaxed,
    docs: result.hits,
    ...pagination(result.totalDocs, page),
  }
}
