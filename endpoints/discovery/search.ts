/**
 * Root search endpoints: `GET /api/search`, `GET /api/search/suggestions`, `GET /api/search/popular`.
 * Thin: parse → src/db/discovery/search-engine.ts (via operations/search.ts) → respond. Every search is logged to `search-queries`.
 */
import { z } from 'zod'

import { popularQueries, suggest } from '@/db/discovery/search-engine'
import { txOf } from '@/db/transaction'
import { normalizeQuery, SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT, SEARCH_MAX_PAGE, SEARCH_TYPES } from '@/domain/discovery/search'
import { defineEndpoint } from '@/http/define-endpoint'
import { json } from '@/lib/http'
import { bool, numOr, oneOfOr, str } from '@/http/fields'

import { searchAndLog } from './operations/search'

export const searchEndpoint = defineEndpoint({
  method: 'get',
  path: '/search',
  summary: 'Full-text search over cars, parts and posts (typo-tolerant), logged to the search history.',
  auth: 'public',
  query: z.object({
    q: str('q', { max: 200 }).refine((q) => normalizeQuery(q) !== '', 'q must contain letters or digits.'),
    type: oneOfOr('type', SEARCH_TYPES, 'all'),
    limit: numOr('limit', SEARCH_DEFAULT_LIMIT, { integer: true, min: 1, max: SEARCH_MAX_LIMIT }),
    page: numOr('page', 1, { integer: true, min: 1, max: SEARCH_MAX_PAGE }),
    includeSold: bool('includeSold', false),
  }),
  run: ({ req, query }) => searchAndLog(req, query),
})

export const suggestionsEndpoint = defineEndpoint({
  method: 'get',
  path: '/search/suggestions',
  summary: 'Autocomplete suggestions for a partial query.',
  auth: 'public',
  query: z.object({ q: str('q', { max: 100 }), limit: numOr('limit', 8, { integer: true, min: 1, max: 20 }) }),
  run: async ({ req, query }) => {
    const normalized = normalizeQuery(query.q)
    const suggestions = normalized ? await suggest(await txOf(req), normalized, query.limit) : []
    return json({ query: query.q, suggestions }, 200, { 'Cache-Control': 'public, max-age=60' })
  },
})

export const popularEndpoint = defineEndpoint({
  method: 'get',
  path: '/search/popular',
  summary: 'The most searched queries of the last `days` days.',
  auth: 'public',
  query: z.object({
    days: numOr('days', 7, { integer: true, min: 1, max: 365 }),
    limit: numOr('limit', 10, { integer: true, min: 1, max: 50 }),
  }),
  run: async ({ req, query }) => {
    const to = new Date()
    const from = new Date(to.getTime() - query.days * 86_400_000)
    const queries = await popularQueries(await txOf(req), from, query.limit)
    return json({ window: { from: from.toISOString(), to: to.toISOString(), days: query.days }, queries }, 200, { 'Cache-Control': 'public, max-age=300' })
  },
})
