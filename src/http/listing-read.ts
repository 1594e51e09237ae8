/**
 * The listing search's read path: anonymous `GET /api/cars?select[…]&where[…]` answered with one SQL page
 * query (the card built as JSON by PostgreSQL, make/model joined) and one count, in the exact JSON Payload's
 * find returns for the same request. Why: the listing search is the platform's hottest public read, and the
 * benchmark's profile showed Payload's generic find spending 7–10 ms of JavaScript per request (row
 * transform, afterRead traversal, population) against 0.5 ms of SQL (bench/NOTES.md).
 *
 * What keeps it honest:
 * - the planner (src/domain/catalog/listing-query.ts) accepts only plain filters/sorts/fields and declines the rest,
 *   which Payload answers as before — so do signed-in requests (sellers see their own drafts, admins all);
 * - public read access is the collection's (`status in ('active','sale_pending','sold')`, PUBLIC_CAR_STATUSES);
 * - at start, {@link unsafeListingFields} checks the live collection config: any read hook, field read
 *   access or localization on a field the path serves disables it (logged) instead of bypassing it;
 * - the primary image, when populated, comes from Payload's own `find` on media (URLs, sizes, localized alt);
 * - tests/int/catalog/listing-read.test.ts compares its output with Payload's for many queries.
 */
import type { Request, RequestHandler } from 'express'
import type { CollectionConfig, Field, Payload } from 'payload'
import { parse } from 'qs-esm'

import { listingRows, type Queryable } from '@/db/catalog'
import { adapterOf } from '@/db/transaction'
import { LISTING_FIELDS, type ListingPlan, planListingQuery } from '@/domain/catalog/listing-query'
import { pageInfo } from '@/domain/pagination'
import { env } from '@/lib/env'

/** The SQL itself is src/db/catalog.ts (`buildListingSql`, `listingRows`); re-exported for its tests. */
export { buildListingSql, type ListingSql } from '@/db/catalog'

/** Run a plan: the Payload-shaped JSON body, as a string. */
export async function readListings(pool: Queryable, payload: Payload, plan: ListingPlan): Promise<string> {
  const { page, totalDocs } = await listingRows(pool, plan)
  const info = pageInfo(totalDocs, plan.page, plan.limit)
  const imageIds = [...new Set(page.rows.map((r) => r.image).filter((id): id is number => typeof id === 'number'))]
  let docs: string
  if (imageIds.length) {
    const media = await payload.find({ collection: 'media', where: { id: { in: imageIds } }, depth: 0, pagination: false, overrideAccess: false })
    const byId = new Map(media.docs.map((m) => [m.id, m]))
    docs = JSON.stringify(
      page.rows.map((r) => {
        const doc = JSON.parse(String(r.doc)) as Record<string, unknown>
        if (typeof r.image === 'number' && byId.has(r.image)) doc.primaryImage = byId.get(r.image)
        return doc
      }),
    )
  } else {
    docs = `[${page.rows.map((r) => String(r.doc)).join(',')}]`
  }
  return `{"docs":${docs},${JSON.stringify(info).slice(1)}`
}

/**
 * Fields the fast path serves that the live `cars` config now reads differently from a plain column:
 * read hooks, field read access, localization. Non-empty → the path stays off (see {@link listingReadPath}).
 */
export function unsafeListingFields(collection: Pick<CollectionConfig, 'fields' | 'hooks'>): string[] {
  const problems: string[] = []
  const hooks = collection.hooks ?? {}
  if (hooks.beforeRead?.length) problems.push('collection beforeRead hook')
  if (hooks.afterRead?.length) problems.push('collection afterRead hook')
  const served = new Set(Object.keys(LISTING_FIELDS).map((k) => k.split('.')[0]))
  const visit = (fields: Field[], prefix: string) => {
    for (const f of fields) {
      if (!('name' in f)) {
        if ('fields' in f && Array.isArray(f.fields)) visit(f.fields as Field[], prefix) // rows, collapsibles
        if ('tabs' in f) for (const tab of f.tabs) visit(tab.fields, prefix)
        continue
      }
      const path = prefix + f.name
      if (!served.has(path.split('.')[0])) continue
      const { access, hooks: fieldHooks } = f as { access?: { read?: unknown }; hooks?: { afterRead?: unknown[] } }
      if (access?.read) problems.push(`${path}: read access`)
      if (fieldHooks?.afterRead?.length) problems.push(`${path}: afterRead hook`)
      if ('localized' in f && f.localized) problems.push(`${path}: localized`)
      if (f.type === 'group') visit(f.fields, `${path}.`)
    }
  }
  visit(collection.fields as Field[], '')
  return problems
}

/** Only requests without credentials: signed-in readers may see more (own drafts, staff), so Payload answers. */
export const isAnonymous = (req: Pick<Request, 'headers'>): boolean => !req.headers.authorization && !/(?:^|;\s*)payload-token=/.test(req.headers.cookie ?? '')

/**
 * `GET /api/cars` middleware: answers what the planner accepts, passes the rest on to Payload. Returns null
 * (nothing to mount) when disabled by `LISTING_READ_PATH=off` or by an unsafe collection config.
 * The response carries `X-Read-Path: sql` so the path taken is observable.
 */
export function listingReadPath(payload: Payload): RequestHandler | null {
  if (process.env.LISTING_READ_PATH === 'off') return null
  const problems = unsafeListingFields(payload.collections.cars.config)
  if (problems.length) {
    payload.logger.warn({ msg: `listing read path disabled: ${problems.join('; ')}` })
    return null
  }
  const pool: Queryable = adapterOf(payload).pool
  return (req, res, next) => {
    if (!isAnonymous(req)) return next()
    const search = req.originalUrl.indexOf('?')
    const query = search < 0 ? {} : (parse(req.originalUrl.slice(search + 1), { arrayLimit: 1000, depth: 10 }) as Record<string, unknown>)
    const planned = planListingQuery(query, { maxPageSize: env.maxPageSize })
    if (!planned.ok) return next()
    readListings(pool, payload, planned.plan).then(
      (body) => {
        res.status(200).setHeader('content-type', 'application/json').setHeader('x-read-path', 'sql').end(body)
      },
      (err) => next(err),
    )
  }
}
