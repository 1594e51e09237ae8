/**
 * Input guards for the generated collection and global API (REST and GraphQL), applied to every collection and
 * global by `platformGuards` (src/plugins/guards.ts), so none can forget them. Client requests only: the Local API
 * (`req.payloadAPI === 'local'`) and server-side calls with `overrideAccess: true` are trusted and pass unchanged.
 *
 * - lists: `limit`, `page`, `depth` must be whole numbers (400 otherwise); the page size is clamped to
 *   `MAX_PAGE_SIZE` for every role (`limit=0`, `pagination=false`, huge limits → one page of the maximum);
 * - `where` and `sort` must name queryable fields, with operators and values of the field's type; polymorphic
 *   relationships are filtered on `<field>.relationTo` / `<field>.value`; `locale` must be a configured locale;
 * - create/update bodies must be JSON objects whose values have each field's type (no silent coercion to null);
 *   fields marked `custom: { integer: true }` take whole numbers only (also through the Local API, see
 *   `integerValidation`);
 * - one GraphQL request's lists return at most `GRAPHQL_MAX_DOCUMENTS` documents in all (each list's clamped page size
 *   counts) and its mutations write at most `GRAPHQL_MAX_WRITES` times: aliases cannot turn one request, counted once
 *   by the API rate limit, into hundreds of full pages or writes (`spendGraphqlBudget`);
 * - a duplicate (`POST /api/<slug>/<id>/duplicate`, GraphQL `duplicate<Slug>`, the panel's Duplicate) copies only what
 *   the caller could write on a create and may read on the original (`duplicateGuard`);
 * - the timestamps are the server's: a body's `createdAt`, `updatedAt` or `deletedAt` is ignored, as Payload
 *   ignores a field its access denies (the admin panel sends them back with every save). Kept, a seller could date
 *   a listing ahead and hold the top of every `-createdAt` list, and `createdAt: null` was a 500.
 * The pure checks live in src/domain/input-shape.ts.
 */
import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, DefaultValue, Field, FieldAccess, GlobalBeforeOperationHook, NumberField, PayloadRequest } from 'payload'
import { getDefaultValue } from 'payload'
import { number as payloadNumberValidation } from 'payload/shared'

import { type BodyReference, checkData, checkListParams, checkSort, checkWhere, type FieldShape, type InputError, isIntegerField, isLogical, normalizeWhere, referencesIn } from '@/domain/input-shape'
import { HttpError, invalidFields } from '@/lib/http'
import { env } from '@/lib/env'

import { markInert } from './inert-hooks'

/**
 * Whether an operation carries the client's input. Not: the Local API, `overrideAccess`, and the finds Payload runs
 * itself to populate relationships of the documents being read (its dataloader: `where id in [the related ids]`,
 * `pagination: false`, and always a `currentDepth`, which neither REST nor GraphQL lets a client pass). Those still
 * apply the related collection's read access; clamping them only added a count query per populated collection.
 */
const isClientCall = (req: PayloadRequest, args: { overrideAccess?: boolean; currentDepth?: number }): boolean =>
  req.payloadAPI !== 'local' && args.overrideAccess !== true && args.currentDepth === undefined

const badInput = (errors: InputError[], lead?: string): HttpError => new HttpError(400, [lead, ...errors.slice(0, 5).map((e) => e.message)].filter(Boolean).join(' '), { errors })

function localeOf(req: PayloadRequest): { locales: string[]; problems: InputError[] } {
  const localization = req.payload.config.localization
  const locales = localization ? localization.localeCodes : []
  const problems: InputError[] = []
  const params = req.searchParams
  if (!params) return { locales, problems }
  for (const name of ['locale', 'fallback-locale', 'fallbackLocale']) {
    const raw = params.getAll(name)
    if (!raw.length) continue
    const allowed = name === 'locale' ? [...locales, 'all', '*'] : [...locales, 'none', 'null', 'false']
    if (raw.length > 1 || !allowed.includes(raw[0])) problems.push({ path: name, message: `${name} must be one of: ${allowed.join(', ')}.` })
  }
  return { locales, problems }
}

/** What the request's GraphQL operations spent so far (on the request itself: Payload's resolvers proxy it). */
const SPENT = { documents: Symbol('autohub.graphqlListedDocuments'), writes: Symbol('autohub.graphqlWrites') }

const BUDGETS = {
  documents: () => ({
    max: env.graphqlMaxDocuments,
    message: (max: number) =>
      `One GraphQL request's lists return at most ${max} documents in all (their limits add up, aliases included); this one asks for more. Ask for fewer, or in several requests.`,
  }),
  writes: () => ({
    max: env.graphqlMaxWrites,
    message: (max: number) => `One GraphQL request writes at most ${max} times (each create, update or delete mutation, aliases included); send the rest in another request.`,
  }),
}

/**
 * Counts a GraphQL operation against its request's budget: a list's page size against `GRAPHQL_MAX_DOCUMENTS`, a write
 * against `GRAPHQL_MAX_WRITES`; a 400 for the operation that goes over. REST does one list or one write a request
 * (pages clamped); a GraphQL query can alias a list or a mutation hundreds of times, and the complexity limit counts
 * fields, not documents or writes.
 */
export function spendGraphqlBudget(req: PayloadRequest, kind: keyof typeof SPENT, amount: number): void {
  if (req.payloadAPI !== 'GraphQL') return
  const holder = req as unknown as Record<symbol, number | undefined>
  const spent = (holder[SPENT[kind]] ?? 0) + amount
  const { max, message } = BUDGETS[kind]()
  if (spent > max) throw badInput([{ path: kind === 'documents' ? 'limit' : 'mutation', message: message(max) }])
  holder[SPENT[kind]] = spent
}

/** Top-level keys of a version document (`/api/<slug>/versions`), which Payload maps to `findVersions` → `read`. */
const VERSION_KEYS = new Set(['parent', 'version', 'latest', 'snapshot', 'autosave', 'publishedLocale'])

function whereKeys(where: unknown, out: string[] = []): string[] {
  if (!where || typeof where !== 'object') return out
  for (const [key, value] of Object.entries(where)) {
    if (isLogical(key)) for (const c of Object.values(value ?? {})) whereKeys(c, out)
    else out.push(key)
  }
  return out
}

/** A version list or version by id: the REST path says so, or the where names version-only keys. */
function isVersionQuery(req: PayloadRequest, collection: { versions?: unknown }, fields: FieldShape[], where: unknown): boolean {
  if (!collection.versions) return false
  const path = req.url ? new URL(req.url, 'http://localhost').pathname : ''
  if (/\/versions(\/|$)/.test(path)) return true
  return whereKeys(where).some((k) => {
    const head = k.split('.')[0]
    return VERSION_KEYS.has(head) && !fields.some((f) => f.name === head)
  })
}

/**
 * A find Payload runs to populate relationships: its dataloader (`currentDepth`, `pagination: false`, no sort of its
 * own). It places each document by id, so the order is irrelevant; without a sort Payload orders by the related
 * collection's `defaultSort`, and a localized one (features by name) joins the locales table and costs a second
 * query for the distinct ids. Ordered by id instead: one query over the primary key.
 */
const isPopulation = (operation: string, args: { currentDepth?: number; pagination?: boolean; sort?: unknown }): boolean =>
  operation === 'read' && args.currentDepth !== undefined && args.pagination === false && args.sort === undefined

/** Payload's timestamp fields: set by the server on every create and update, never from a client's body. */
const SERVER_TIMESTAMPS = ['createdAt', 'updatedAt', 'deletedAt'] as const

/** The body without the timestamps (the same object when it has none). */
function withoutTimestamps(data: Record<string, unknown>): Record<string, unknown> {
  if (!SERVER_TIMESTAMPS.some((key) => key in data)) return data
  const kept = { ...data }
  for (const key of SERVER_TIMESTAMPS) delete kept[key]
  return kept
}

/** The query and body guard, first in every collection's `beforeOperation`. */
export const inputGuard: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (isPopulation(operation, args as { currentDepth?: number; pagination?: boolean; sort?: unknown })) return { ...args, sort: 'id' } as typeof args
  if (!isClientCall(req, args as { overrideAccess?: boolean; currentDepth?: number })) return args
  const a = args as Record<string, unknown>
  const fields = collection.flattenedFields as unknown as FieldShape[]
  const { locales, problems } = localeOf(req)
  if (problems.length) throw badInput(problems)
  const collections = req.payload.collections as Record<string, { config: { flattenedFields: unknown } } | undefined>
  const related = (slug: string) => collections[slug]?.config.flattenedFields as FieldShape[] | undefined
  const out: Record<string, unknown> = { ...a }
  if (operation === 'create' || operation === 'update' || operation === 'delete') spendGraphqlBudget(req, 'writes', 1)
  // every client create sets the mark afresh: a duplicate that failed before its beforeChange leaves none behind
  if (operation === 'create') markDuplicate(req, a.duplicateFromID !== undefined ? collection.slug : undefined)

  if (operation === 'readDistinct' || (operation === 'read' && isVersionQuery(req, collection, fields, a.where))) {
    // version and distinct lists: same page-size rules (their where paths are `version.*`, `parent`…: left to Payload)
    const params = checkListParams(
      { limit: a.limit, page: a.page, depth: a.depth, pagination: a.pagination },
      { maxPageSize: env.maxPageSize, maxDepth: req.payload.config.maxDepth ?? 10, clamp: true },
    )
    if (!params.ok) throw badInput(params.errors)
    spendGraphqlBudget(req, 'documents', params.value.limit!)
    return { ...a, ...params.value } as typeof args
  }
  if (operation === 'read' || operation === 'count' || operation === 'update' || operation === 'delete') {
    const isList = operation === 'read' && !('id' in a)
    const params = checkListParams(
      { limit: a.limit, page: a.page, depth: a.depth, pagination: a.pagination },
      { maxPageSize: env.maxPageSize, maxDepth: req.payload.config.maxDepth ?? 10, clamp: isList },
    )
    if (!params.ok) throw badInput(params.errors)
    if (isList) spendGraphqlBudget(req, 'documents', params.value.limit!)
    for (const key of ['limit', 'page', 'depth', 'pagination'] as const) {
      if (key in params.value) out[key] = params.value[key]
      else if (key in out && (out[key] === '' || out[key] === null)) delete out[key]
    }
    const whereErrors = checkWhere(fields, a.where, { related, locales })
    const sortErrors = 'sort' in a ? checkSort(fields, a.sort, { related, locales }) : []
    if (whereErrors.length || sortErrors.length) throw badInput([...whereErrors, ...sortErrors], 'Invalid query:')
    if (a.where) out.where = normalizeWhere(fields, a.where, { related, locales })
  }

  if (operation === 'create' || operation === 'update' || operation === 'delete') {
    const body = operation !== 'delete' && isClientBody(req, a.data) ? checkedBody(req, fields, a.data, Boolean(collection.upload) && Boolean(req.file)) : undefined
    if (body) out.data = body
    // every client write sets the mark afresh (none for a delete, or for data an endpoint made); taken now, before
    // hooks change the body in place
    markClientReferences(req, collection.slug, body ? referencesIn(fields, body) : undefined)
  }
  return out as typeof args
}
// Known to the fast paths that bypass Payload's operations (src/plugins/inert-hooks.ts).
markInert(inputGuard)

/** The operation's data is the client's body (REST hands Payload `req.data` itself; GraphQL its input). */
const isClientBody = (req: PayloadRequest, data: unknown): boolean => req.payloadAPI === 'GraphQL' || data === req.data

/**
 * A create or update body from the client, as the operation should see it: a JSON object (an upload may come with
 * none) whose values have each field's type, the server's timestamps dropped. Otherwise a 400 naming the problem.
 */
function checkedBody(req: PayloadRequest, fields: FieldShape[], data: unknown, upload: boolean): Record<string, unknown> {
  if (data === undefined || data === null || typeof data !== 'object' || Array.isArray(data)) {
    const type = req.headers?.get('content-type') ?? ''
    if (!upload)
      throw badInput(
        [{ path: 'body', message: 'The body must be a JSON object.' }],
        type && !/json|multipart/.test(type)
          ? `Expected Content-Type: application/json (or multipart/form-data with a _payload field), got ${type.split(';')[0]}.`
          : 'The request body is empty or not a JSON object.',
      )
    return {}
  }
  const kept = withoutTimestamps(data as Record<string, unknown>)
  const errors = checkData(fields, kept, { allLocales: req.locale === 'all' })
  if (errors.length) throw badInput(errors, `The following field${errors.length > 1 ? 's are' : ' is'} invalid: ${errors.map((e) => e.path).join(', ')}.`)
  return kept
}

type Doc = Record<string, unknown>

/** The client's write in progress, per request: its collection and the documents its body names. */
const CLIENT_REFERENCES = Symbol('autohub.clientReferences')
type ReferencesMark = Record<symbol, { slug: string; references: BodyReference[] } | undefined>

function markClientReferences(req: PayloadRequest, slug: string, references: BodyReference[] | undefined): void {
  ;(req as unknown as ReferencesMark)[CLIENT_REFERENCES] = references ? { slug, references } : undefined
}

/**
 * The documents the body of the client's create or update of `slug` in progress on this request names, as the input
 * guard found them in it (src/plugins/reference-guard.ts judges them); undefined when no client write of `slug` is.
 */
export function clientReferencesOf(req: PayloadRequest, slug: string): BodyReference[] | undefined {
  const mark = (req as unknown as ReferencesMark)[CLIENT_REFERENCES]
  return mark?.slug === slug ? mark.references : undefined
}

/** A data field as the sanitized config flattens it: named groups and tabs keep their own `flattenedFields`. */
type DataField = {
  name?: string
  type: string
  access?: { create?: FieldAccess; read?: FieldAccess }
  defaultValue?: unknown
  flattenedFields?: DataField[]
  blocks?: { slug: string; flattenedFields?: DataField[] }[]
}

/**
 * A client's duplicate is a create whose values Payload takes from the original for every field the body leaves out,
 * also for a field the caller may not write on a create (Payload's fallback for a denied field is the original's
 * value: a seller's copy of a listing came out `featured`, with the original's `publishedAt` and price history) and for
 * one the caller may not read on the original (a seller duplicating another seller's car became the copy's seller and
 * read that seller's private `autoAcceptPrice`). Such fields start as on a fresh create: their default. First among
 * every collection's `beforeChange` hooks (src/plugins/guards.ts), so the collection's own hooks (owner stamps, server
 * fields) run after it. Only a client's duplicate, as the input guard marks it; every other create, and the Local
 * API's, pass untouched.
 */
export const duplicateGuard: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'create' || !takeDuplicateMark(req, collection.slug)) return data
  await resetUncopyable(collection.flattenedFields as unknown as DataField[], data as Doc, originalDoc as Doc, originalDoc as Doc, req)
  return data
}
// No fast path duplicates: it writes or answers nothing there (src/plugins/inert-hooks.ts).
markInert(duplicateGuard)

/** A client's duplicate in progress, per request (the input guard marks it: only it sees `duplicateFromID`). */
const DUPLICATING = Symbol('autohub.duplicating')
type Marked = Record<symbol, string | undefined>

function markDuplicate(req: PayloadRequest, slug: string | undefined): void {
  ;(req as unknown as Marked)[DUPLICATING] = slug
}

/** Whether this create of `slug` is the marked duplicate (the mark is used up: the collection's own creates pass). */
function takeDuplicateMark(req: PayloadRequest, slug: string): boolean {
  const holder = req as unknown as Marked
  if (holder[DUPLICATING] !== slug) return false
  holder[DUPLICATING] = undefined
  return true
}

/**
 * Resets, in a duplicate's data, each field (group and tab members, array and block rows' fields too) the caller may
 * not create, or may not read on the original, to its default. `original` is the whole original document (what read
 * rules decide on); `originalSibling` the original's values at this level (a row: the original's row at its index).
 */
export async function resetUncopyable(fields: readonly DataField[], sibling: Doc, originalSibling: Doc, original: Doc, req: PayloadRequest): Promise<void> {
  for (const f of fields) {
    if (!f.name || f.name === 'id') continue
    const { create, read } = f.access ?? {}
    const denied =
      (create && !(await create({ req, data: sibling, siblingData: sibling, doc: original }))) || (read && !(await read({ req, data: original, siblingData: originalSibling, doc: original })))
    if (denied) {
      sibling[f.name] = await defaultOf(f, req)
      continue
    }
    const nested = sibling[f.name]
    const originalNested = originalSibling?.[f.name]
    if ((f.type === 'group' || f.type === 'tab') && f.flattenedFields && nested && typeof nested === 'object') {
      await resetUncopyable(f.flattenedFields, nested as Doc, (originalNested ?? {}) as Doc, original, req)
    } else if ((f.type === 'array' || f.type === 'blocks') && Array.isArray(nested)) {
      for (const [i, row] of (nested as Doc[]).entries()) {
        const rowFields = f.type === 'array' ? f.flattenedFields : f.blocks?.find((b) => b.slug === row?.blockType)?.flattenedFields
        if (rowFields && row && typeof row === 'object') await resetUncopyable(rowFields, row, ((originalNested as Doc[] | undefined)?.[i] ?? {}) as Doc, original, req)
      }
    }
  }
}

/** A field's value on a fresh create: its default (Payload's `getDefaultValue`), else empty (a group: its fields' defaults). */
async function defaultOf(f: DataField, req: PayloadRequest): Promise<unknown> {
  const value = await getDefaultValue({ defaultValue: f.defaultValue as DefaultValue, locale: req.locale ?? undefined, req, user: req.user })
  if (value !== undefined) return value
  if ((f.type === 'group' || f.type === 'tab') && f.flattenedFields) {
    const group: Doc = {}
    for (const sub of f.flattenedFields) if (sub.name) group[sub.name] = await defaultOf(sub, req)
    return group
  }
  return f.type === 'array' || f.type === 'blocks' ? [] : null
}

/** The same guard for every global (`beforeOperation`): its locale, and an update's body, from a client. */
export const globalInputGuard: GlobalBeforeOperationHook = ({ args, global, operation, req }) => {
  if (!isClientCall(req, args as { overrideAccess?: boolean })) return args
  const { problems } = localeOf(req)
  if (problems.length) throw badInput(problems)
  const data = (args as { data?: unknown }).data
  if (operation === 'update') spendGraphqlBudget(req, 'writes', 1)
  if (operation !== 'update' || !isClientBody(req, data)) return args
  return { ...args, data: checkedBody(req, global.flattenedFields as unknown as FieldShape[], data, false) }
}
markInert(globalInputGuard)

/**
 * Integer fields (`custom: { integer: true }`) validated as whole numbers on every write path, the Local API and the
 * admin panel included, composed with the field's own validation.
 */
export function withIntegerValidation(fields: Field[]): Field[] {
  return fields.map((field) => {
    const f = field as Field & { fields?: Field[]; tabs?: { fields: Field[] }[]; blocks?: { fields: Field[] }[] }
    if (f.type === 'number' && isIntegerField(f as unknown as FieldShape)) {
      const original = (f as NumberField).validate
      const validate = (value: unknown, options: unknown): string | true => {
        const values: unknown[] = Array.isArray(value) ? value : [value]
        // numeric strings as Payload's own number validation takes them (server code may pass a SQL numeric as text)
        if (values.some((v) => v !== null && v !== undefined && v !== '' && !Number.isInteger(typeof v === 'string' ? Number(v) : v))) return `${f.name} must be a whole number.`
        const validateNumber = (original ?? payloadNumberValidation) as (value: unknown, options: unknown) => string | true | Promise<string | true>
        return validateNumber(value, options) as string | true
      }
      return { ...(f as NumberField), validate: validate as NumberField['validate'] } as Field
    }
    if ('fields' in f && Array.isArray(f.fields)) return { ...f, fields: withIntegerValidation(f.fields) } as Field
    if (f.type === 'tabs') return { ...f, tabs: f.tabs!.map((t) => ({ ...t, fields: withIntegerValidation(t.fields) })) } as Field
    if (f.type === 'blocks' && f.blocks) return { ...f, blocks: f.blocks.map((b) => ({ ...b, fields: withIntegerValidation(b.fields) })) } as Field
    return field
  })
}

/**
 * For custom endpoints that pass client values on to the Local API (which the guard trusts): the same type check
 * against the collection's fields, as a 400 naming every wrong-typed field.
 */
export function assertCollectionData(req: PayloadRequest, slug: string, data: unknown): void {
  const fields = req.payload.collections[slug as keyof typeof req.payload.collections]?.config.flattenedFields as unknown as FieldShape[] | undefined
  if (!fields) return
  const errors = checkData(fields, data)
  if (errors.length) throw invalidFields(errors)
}
