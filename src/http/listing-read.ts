/**
 * The listing search's read path: `GET /api/cars?select[…]&where[…]` answered with one SQL page
 * query (the card built as JSON by PostgreSQL, make/model joined) and one count, in the exact JSON Payload's
 * find returns for the same request. Why: the listing search is the platform's hottest public read, and the
 * benchmark's profile showed Payload's generic find spending 7–10 ms of JavaScript per request (row
 * transform, afterRead traversal, population) against 0.5 ms of SQL (bench/NOTES.md).
 *
 * What keeps it honest:
 * - the planner (src/domain/catalog/listing-query.ts) accepts only plain filters/sorts/fields and declines the rest,
 *   which Payload answers as before;
 * - the rows are the ones the collection's live read access lets this reader see: the request is authenticated
 *   by Payload's own auth strategies (JWT header or cookie, API key), the access function is called with that
 *   user, and its `Where` becomes SQL (`accessFilterOf`) — or, when it cannot be translated exactly, Payload
 *   answers. So sellers see their own drafts, staff everything, the public the public statuses;
 * - at start, {@link unsafeListingFields} checks the live collection config: any read or operation hook, field
 *   read access, `hidden` or localization on a field the path serves disables it (logged) instead of bypassing it;
 * - it reads from a configured read replica when there is one (`readPoolOf`), like Payload's own finds;
 * - the make and model joined at depth 1 stand for Payload's population only while those collections read the
 *   joined keys as plain columns and let this reader read them all (`joinedRelationsAnswer`, judged per request);
 * - the primary image, when populated, comes from Payload's own `find` on media as this reader (URLs, sizes,
 *   localized alt);
 * - tests/int/catalog/listing-read.test.ts compares its output with Payload's for many queries.
 */
import type { Request, RequestHandler } from 'express'
import type { GraphQLResolveInfo } from 'graphql'
import { type Access, type CollectionConfig, createLocalReq, executeAuthStrategies, type Field, type Payload, type PayloadRequest } from 'payload'
import { parse } from 'qs-esm'

import { listingRows, POPULATED_RELATIONS, type Queryable } from '@/db/catalog'
import { readPoolOf } from '@/db/transaction'
import { type AccessFilter, accessFilterOf, LISTING_FIELDS, type ListingPlan, planListingQuery } from '@/domain/catalog/listing-query'
import { pageInfo } from '@/domain/pagination'
import { env } from '@/lib/env'
import { isInertHook } from '@/plugins/inert-hooks'

/** The SQL itself is src/db/catalog.ts (`buildListingSql`, `listingRows`); re-exported for its tests. */
export { buildListingSql, type ListingSql } from '@/db/catalog'

/**
 * The media documents of these ids (other values skipped) in one find, as this reader (when given) would populate
 * them: its access to the media, its locale and draft flag.
 */
async function mediaByIds(payload: Payload, values: readonly unknown[], req?: PayloadRequest): Promise<Map<unknown, Record<string, unknown>>> {
  const ids = [...new Set(values.filter((id): id is number => typeof id === 'number'))]
  if (!ids.length) return new Map()
  const { docs } = await payload.find({
    collection: 'media',
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: false,
    req,
    locale: req?.locale ?? undefined,
    fallbackLocale: req?.fallbackLocale,
    draft: Boolean(req?.query?.draft),
  })
  return new Map(docs.map((m) => [m.id, m as unknown as Record<string, unknown>]))
}

/** Run a plan: the Payload-shaped JSON body, as a string. */
export async function readListings(pool: Queryable, payload: Payload, plan: ListingPlan, access: AccessFilter, req?: PayloadRequest): Promise<string> {
  const { page, totalDocs } = await listingRows(pool, plan, access)
  const info = pageInfo(totalDocs, plan.page, plan.limit)
  let docs: string
  if (page.rows.some((r) => typeof r.image === 'number')) {
    const byId = await mediaByIds(
      payload,
      page.rows.map((r) => r.image),
      req,
    )
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
 * read or operation hooks, field read access, `hidden`, localization. Non-empty → the path stays off (see
 * {@link listingReadPath}). Operation hooks the platform marks inert (src/plugins/inert-hooks.ts: the input guard,
 * which rejects only what the planner declines anyway, and the read-access warm-up) are known; any other is not.
 */
export function unsafeListingFields(collection: Pick<CollectionConfig, 'fields' | 'hooks'>): string[] {
  // Fields a request can select, filter or sort by (the access-only `seller` column is filtered by the access rule itself).
  const served = new Set(
    Object.entries(LISTING_FIELDS)
      .filter(([, f]) => f.select || f.filter || f.sort)
      .map(([k]) => k.split('.')[0]),
  )
  return unsafeServedFields(collection, served)
}

/** The same check for any collection whose `served` top-level fields a path reads as plain columns. */
function unsafeServedFields(collection: Pick<CollectionConfig, 'fields' | 'hooks'>, served: ReadonlySet<string>): string[] {
  const problems: string[] = []
  const hooks = collection.hooks ?? {}
  if (hooks.beforeRead?.length) problems.push('collection beforeRead hook')
  if (hooks.afterRead?.length) problems.push('collection afterRead hook')
  const unknown = (h: unknown) => !isInertHook(h)
  if (hooks.beforeOperation?.some(unknown)) problems.push('collection beforeOperation hook')
  if (hooks.afterOperation?.some(unknown)) problems.push('collection afterOperation hook')
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
      if ((f as { hidden?: boolean }).hidden) problems.push(`${path}: hidden`)
      if (fieldHooks?.afterRead?.length) problems.push(`${path}: afterRead hook`)
      if ('localized' in f && f.localized) problems.push(`${path}: localized`)
      if (f.type === 'group') visit(f.fields, `${path}.`)
    }
  }
  visit(collection.fields as Field[], '')
  return problems
}

/** Whether the request carries credentials (a bearer/JWT/API-key header or Payload's cookie). */
export const hasCredentials = (req: Pick<Request, 'headers'>): boolean => Boolean(req.headers.authorization) || /(?:^|;\s*)payload-token=/.test(req.headers.cookie ?? '')

/**
 * The rows this request's reader may see: its user from Payload's own auth strategies (the same ones the REST
 * handler runs; an invalid token reads as anonymous there too), then the collection's read access called with
 * that user. null → not expressible here (or nothing readable): Payload answers.
 */
export async function readerAccess(payload: Payload, read: Access, req: Pick<Request, 'headers'>): Promise<{ filter: AccessFilter; req: PayloadRequest } | null> {
  let user = null
  if (hasCredentials(req)) {
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
    user = (await executeAuthStrategies({ headers, payload })).user
  }
  const localReq = await createLocalReq(user ? { user } : {}, payload)
  const filter = accessFilterOf(await read({ req: localReq }))
  return filter ? { filter, req: localReq } : null
}

type Relation = keyof typeof POPULATED_RELATIONS

/**
 * The related documents the SQL joins (a card's make and model at depth 1) are what Payload's population or resolver
 * would give this reader: the related collection reads the joined keys as plain columns (no read hook, field rule,
 * hidden or localized field, no drafts) and its read access lets this reader read every document (`true`).
 * Otherwise Payload answers (REST) or loads them (GraphQL).
 */
async function joinedRelationsAnswer(req: PayloadRequest, relations: readonly Relation[]): Promise<boolean> {
  for (const relation of relations) {
    const { collection: slug, keys } = POPULATED_RELATIONS[relation]
    // Judged per request (a few fields each): a hook or rule added at run time is seen at once.
    const collection = req.payload.collections[slug].config
    if (collection.versions?.drafts || unsafeServedFields(collection, new Set(Object.keys(keys))).length) return false
    if ((await collection.access.read({ req })) !== true) return false
  }
  return true
}

/**
 * `GET /api/cars` middleware: answers what the planner accepts, passes the rest on to Payload. Returns null
 * (nothing to mount) when disabled by `LISTING_READ_PATH=off` or by an unsafe collection config.
 * The response carries `X-Read-Path: sql` so the path taken is observable.
 */
export function listingReadPath(payload: Payload): RequestHandler | null {
  if (process.env.LISTING_READ_PATH === 'off') return null
  const collection = payload.collections.cars.config
  const problems = unsafeListingFields(collection)
  if (problems.length) {
    payload.logger.warn({ msg: `listing read path disabled: ${problems.join('; ')}` })
    return null
  }
  return (req, res, next) => {
    const search = req.originalUrl.indexOf('?')
    const query = search < 0 ? {} : (parse(req.originalUrl.slice(search + 1), { arrayLimit: 1000, depth: 10 }) as Record<string, unknown>)
    const planned = planListingQuery(query, { maxPageSize: env.maxPageSize })
    if (!planned.ok) return next()
    // The live access function (looked up per request: a plugin or a test may replace it after start).
    readerAccess(payload, collection.access.read, req)
      .then(async (reader) => {
        if (!reader) return next()
        const { plan } = planned
        const joins = plan.depth === 1 ? (Object.keys(POPULATED_RELATIONS) as Relation[]).filter((r) => plan.select.includes(r)) : []
        if (joins.length && !(await joinedRelationsAnswer(reader.req, joins))) return next()
        const body = await readListings(readPoolOf(payload), payload, plan, reader.filter, reader.req)
        res.status(200).setHeader('content-type', 'application/json').setHeader('x-read-path', 'sql').end(body)
      })
      .catch((err) => next(err))
  }
}

// ------------------------------------------------------------------------------------------ GraphQL

/** A GraphQL field definition as Payload's `graphQL.queries` hands them over (only what the override touches). */
interface GraphqlFieldConfig {
  resolve?: (source: unknown, args: Record<string, unknown>, context: { req: PayloadRequest; headers?: Record<string, string> }, info: GraphQLResolveInfo) => unknown
  [key: string]: unknown
}

type SelectionNode = {
  kind: string
  name?: { value: string }
  alias?: unknown
  arguments?: readonly unknown[]
  directives?: readonly unknown[]
  selectionSet?: { selections: readonly SelectionNode[] }
}

/** The top-level fields a `Cars` query selects under `docs` (null: fragments or aliases — not handled, Payload answers). */
export function docsSelection(info: Pick<GraphQLResolveInfo, 'fieldNodes'>): string[] | null {
  const docs = (info.fieldNodes[0]?.selectionSet?.selections as readonly SelectionNode[] | undefined)?.filter((s) => s.kind !== 'Field' || s.name?.value === 'docs')
  if (!docs || docs.some((s) => s.kind !== 'Field')) return null
  const names: string[] = []
  for (const field of docs) {
    for (const s of field.selectionSet?.selections ?? []) {
      if (s.kind !== 'Field' || !s.name || (s as { alias?: unknown }).alias) return null
      if (s.name.value !== '__typename' && !names.includes(s.name.value)) names.push(s.name.value)
    }
  }
  return names
}

/**
 * GraphQL's typed `where` as the query-string form the planner reads: numbers and booleans as text, and GraphQL's
 * `AND`/`OR` as Payload's `and`/`or` (which Payload's resolver converts the same way).
 */
function asQueryValues(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return value.map(asQueryValues)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k === 'AND' || k === 'OR' ? k.toLowerCase() : k, asQueryValues(v)]))
  return value
}

const GRAPHQL_ARGS = new Set(['where', 'sort', 'page', 'limit'])

/**
 * The relationship fields under `docs` whose selection the card's joined document answers in full (src/db/catalog.ts
 * `POPULATED_RELATIONS`): fields among its keys (a key that is itself a relation, a make's `logo`, is resolved from
 * its id by Payload), no argument (locale, draft) and no directive on the field or its subfields. null when a
 * selected relation asks for more: Payload's resolver loads it then.
 */
export function populatableRelations(info: Pick<GraphQLResolveInfo, 'fieldNodes'>): Relation[] | null {
  const relations = new Set<Relation>()
  for (const s of docsFieldNodes(info)) {
    const name = s.name?.value
    if (!name || !(name in POPULATED_RELATIONS)) continue
    const keys: Record<string, string> = POPULATED_RELATIONS[name as Relation].keys
    if (s.arguments?.length || s.directives?.length) return null
    const plain = (s.selectionSet?.selections ?? []).every((sub) => sub.kind === 'Field' && !sub.directives?.length && (sub.name?.value === '__typename' || (sub.name?.value ?? '') in keys))
    if (!plain) return null
    relations.add(name as Relation)
  }
  return [...relations]
}

/** The field nodes selected under `docs` (fragments left out: {@link docsSelection} declines them before). */
function docsFieldNodes(info: Pick<GraphQLResolveInfo, 'fieldNodes'>): SelectionNode[] {
  const docs = (info.fieldNodes[0]?.selectionSet?.selections ?? []) as readonly SelectionNode[]
  return docs.filter((d) => d.kind === 'Field' && d.name?.value === 'docs').flatMap((d) => (d.selectionSet?.selections ?? []).filter((s) => s.kind === 'Field'))
}

/**
 * The same plan for a GraphQL `Cars(where, sort, page, limit) { docs { … } … }` query, at depth 0: relations as ids,
 * as Payload's resolver reads them (`depth: 0`); the resolver below joins the make and model (depth 1) when it may.
 * Declines (null) any other argument, fragment, alias or unserved field.
 */
export function planGraphqlListing(args: Record<string, unknown>, info: Pick<GraphQLResolveInfo, 'fieldNodes'>): ListingPlan | null {
  for (const [key, value] of Object.entries(args)) if (value !== undefined && !GRAPHQL_ARGS.has(key)) return null
  const fields = docsSelection(info)
  if (!fields) return null
  const select = Object.fromEntries(fields.filter((f) => f !== 'id').map((f) => [f, 'true']))
  const query: Record<string, unknown> = { select, depth: '0' }
  if (args.where !== undefined) query.where = asQueryValues(args.where)
  if (args.sort !== undefined) query.sort = args.sort
  if (args.page !== undefined) query.page = String(args.page)
  if (args.limit !== undefined) query.limit = String(args.limit)
  if (!Object.keys(select).length) query.select = { createdAt: 'true' } // only id / pagination asked: any served column will do
  const planned = planListingQuery(query, { maxPageSize: env.maxPageSize })
  if (!planned.ok) return null
  return { ...planned.plan, select: planned.plan.select.filter((f) => fields.includes(f)) }
}

/** The primary image field under `docs`, when selected without argument or directive (any subselection: the whole media document answers it). */
function plainImageSelection(info: Pick<GraphQLResolveInfo, 'fieldNodes'>): boolean {
  const images = docsFieldNodes(info).filter((s) => s.name?.value === 'primaryImage')
  return images.length > 0 && images.every((s) => !s.arguments?.length && !s.directives?.length)
}

/** The relations a document of the read path carries already resolved (a symbol: never serialized). */
const RESOLVED = Symbol('autohub.resolvedRelations')

/**
 * The `Car` type's relation fields answer a document's already resolved relation (set by the `Cars` resolver below)
 * and call Payload's resolver for any other document: the car of a `Car(id)` query, a car reached through another
 * collection.
 */
function answerResolvedRelations(carType: unknown): void {
  const fields = (carType as { getFields?: () => Record<string, GraphqlFieldConfig> } | undefined)?.getFields?.()
  for (const relation of [...Object.keys(POPULATED_RELATIONS), 'primaryImage']) {
    const field = fields?.[relation]
    const resolve = field?.resolve
    if (!field || !resolve) continue
    field.resolve = (source, args, context, info) => {
      const resolved = (source as { [RESOLVED]?: ReadonlySet<string> } | null)?.[RESOLVED]
      return resolved?.has(relation) ? (source as Record<string, unknown>)[relation] : resolve(source, args, context, info)
    }
  }
}

/**
 * For Payload's `graphQL.queries` hook (through `platformGraphqlQueries`, src/http/graphql-select.ts): the built-in
 * `Cars` list query, its type and arguments kept, with a resolver that answers what {@link planGraphqlListing}
 * accepts from the SQL read path (rows filtered by the reader's live read access, as for REST) and hands everything
 * else to Payload's own resolver. Off with `LISTING_READ_PATH=off` or an unsafe collection config, like the REST path.
 * A selected make or model the card's joined document answers in full ({@link populatableRelations},
 * {@link joinedRelationsAnswer}) comes with the page's statement, as for REST at depth 1, instead of one Payload find
 * per related collection through the dataloader. Sets `X-Read-Path: sql` on the response when it answered (and
 * `X-Read-Joined` with the relations it joined).
 */
export function listingGraphqlQueries(
  _graphql: unknown,
  schema: { Query: { fields: Record<string, GraphqlFieldConfig> }; collections?: Record<string, { graphQL?: { type?: unknown } }> },
): Record<string, GraphqlFieldConfig> {
  const builtIn = schema.Query.fields.Cars
  if (!builtIn?.resolve) return {}
  const original = builtIn.resolve
  const safe = new WeakMap<Payload, boolean>()
  answerResolvedRelations(schema.collections?.cars?.graphQL?.type)
  return {
    Cars: {
      ...builtIn,
      resolve: async (source, args, context, info) => {
        const { payload } = context.req
        if (process.env.LISTING_READ_PATH === 'off') return original(source, args, context, info)
        if (!safe.has(payload)) safe.set(payload, unsafeListingFields(payload.collections.cars.config).length === 0)
        const plan = safe.get(payload) ? planGraphqlListing(args, info) : null
        if (!plan) return original(source, args, context, info)
        const access = accessFilterOf(await payload.collections.cars.config.access.read({ req: context.req }))
        if (!access) return original(source, args, context, info)
        const relations = populatableRelations(info)?.filter((r) => plan.select.includes(r)) ?? []
        const join = relations.length > 0 && (await joinedRelationsAnswer(context.req, relations))
        const { page, totalDocs } = await listingRows(readPoolOf(payload), join ? { ...plan, depth: 1 } : plan, access)
        if (context.headers) context.headers['x-read-path'] = 'sql'
        if (context.headers && join) context.headers['x-read-joined'] = relations.join(', ')
        const resolved = new Set<string>(join ? relations : [])
        const docs = page.rows.map((r) => JSON.parse(String(r.doc)) as Record<string | symbol, unknown>)
        if (plan.select.includes('primaryImage') && plainImageSelection(info)) {
          // The page's images in one find, as Payload's resolver would load them.
          const byId = await mediaByIds(
            payload,
            docs.map((d) => d.primaryImage),
            context.req,
          )
          for (const doc of docs) doc.primaryImage = typeof doc.primaryImage === 'number' ? (byId.get(doc.primaryImage) ?? null) : null
          resolved.add('primaryImage')
        }
        if (resolved.size) for (const doc of docs) doc[RESOLVED] = resolved
        return { docs, ...pageInfo(totalDocs, plan.page, plan.limit) }
      },
    },
  }
}
