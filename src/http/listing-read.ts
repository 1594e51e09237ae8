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
 * - it reads from a configured read replica when there is one (`readPoolOf`), like Payload's own finds; its statements
 *   go with the other pool reads of the event loop's turn (the read batcher's pipeline, `readPool` below), so that a
 *   `Car`'s statement and the users' read-access read it starts, or concurrent requests' pages, share one write;
 * - the make and model joined at depth 1 stand for Payload's population only while those collections read the
 *   joined keys as plain columns and let this reader read them all (`joinedRelationsAnswer`, judged per request);
 * - a GraphQL car's seller is joined under the users' live read rule for this reader, translated exactly or not at all
 *   (`joinedAccessOf`), only while the users config reads the joined keys as plain columns (`accessJoinFields`);
 * - the primary image, when populated, comes from Payload's own `find` on media as this reader (URLs, sizes,
 *   localized alt);
 * - tests/int/catalog/listing-read.test.ts compares its output with Payload's for many queries.
 */
import type { Request, RequestHandler } from 'express'
import type { GraphQLResolveInfo } from 'graphql'
import { type Access, type CollectionConfig, createLocalReq, type SanitizedCollectionConfig, executeAuthStrategies, type Field, type Payload, type PayloadRequest } from 'payload'
import { parse } from 'qs-esm'

import { ACCESS_JOINED_RELATIONS, type JoinedAccess, listingPage, listingRows, POPULATED_RELATIONS, type Queryable } from '@/db/catalog'
import { snake } from '@/db/documents'
import { turnPoolOf } from '@/db/read-batch'
import { readPoolOf } from '@/db/transaction'
import { type AccessFilter, accessFilterOf, LISTING_FIELDS, type ListingField, type ListingPlan, planListingQuery } from '@/domain/catalog/listing-query'
import { pageInfo } from '@/domain/pagination'
import { env } from '@/lib/env'
import { inertFor, isInertHook } from '@/plugins/inert-hooks'
import { spendGraphqlBudget } from '@/plugins/input-guards'
import { warmReadAccessOf } from '@/plugins/read-access-warmup'

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

/**
 * Where the path's statements go: with the turn's other pool reads (one pipeline) when the read batcher pipelines, else
 * the read pool. A `Car` by id (`byKey`) is named, planned once per connection; a page's plan depends on its values.
 */
const readPool = (payload: Payload, byKey = false): Queryable => turnPoolOf(payload, { byKey }) ?? readPoolOf(payload)

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

/**
 * The same check for any collection whose `served` top-level fields a path reads as plain columns. A collection hook
 * counts unless `inert` knows it: by default only the hooks marked inert, and no read hook.
 */
function unsafeServedFields(collection: Pick<CollectionConfig, 'fields' | 'hooks'>, served: ReadonlySet<string>, inert?: (hook: unknown) => boolean): string[] {
  const problems: string[] = []
  const hooks = collection.hooks ?? {}
  if (hooks.beforeRead?.some((h) => !inert?.(h))) problems.push('collection beforeRead hook')
  if (hooks.afterRead?.some((h) => !inert?.(h))) problems.push('collection afterRead hook')
  const unknown = (h: unknown) => !(inert ?? isInertHook)(h)
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

type AccessJoined = keyof typeof ACCESS_JOINED_RELATIONS

/** What the postgres adapter tells of its tables: drizzle's columns (by field name) and its table names. */
type AdapterTables = { tables?: Record<string, Record<string, { name?: string } | undefined> | undefined>; tableNameMap?: Map<string, string> }

const judgedJoins = new WeakMap<object, { parts: unknown[]; fields: Record<string, ListingField> | null }>()

/**
 * Whether an access-joined relation's collection reads the joined keys as plain columns, and the fields its read
 * access may name, for {@link accessFilterOf}: null when it cannot be joined. Derived from the live config and the
 * adapter's tables (judged again whenever the fields, hooks or versions were replaced):
 * - no drafts; every key a top-level column under its own name (the adapter's column by that name), without a field
 *   rule, hook, `hidden` or localization; no read or operation hook unless marked as leaving a list read with access
 *   applied, of these keys, as it is (src/plugins/inert-hooks.ts: the privacy plugin's stripping of API keys);
 * - the access fields: `id`, and the top-level single selects (their column) and `hasMany` selects (their table of
 *   values) with their options: what the users' rule names (`isSelf`, the public profiles' roles, the authors' ids).
 */
function accessJoinFields(payload: Payload, relation: AccessJoined): Record<string, ListingField> | null {
  const { collection: slug, keys } = ACCESS_JOINED_RELATIONS[relation]
  const config = payload.collections[slug]?.config
  if (!config) return null
  const hooks = config.hooks ?? {}
  const parts = [config.fields, config.flattenedFields, hooks.beforeRead, hooks.afterRead, hooks.beforeOperation, hooks.afterOperation, config.versions]
  const cached = judgedJoins.get(config)
  if (cached && cached.parts.every((part, i) => part === parts[i])) return cached.fields
  const fields = judgeAccessJoin(payload, config, keys)
  judgedJoins.set(config, { parts, fields })
  return fields
}

function judgeAccessJoin(payload: Payload, config: SanitizedCollectionConfig, keys: Record<string, string>): Record<string, ListingField> | null {
  const served = new Set(Object.keys(keys))
  if ((config.versions as { drafts?: unknown } | undefined)?.drafts || config.dbName) return null
  if (unsafeServedFields(config, served, inertFor({ operation: 'find', overrideAccess: false, served })).length) return null
  const adapter = payload.db as unknown as AdapterTables
  const tableName = adapter.tableNameMap?.get(snake(config.slug))
  const table = tableName ? adapter.tables?.[tableName] : undefined
  if (!tableName || !table) return null
  const topLevel = new Map((config.flattenedFields ?? []).map((f) => ['name' in f ? f.name : '', f]))
  for (const [key, column] of Object.entries(keys)) {
    const field = topLevel.get(key)
    const plain = key === 'id' || (field && ['text', 'textarea', 'email', 'select', 'number', 'checkbox'].includes(field.type) && !(field as { hasMany?: boolean }).hasMany)
    if (!plain || table[key]?.name !== column || (field && 'dbName' in field && field.dbName)) return null
  }
  const access: Record<string, ListingField> = { id: { column: 'id', kind: 'id' } }
  for (const field of topLevel.values()) {
    if (field.type !== 'select' || ('localized' in field && field.localized) || field.dbName) continue
    const values = field.options.map((o) => (typeof o === 'string' ? o : o.value))
    if (!field.hasMany) {
      if (table[field.name]?.name) access[field.name] = { column: table[field.name]!.name!, kind: 'enum', values }
      continue
    }
    const valuesTable = adapter.tableNameMap?.get(`${tableName}_${snake(field.name)}`)
    const columns = valuesTable ? adapter.tables?.[valuesTable] : undefined
    if (valuesTable && columns?.value?.name === 'value' && columns.parent?.name === 'parent_id') access[field.name] = { column: 'value', kind: 'enum', values, hasMany: valuesTable }
  }
  return access
}

/**
 * The access-joined relations a GraphQL selection asks for with plain subfields among their keys ({@link asksOnly}),
 * with the related collection's read access for this reader as a filter: each reads joined into the page's statement
 * (null where the reader may not read the row, as Payload's resolver answers then). A relation asking for more, or
 * whose collection or access cannot be expressed, is left to Payload's resolver.
 */
async function joinedAccessOf(req: PayloadRequest, selections: readonly SelectionNode[], select: readonly string[]): Promise<JoinedAccess> {
  const joined: JoinedAccess = {}
  for (const relation of Object.keys(ACCESS_JOINED_RELATIONS) as AccessJoined[]) {
    if (!select.includes(relation)) continue
    const { collection, keys } = ACCESS_JOINED_RELATIONS[relation]
    const asked = selections.filter((s) => s.kind === 'Field' && s.name?.value === relation)
    if (!asked.length || !asked.every((s) => asksOnly(s, keys))) continue
    const fields = accessJoinFields(req.payload, relation)
    if (!fields) continue
    const filter = accessFilterOf(await req.payload.collections[collection].config.access.read({ req }), fields)
    if (filter) joined[relation] = filter
  }
  return joined
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
        const body = await readListings(readPool(payload), payload, plan, reader.filter, reader.req)
        res.status(200).setHeader('content-type', 'application/json').setHeader('x-read-path', 'sql').end(body)
      })
      .catch((err) => next(err))
  }
}

// ------------------------------------------------------------------------------------------ GraphQL

/** A GraphQL field definition as Payload's `graphQL.queries` hands them over (only what the override touches). */
interface GraphqlFieldConfig {
  resolve?: (source: unknown, args: Record<string, unknown>, context: { req: PayloadRequest; headers?: Record<string, string>; select?: unknown }, info: GraphQLResolveInfo) => unknown
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

/**
 * The field selections of the documents a query returns: under `docs` for the `Cars` list, the query's own for a
 * `Car`. null: a fragment where the documents' fields are (not handled: Payload answers).
 */
function documentSelections(info: Pick<GraphQLResolveInfo, 'fieldNodes'>, plural: boolean): SelectionNode[] | null {
  const top = (info.fieldNodes[0]?.selectionSet?.selections ?? []) as readonly SelectionNode[]
  if (!plural) return [...top]
  const docs = top.filter((s) => s.kind !== 'Field' || s.name?.value === 'docs')
  if (docs.some((s) => s.kind !== 'Field')) return null
  return docs.flatMap((d) => [...(d.selectionSet?.selections ?? [])])
}

/** The top-level fields of the documents (null: fragments or aliases — not handled, Payload answers). */
function selectedFields(selections: readonly SelectionNode[]): string[] | null {
  const names: string[] = []
  for (const s of selections) {
    if (s.kind !== 'Field' || !s.name || s.alias) return null
    if (s.name.value !== '__typename' && !names.includes(s.name.value)) names.push(s.name.value)
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

const GRAPHQL_ARGS = { list: new Set(['where', 'sort', 'page', 'limit']), one: new Set(['id']) }

/**
 * Relations a GraphQL document of the path carries as ids for Payload's own resolver to load (the query selects them,
 * the planner does not serve them to REST), with the collection each relates to: the car's seller. Served only while
 * the cars config reads the column plainly (no field rule, hook, hidden; {@link unsafeServedFields}).
 */
const RESOLVER_LOADED = { seller: 'users' } as const
const LOADED_FIELDS = Object.keys(RESOLVER_LOADED) as (keyof typeof RESOLVER_LOADED)[]

/**
 * Whether a relation's selection asks only for `keys` of the joined row (or `__typename`), without an argument (locale,
 * draft) or a directive on the field or its subfields. An alias is fine: GraphQL's default resolver reads a field by
 * its name.
 */
const asksOnly = (s: SelectionNode, keys: Record<string, string>): boolean =>
  !s.arguments?.length &&
  !s.directives?.length &&
  (s.selectionSet?.selections ?? []).every((sub) => sub.kind === 'Field' && !sub.directives?.length && (sub.name?.value === '__typename' || (sub.name?.value ?? '') in keys))

/**
 * The relationship fields of the documents whose selection the card's joined document answers in full
 * (src/db/catalog.ts `POPULATED_RELATIONS`): fields among its keys (a key that is itself a relation, a make's `logo`,
 * is resolved from its id by Payload), no argument (locale, draft) and no directive on the field or its subfields.
 * null when a selected relation asks for more: Payload's resolver loads it then.
 */
export function populatableRelations(selections: readonly SelectionNode[]): Relation[] | null {
  const relations = new Set<Relation>()
  for (const s of selections) {
    const name = s.name?.value
    if (s.kind !== 'Field' || !name || !(name in POPULATED_RELATIONS)) continue
    if (!asksOnly(s, POPULATED_RELATIONS[name as Relation].keys)) return null
    relations.add(name as Relation)
  }
  return [...relations]
}

/**
 * The same plan for a GraphQL `Cars(where, sort, page, limit) { docs { … } … }` query, or a `Car(id) { … }` (the page of
 * that one id), at depth 0: relations as ids, as Payload's resolvers read them (`depth: 0`); the resolver below joins
 * the make and model (depth 1) when it may. Declines (null) any other argument, fragment, alias or unserved field.
 */
export function planGraphqlListing(args: Record<string, unknown>, selections: readonly SelectionNode[], kind: keyof typeof GRAPHQL_ARGS = 'list'): ListingPlan | null {
  for (const [key, value] of Object.entries(args)) if (value !== undefined && !GRAPHQL_ARGS[kind].has(key)) return null
  const fields = selectedFields(selections)
  if (!fields) return null
  const loaded = LOADED_FIELDS.filter((f) => fields.includes(f))
  const select = Object.fromEntries(fields.filter((f) => f !== 'id' && !loaded.includes(f as (typeof loaded)[number])).map((f) => [f, 'true']))
  const query: Record<string, unknown> = { select, depth: '0' }
  if (kind === 'one') {
    query.where = { id: { equals: asQueryValues(args.id) } }
    query.limit = '1'
  }
  if (args.where !== undefined) query.where = asQueryValues(args.where)
  if (args.sort !== undefined) query.sort = args.sort
  if (args.page !== undefined) query.page = String(args.page)
  if (args.limit !== undefined) query.limit = String(args.limit)
  if (!Object.keys(select).length) query.select = { createdAt: 'true' } // only id / pagination asked: any served column will do
  const planned = planListingQuery(query, { maxPageSize: env.maxPageSize })
  if (!planned.ok) return null
  return { ...planned.plan, select: [...planned.plan.select.filter((f) => fields.includes(f)), ...loaded] }
}

/** The primary image field of the documents, when selected without argument or directive (any subselection: the whole media document answers it). */
function plainImageSelection(selections: readonly SelectionNode[]): boolean {
  const images = selections.filter((s) => s.kind === 'Field' && s.name?.value === 'primaryImage')
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
  for (const relation of [...Object.keys(POPULATED_RELATIONS), ...Object.keys(ACCESS_JOINED_RELATIONS), 'primaryImage']) {
    const field = fields?.[relation]
    const resolve = field?.resolve
    if (!field || !resolve) continue
    field.resolve = (source, args, context, info) => {
      const resolved = (source as { [RESOLVED]?: ReadonlySet<string> } | null)?.[RESOLVED]
      return resolved?.has(relation) ? (source as Record<string, unknown>)[relation] : resolve(source, args, context, info)
    }
  }
}

type TypeLike = { ofType?: unknown; getFields?: () => Record<string, { type: unknown; extensions?: { field?: { name?: string } } }> }
const namedTypeOf = (type: unknown): TypeLike | undefined => {
  const t = type as TypeLike | undefined
  return t?.ofType ? namedTypeOf(t.ofType) : t
}

/**
 * The select Payload's resolver derives from a selection without fragments (@payloadcms/graphql `buildSelectTree`):
 * each field by its config name, `true` or its own selection's tree. undefined where a fragment is: then the relations
 * Payload loads for the path's documents are read whole, which gives the same answer.
 */
function selectTree(selections: readonly SelectionNode[], type: unknown): Record<string, unknown> | undefined {
  const fields = namedTypeOf(type)?.getFields?.()
  const tree: Record<string, unknown> = {}
  for (const s of selections) {
    if (s.kind !== 'Field' || !s.name) return undefined
    const def = fields?.[s.name.value]
    if (s.name.value === '__typename' || !def) continue
    const key = def.extensions?.field?.name || s.name.value
    if (s.selectionSet) {
      if (!namedTypeOf(def.type)?.getFields) return undefined // a union: its members come by fragments
      const inner = selectTree(s.selectionSet.selections, def.type)
      if (!inner) return undefined
      tree[key] = inner
    } else tree[key] = true
  }
  return tree
}

type Resolver = NonNullable<GraphqlFieldConfig['resolve']>

const judged = new WeakMap<object, { parts: unknown[]; safe: { served: boolean; loaded: boolean } }>()

/**
 * Whether the cars config still reads what the GraphQL path serves as plain columns (`served`, {@link
 * unsafeListingFields}) and the relations it leaves to Payload's resolver (`loaded`): judged again whenever the
 * fields or the read and operation hooks were replaced since (a plugin or a test changing the config at run time).
 */
function safetyOf(config: Pick<CollectionConfig, 'fields' | 'hooks'>): { served: boolean; loaded: boolean } {
  const hooks = config.hooks ?? {}
  const parts = [config.fields, hooks.beforeRead, hooks.afterRead, hooks.beforeOperation, hooks.afterOperation]
  const cached = judged.get(config)
  if (cached && cached.parts.every((part, i) => part === parts[i])) return cached.safe
  const safe = { served: unsafeListingFields(config).length === 0, loaded: unsafeServedFields(config, new Set(LOADED_FIELDS)).length === 0 }
  judged.set(config, { parts, safe })
  return safe
}

/**
 * The read path behind one of the built-in `Cars` (list) and `Car` (one) queries: answers what
 * {@link planGraphqlListing} accepts from the SQL read path (rows filtered by the reader's live read access, as for
 * REST) and hands everything else to Payload's resolver (`original`). A `Car` whose row the reader does not see
 * (missing or not readable) goes to Payload too, for its own error.
 */
function readPathResolver(kind: keyof typeof GRAPHQL_ARGS, original: Resolver, carType: unknown): Resolver {
  return async (source, args, context, info) => {
    const { payload } = context.req
    if (process.env.LISTING_READ_PATH === 'off') return original(source, args, context, info)
    const safe = safetyOf(payload.collections.cars.config)
    const selections = safe.served ? documentSelections(info, kind === 'list') : null
    // `select: true` (set by the select-by-default wrapper, src/http/graphql-select.ts) asks nothing the path does not do
    const { select: selectByDefault, ...rest } = args
    const plan = selections ? planGraphqlListing(rest, selections, kind) : null
    if (!plan || (!safe.loaded && LOADED_FIELDS.some((f) => plan.select.includes(f)))) return original(source, args, context, info)
    const access = accessFilterOf(await payload.collections.cars.config.access.read({ req: context.req }))
    if (!access) return original(source, args, context, info)
    if (kind === 'list') spendGraphqlBudget(context.req, 'documents', plan.limit) // as the input guard counts Payload's lists
    // the seller joined under the users' read access for this reader, when the selection and the users' config allow
    const joined = await joinedAccessOf(context.req, selections!, plan.select)
    // what the loaded relations' read access will read (the users' for a seller left to Payload) starts now, with the page
    // (src/plugins/read-access-warmup.ts: the cars find's hook does it on Payload's path)
    if (process.env.READ_ACCESS_WARMUP !== 'off') for (const f of LOADED_FIELDS) if (plan.select.includes(f) && !joined[f]) warmReadAccessOf(payload, RESOLVER_LOADED[f])?.(context.req)
    const relations = populatableRelations(selections!)?.filter((r) => plan.select.includes(r)) ?? []
    const join = relations.length > 0 && (await joinedRelationsAnswer(context.req, relations))
    const read = join ? { ...plan, depth: 1 as const } : plan
    const { rows, totalDocs } =
      kind === 'list'
        ? await listingRows(readPool(payload), read, access, joined).then(({ page, totalDocs }) => ({ rows: page.rows, totalDocs }))
        : { rows: await listingPage(readPool(payload, true), read, access, joined), totalDocs: 1 }
    if (kind === 'one' && !rows.length) return original(source, args, context, info)
    const joinedNames = [...(join ? relations : []), ...Object.keys(joined)]
    if (context.headers) context.headers['x-read-path'] = 'sql'
    if (context.headers && joinedNames.length) context.headers['x-read-joined'] = joinedNames.join(', ')
    // what Payload's resolver leaves for the relations it still loads (a seller not joined), as its own would under `select: true`
    if (selectByDefault === true) context.select = selectTree(selections!, carType)
    const resolved = new Set<string>(joinedNames)
    const docs = rows.map((r) => JSON.parse(String(r.doc)) as Record<string | symbol, unknown>)
    if (plan.select.includes('primaryImage') && plainImageSelection(selections!)) {
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
    return kind === 'list' ? { docs, ...pageInfo(totalDocs, plan.page, plan.limit) } : docs[0]
  }
}

/**
 * Through Payload's `graphQL.queries` hook (`platformGraphqlQueries`, src/http/graphql-select.ts), before the
 * select-by-default wrapper: the built-in `Cars` list and `Car` queries, replaced in place (their type and arguments
 * kept, the GraphQL context shared with the relation resolvers), answer from the SQL read path what it can
 * ({@link readPathResolver}); everything else goes to Payload's own resolver. Off with `LISTING_READ_PATH=off` or an
 * unsafe collection config, like the REST path. A selected make or model the card's joined document answers in full
 * ({@link populatableRelations}, {@link joinedRelationsAnswer}) comes with the page's statement, as for REST at depth
 * 1, instead of one Payload find per related collection through the dataloader; a selected seller comes as its id,
 * for Payload's resolver to load as this reader. Sets `X-Read-Path: sql` on the response when it answered (and
 * `X-Read-Joined` with the relations it joined).
 */
export function installListingGraphqlReadPath(schema: { Query: { fields: Record<string, GraphqlFieldConfig> }; collections?: Record<string, { graphQL?: { type?: unknown } }> }): void {
  const carType = schema.collections?.cars?.graphQL?.type
  answerResolvedRelations(carType)
  for (const [name, kind] of [
    ['Cars', 'list'],
    ['Car', 'one'],
  ] as const) {
    const builtIn = schema.Query.fields[name]
    if (builtIn?.resolve) builtIn.resolve = readPathResolver(kind, builtIn.resolve, carType)
  }
}
