/** Search: run the engine (src/db/discovery/search-engine.ts) and log the query to `search-queries`. */
import type { PayloadRequest } from 'payload'

import { displayHits, rankPage } from '@/db/discovery/search-engine'
import { insertSearchLog, plainSearchLog, type SearchLogRow } from '@/db/discovery/search-log'
import { txOf } from '@/db/transaction'
import { pageOf, pagination, type SearchType } from '@/domain/discovery/search'
import { currentUser } from '@/lib/http'
import { allSettledOrThrow } from '@/lib/settle'

export interface SearchInput {
  q: string
  type: SearchType
  limit: number
  page: number
  includeSold: boolean
}

/**
 * Searches, and records the query (with its normalized form and result count) in the caller's history: the record is
 * written while the page's display fields are read (both need only the ranked page), not after them.
 */
export async function searchAndLog(req: PayloadRequest, input: SearchInput) {
  const { q, type, limit, includeSold } = input
  const page = pageOf(input.page, limit)
  const db = await txOf(req)
  const found = await rankPage(db, q, type, page, { includeSold })
  const user = currentUser(req)
  const row: SearchLogRow = {
    user: user ? Number(user.id) : null,
    query: q,
    normalizedQuery: found.plan.normalized,
    type,
    filters: { type, page: input.page, limit, ...(includeSold ? { includeSold } : {}) },
    resultCount: found.totalDocs,
  }
  const [docs] = await allSettledOrThrow([
    displayHits(db, found.ranked),
    // One INSERT while the collection has no hooks and only these fields; Payload's create otherwise.
    plainSearchLog(req.payload) ? insertSearchLog(db, row) : req.payload.create({ collection: 'search-queries', overrideAccess: true, depth: 0, req, data: row }),
  ] as const)
  return {
    query: q,
    normalizedQuery: found.plan.normalized,
    type,
    corrected: found.plan.corrected,
    relaxed: found.relaxed,
    docs,
    ...pagination(found.totalDocs, page),
  }
}
