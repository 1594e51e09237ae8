/**
 * Root search endpoints: `GET /api/search`, `GET /api/search/suggestions`, `GET /api/search/popular`.
 * Thin: parse → src/db/discovery/search-engine.ts → respond. Every search is logged to `search-queries`.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { txOf } from '@/db/transaction'
import { normalizeQuery, pageOf, pagination, SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT, SEARCH_MAX_PAGE, SEARCH_TYPES } from '@/domain/discovery/search'
import { assertValid, currentUser, json, searchParams } from '@/lib/http'
import { Input } from '@/lib/validate'
import { popularQueries, search, suggest } from '@/db/discovery/search-engine'

const params = (req: PayloadRequest) => Object.fromEntries(searchParams(req).entries())

export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const input = new Input(params(req))
    const q = input.string('q', { required: true, max: 200 })
    const type = input.oneOf('type', SEARCH_TYPES, { default: 'all' })
    const limit = input.number('limit', { integer: true, min: 1, max: SEARCH_MAX_LIMIT, default: SEARCH_DEFAULT_LIMIT })
    const pageNo = input.number('page', { integer: true, min: 1, max: SEARCH_MAX_PAGE, default: 1 })
    const includeSold = input.boolean('includeSold', { default: false })
    if (q !== undefined) input.check(normalizeQuery(q) !== '', 'q', 'q must contain letters or digits.')
    assertValid(input)
    const page = pageOf(pageNo!, limit!)
    const result = await search(await txOf(req), q!, type!, page, { includeSold })
    const user = currentUser(req)
    await req.payload.create({
      collection: 'search-queries' as never,
      overrideAccess: true,
      depth: 0,
      req,
      data: {
        user: user?.id ?? null,
        query: q!,
        normalizedQuery: result.plan.normalized,
        type: type!,
        filters: { type, page: pageNo, limit, ...(includeSold ? { includeSold } : {}) },
        resultCount: result.totalDocs,
      } as never,
    })
    return json({
      query: q,
      normalizedQuery: result.plan.normalized,
      type,
      corrected: result.plan.corrected,
      relaxed: result.relaxed,
      docs: result.hits,
      ...pagination(result.totalDocs, page),
    })
  },
}

export const suggestionsEndpoint: Endpoint = {
  path: '/search/suggestions',
  method: 'get',
  handler: async (req) => {
    const input = new Input(params(req))
    const q = input.string('q', { required: true, max: 100 })
    const limit = input.number('limit', { integer: true, min: 1, max: 20, default: 8 })
    assertValid(input)
    const normalized = normalizeQuery(q)
    const suggestions = normalized ? await suggest(await txOf(req), normalized, limit!) : []
    return json({ query: q, suggestions }, 200, { 'Cache-Control': 'public, max-age=60' })
  },
}

export const popularEndpoint: Endpoint = {
  path: '/search/popular',
  method: 'get',
  handler: async (req) => {
    const input = new Input(params(req))
    const days = input.number('days', { integer: true, min: 1, max: 365, default: 7 })
    const limit = input.number('limit', { integer: true, min: 1, max: 50, default: 10 })
    assertValid(input)
    const to = new Date()
    const from = new Date(to.getTime() - days! * 86_400_000)
    const queries = await popularQueries(await txOf(req), from, limit!)
    return json({ window: { from: from.toISOString(), to: to.toISOString(), days }, queries }, 200, { 'Cache-Control': 'public, max-age=300' })
  },
}
