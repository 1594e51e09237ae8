/**
 * Internal reads by id, of globals and of unpaginated lists, each in one prepared statement.
 *
 * The workflows read what they decide with through the Local API: `payload.findByID({ collection, id, depth: 0,
 * overrideAccess: true, select })` — a booking's spot and vehicle, an offer's car, a cart. Payload answers such a read
 * with its whole operation: the request set-up, the adapter's page query built by drizzle (where, order, limit, the
 * document's JSON around it) and rendered to text, then the afterRead traversal of every selected field. In-process
 * that is 0.3–0.9 ms of CPU for a spot with eight fields, where the statement alone takes ≈ 0.05 ms (bench/NOTES.md,
 * session 36), and a booking makes two.
 *
 * When such a read can only answer the stored document, it is served by the collection's document statement
 * (src/db/documents.ts: built once per collection and select, prepared by name, the documents of the ids in `$1`) on
 * the request's transaction, or on the pool (a read replica when configured, as Payload's reads go) outside one. What
 * "can only answer the stored document" means, judged from the live collection config and re-judged when its fields or
 * hooks are replaced:
 * - the call: access overridden (the Local API's default), depth 0 or no relationship, upload or join among the
 *   selected fields, a select of top-level fields set to `true` (or none), an integer id, and nothing else asked
 *   (drafts, trash, lock status, joins, locales flattened, a starting depth);
 * - the collection: no drafts, no trash, no forced select, not an upload collection, no read or operation hook other
 *   than the platform's inert ones or ones marked as acting on other calls (src/plugins/inert-hooks.ts), and a
 *   document statement for the select; an auth collection's document carries `collection`, as Payload adds it;
 * - each selected field, at any depth: no afterRead hook, not localized, not virtual, no rich text, blocks or join; a
 *   hidden top-level field is removed (kept with `showHiddenFields`), a hidden nested one declines.
 * Anything else, and a document not found (for Payload's own error or null), goes to Payload's `findByID`.
 *
 * `findGlobal` likewise (a booking reads the site currency): the same judgment of the global's config and select, its
 * one stored row by one prepared statement, `globalType` as Payload answers it; a global never saved is answered with
 * the selected fields' defaults when they are plain values, else by Payload.
 *
 * `find` likewise when unpaginated (no count) and unsorted (the cart by its user, the parts of a cart by ids): the same
 * judgment, a where that is the ids (`in`, `equals`) or one stored top-level column `equals` a value of its type, the
 * documents in the adapter's order of an unsorted list (the collection's `defaultSort` on one plain column, then
 * `-createdAt`), at most `limit`, with the page fields Payload gives an unpaginated answer.
 * tests/int/foundation/internal-reads.test.ts compares both ways every document of every collection, every global, and
 * lists of every collection by ids and by each stored column.
 *
 * `INTERNAL_READS=off` leaves Payload's `findByID`, `findGlobal` and `find` as they are.
 */
import type { CollectionConfig, Field, FlattenedField, Payload, PayloadRequest, SelectType } from 'payload'

import { type DocumentReader, type ReaderRequest, snake } from '@/db/documents'
import { opaqueParameter, planCacheEnabled } from '@/db/plan-cache'
import { adapterOf, txOf } from '@/db/transaction'

import { inertFor } from './inert-hooks'

type FindByIDArgs = Parameters<Payload['findByID']>[0]

/** The arguments a served read may carry (with these values where given). */
const SERVED_ARGS = new Set([
  'collection',
  'id',
  'depth',
  'overrideAccess',
  'req',
  'select',
  'disableErrors',
  'showHiddenFields',
  'locale',
  'fallbackLocale',
  'context',
  'user',
  'populate',
  'draft',
  'trash',
  'includeLockStatus',
])

/** How a collection's documents are served for one select: the statement, and the top-level hidden fields to remove. */
interface Served {
  reader: DocumentReader
  /**
   * A global's: the statement of its one stored row, and what Payload answers while it has none (null: left to
   * Payload) — the selected fields' defaults, as its read sets them on an empty document.
   */
  global?: { name: string; text: string; unsaved: Record<string, unknown> | null }
  hidden: string[]
  /** Whether a selected field is a relation (a relationship, upload or join): then only depth 0 is served. */
  relational: boolean
  /** An auth collection's slug: Payload's `findByID` answers its documents with it as `collection`. */
  authCollection?: string
  /** A collection's: what its lists are built from, and their statements. */
  list?: ListTable
}

/** A collection's table as its lists read it ({@link findStatement}). */
interface ListTable {
  config: EntityConfig
  /** The adapter's drizzle columns, by field name. */
  columns: TableColumns[string]
  /** The table's name, quoted. */
  table: string
  /** The statements by where shape (null: that list is not served). */
  statements: Map<string, { name: string; text: string } | null>
}

/** A collection's judgment: why it is not served, or how each select is (null: that select declines). */
interface Judgment {
  parts: unknown[]
  /** Why each operation is not served (undefined: it may be), judged on first use. */
  declined: Partial<Record<ServedOperation, string | null>>
  selects: Map<string, Served | null>
}

const judgments = new WeakMap<object, Judgment>()

/** The operations served: a read by id (and of a global), and a list. */
type ServedOperation = 'findByID' | 'find'

/** Whether a read or operation hook leaves a served read (access overridden) of that operation as it is. */
const inertForServed: Record<ServedOperation, (hook: unknown) => boolean> = {
  findByID: inertFor({ operation: 'findByID', overrideAccess: true }),
  find: inertFor({ operation: 'find', overrideAccess: true }),
}

/** Why a collection's (or a global's) reads of `operation` are not served (undefined: they may be). */
export function collectionDeclines(config: CollectionConfig, operation: ServedOperation = 'findByID'): string | undefined {
  const inertForRead = inertForServed[operation]
  const versions = config.versions as { drafts?: unknown } | boolean | undefined
  if (versions && typeof versions === 'object' && versions.drafts) return 'drafts'
  if ((config as { trash?: boolean }).trash) return 'trash'
  if (config.upload) return 'upload collection'
  if ((config as { forceSelect?: unknown }).forceSelect) return 'forceSelect'
  const hooks = config.hooks ?? {}
  if (hooks.beforeRead?.some((h) => !inertForRead(h))) return 'beforeRead hook'
  if (hooks.afterRead?.some((h) => !inertForRead(h))) return 'afterRead hook'
  if (hooks.beforeOperation?.some((h) => !inertForRead(h))) return 'beforeOperation hook'
  if (hooks.afterOperation?.some((h) => !inertForRead(h))) return 'afterOperation hook'
  return undefined
}

/** The top-level fields (through rows, collapsibles and unnamed tabs) a select keeps, by name. */
function topLevelFields(fields: Field[]): Field[] {
  return fields.flatMap((f) => {
    if ('name' in f && f.name) return [f]
    if (f.type === 'tabs') return f.tabs.flatMap((tab) => ('name' in tab && tab.name ? [{ ...tab, type: 'group' } as Field] : topLevelFields(tab.fields)))
    if ('fields' in f && Array.isArray(f.fields)) return topLevelFields(f.fields as Field[])
    return []
  })
}

const namedFields = new WeakMap<Field[], Map<string, Field>>()

/** A top-level field by name, from a map kept per fields array (a config whose fields are replaced gets a new one). */
function topLevelField(config: Pick<CollectionConfig, 'fields'>, name: string): Field | undefined {
  let byName = namedFields.get(config.fields)
  if (!byName) namedFields.set(config.fields, (byName = new Map(topLevelFields(config.fields).map((f) => [(f as { name: string }).name, f]))))
  return byName.get(name)
}

const RELATIONAL = new Set(['relationship', 'upload', 'join'])

/** Why a field (and what it holds) is not answered as stored; `nested`: below the top level. */
function fieldDeclines(field: Field, nested: boolean): string | undefined {
  const f = field as Field & { hooks?: { afterRead?: unknown[] }; localized?: boolean; virtual?: unknown; hidden?: boolean; name?: string }
  const name = f.name ?? f.type
  if (f.hooks?.afterRead?.length) return `${name}: afterRead hook`
  if (f.localized) return `${name}: localized`
  if (f.virtual) return `${name}: virtual`
  if (f.type === 'richText' || f.type === 'join' || f.type === 'blocks') return `${name}: ${f.type}`
  if (nested && f.hidden) return `${name}: hidden, nested`
  const children: Field[] = f.type === 'tabs' ? f.tabs.flatMap((t) => t.fields) : 'fields' in f && Array.isArray(f.fields) ? (f.fields as Field[]) : []
  for (const child of children) {
    const why = fieldDeclines(child, true)
    if (why) return `${name}.${why}`
  }
  return undefined
}

const holdsRelation = (field: Field): boolean =>
  RELATIONAL.has(field.type) ||
  (field.type === 'tabs' ? field.tabs.some((t) => t.fields.some(holdsRelation)) : 'fields' in field && Array.isArray(field.fields) && (field.fields as Field[]).some(holdsRelation))

/** The select's key, or null when it is not a list of top-level fields set to `true`. */
function selectKey(select: SelectType | undefined): string | null {
  if (select === undefined) return ''
  if (!select || typeof select !== 'object') return null
  const keys = Object.keys(select)
  if (!keys.length || keys.some((k) => select[k] !== true)) return null
  return keys.sort().join(',')
}

type ReaderAdapter = { documentReader?: (request: ReaderRequest) => DocumentReader | null; tableNameMap: Map<string, string> }

/** A collection's or a global's config, as the judgment reads it. */
type EntityConfig = Pick<CollectionConfig, 'fields' | 'hooks' | 'versions' | 'upload' | 'auth'> & { flattenedFields: FlattenedField[] }

/** How `slug`'s documents (a collection's, or a global's with `global`) are served for `select`, or null. */
function servedFor(payload: Payload, slug: string, select: SelectType | undefined, global = false, operation: ServedOperation = 'findByID'): Served | null {
  const config = (global ? payload.config.globals.find((g) => g.slug === slug) : payload.collections[slug as keyof typeof payload.collections]?.config) as unknown as EntityConfig | undefined
  if (!config) return null
  const hooks = config.hooks ?? {}
  const parts = [config.fields, hooks.beforeRead, hooks.afterRead, hooks.beforeOperation, hooks.afterOperation, config.versions, config.upload, config.auth]
  let judgment = judgments.get(config)
  if (!judgment || judgment.parts.some((p, i) => p !== parts[i])) {
    judgment = { parts, declined: {}, selects: new Map() }
    judgments.set(config, judgment)
  }
  const declined = (judgment.declined[operation] ??= collectionDeclines(config as unknown as CollectionConfig, operation) ?? null)
  if (declined) return null
  const key = selectKey(select)
  if (key === null) return null
  let served = judgment.selects.get(key)
  if (served === undefined) {
    served = judgeSelect(payload, global ? undefined : slug, slug, config, select)
    judgment.selects.set(key, served)
  }
  return served
}

function judgeSelect(payload: Payload, collectionSlug: string | undefined, slug: string, config: EntityConfig, select: SelectType | undefined): Served | null {
  const fields = topLevelFields(config.fields).filter((f) => !select || ('name' in f && select[f.name] === true))
  if (fields.some((f) => fieldDeclines(f, false))) return null
  const adapter = payload.db as unknown as ReaderAdapter
  const tableName = adapter.tableNameMap.get(snake(slug)) ?? snake(slug)
  const reader = adapter.documentReader?.({ collectionSlug, tableName, fields: config.flattenedFields, select })
  if (!reader) return null
  const hidden = fields.filter((f) => (f as { hidden?: boolean }).hidden && 'name' in f).map((f) => (f as { name: string }).name)
  return {
    reader,
    hidden,
    relational: fields.some(holdsRelation),
    ...(collectionSlug ? {} : { global: { ...globalStatement(reader, tableName), unsaved: unsavedGlobal(fields) } }),
    ...(collectionSlug && config.auth ? { authCollection: collectionSlug } : {}),
    ...(collectionSlug ? { list: { config, columns: (adapter as unknown as { tables: TableColumns }).tables[tableName], table: quoted(tableName), statements: new Map() } } : {}),
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

/** A global's stored document: its one row (the newest, as the adapter reads it). */
function globalStatement(reader: DocumentReader, tableName: string): { name: string; text: string } {
  const table = quoted(tableName)
  return { name: `${reader.name}_global`, text: `select ${reader.expression} as doc from ${table} order by ${table}."created_at" desc limit 1` }
}

/**
 * What Payload's read of a global never saved answers for these (selected, top-level) fields: an empty document on
 * which its afterRead traversal sets each field's default. Known here when every field is a plain value (not a
 * group, array, blocks or tabs, whose traversal makes containers), not hidden, with no default or a static
 * primitive one; otherwise null, and Payload answers.
 */
function unsavedGlobal(fields: Field[]): Record<string, unknown> | null {
  const doc: Record<string, unknown> = {}
  for (const field of fields) {
    const f = field as Field & { name?: string; hidden?: boolean; defaultValue?: unknown }
    if (!f.name || f.hidden || 'fields' in f || 'blocks' in f || 'tabs' in f) return null
    const value = f.defaultValue
    if (value === undefined) continue
    if (value !== null && typeof value === 'object') return null
    if (typeof value === 'function') return null
    doc[f.name] = value
  }
  return doc
}

/** The arguments' id as an integer, or null. */
function integerId(id: unknown): number | null {
  const n = typeof id === 'number' ? id : typeof id === 'string' && /^-?\d{1,15}$/.test(id) ? Number(id) : NaN
  return Number.isSafeInteger(n) ? n : null
}

/** What {@link storedDocument} uses of a drizzle database or transaction handle. */
interface Handle {
  session: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string | undefined, arrayMode: boolean): { execute(): Promise<{ rows: { doc: unknown }[] }> } }
  $replicas?: Handle[]
}

/**
 * The stored documents a statement answers, hidden top-level fields removed unless shown: on the request's
 * transaction, else on a replica or the pool.
 */
async function storedDocuments(
  payload: Payload,
  args: { req?: Partial<PayloadRequest>; showHiddenFields?: boolean },
  served: Served,
  statement: { name: string; text: string },
  params: unknown[],
): Promise<Record<string, unknown>[]> {
  const adapter = adapterOf(payload)
  let handle = (await txOf({ payload, transactionID: args.req?.transactionID })) as unknown as Handle
  if (handle === (adapter.drizzle as unknown) && handle.$replicas?.length) handle = handle.$replicas[Math.floor(Math.random() * handle.$replicas.length)]
  // unnamed with SQL_PLAN_CACHE=off (behind a pooler that keeps no prepared statements; src/db/plan-cache.ts)
  const name = planCacheEnabled() ? statement.name : undefined
  const { rows } = await handle.session.prepareQuery({ sql: statement.text, params }, undefined, name, false).execute()
  return rows.flatMap(({ doc: stored }) => {
    if (stored == null) return []
    const doc = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Record<string, unknown>
    if (!args.showHiddenFields) for (const field of served.hidden) delete doc[field]
    if (served.authCollection) doc.collection = served.authCollection
    return [doc]
  })
}

/** The first of them, or null when there is none. */
async function storedDocument(...args: Parameters<typeof storedDocuments>): Promise<Record<string, unknown> | null> {
  return (await storedDocuments(...args))[0] ?? null
}

/** Whether a call asks only what the reads serve: the `allowed` arguments, access overridden, no drafts, trash or lock status. */
function servedCall(args: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key of Object.keys(args)) if (args[key] !== undefined && !allowed.has(key)) return false
  return args.overrideAccess !== false && !args.draft && !args.trash && !args.includeLockStatus
}

/** Whether `served` answers the call's depth: any over no relation, 0 over one. */
const servesDepth = (payload: Payload, served: Served, depth: unknown) => !served.relational || (depth ?? payload.config.defaultDepth) === 0

/** The plan for one call, or null when Payload answers it. */
export function internalReadPlan(payload: Payload, args: FindByIDArgs): { served: Served; id: number } | null {
  const a = args as FindByIDArgs & Record<string, unknown>
  if (!servedCall(a, SERVED_ARGS)) return null
  const id = integerId(a.id)
  if (id === null) return null
  const served = servedFor(payload, a.collection, a.select as SelectType | undefined)
  return served && servesDepth(payload, served, a.depth) ? { served, id } : null
}

/**
 * Serves what {@link internalReadPlan} accepts and hands the rest to Payload's `findByID` (`original`); a document not
 * found goes there too, for its own error (or null with `disableErrors`).
 */
export function internalFindByID(payload: Payload, original: Payload['findByID']): Payload['findByID'] {
  return (async (args: FindByIDArgs) => {
    const plan = internalReadPlan(payload, args)
    if (!plan) return original(args)
    return (await storedDocument(payload, args, plan.served, plan.served.reader, [[plan.id]])) ?? original(args)
  }) as Payload['findByID']
}

type FindGlobalArgs = Parameters<Payload['findGlobal']>[0]

/** The arguments a served global read may carry: those of a read by id, with the global's slug for the collection and id. */
const SERVED_GLOBAL_ARGS = new Set([...SERVED_ARGS].filter((key) => !['collection', 'id', 'trash'].includes(key)).concat('slug'))

/** The same for `findGlobal`: how the call is served, or null when Payload answers it. */
export function internalGlobalReadPlan(payload: Payload, args: FindGlobalArgs): Served | null {
  const a = args as FindGlobalArgs & Record<string, unknown>
  if (!servedCall(a, SERVED_GLOBAL_ARGS)) return null
  const served = servedFor(payload, a.slug, a.select as SelectType | undefined, true)
  return served && servesDepth(payload, served, a.depth) ? served : null
}

/**
 * Serves what {@link internalGlobalReadPlan} accepts (its stored row, with `globalType` as the adapter sets it and
 * Payload keeps it: without a select, or a select that asks for it) and hands the rest to Payload's `findGlobal`; a
 * global never saved is answered with its selected fields' defaults when they are known ({@link unsavedGlobal}), else
 * goes there too.
 */
export function internalFindGlobal(payload: Payload, original: Payload['findGlobal']): Payload['findGlobal'] {
  return (async (args: FindGlobalArgs) => {
    const served = internalGlobalReadPlan(payload, args)
    if (!served?.global) return original(args)
    const doc = await storedDocument(payload, args, served, served.global, [])
    // never saved: no `globalType` either (the adapter sets it on a stored row)
    if (!doc) return served.global.unsaved ? { ...served.global.unsaved } : original(args)
    const select = args.select as SelectType | undefined
    if (!select || select.globalType === true) doc.globalType = args.slug
    return doc
  }) as Payload['findGlobal']
}

type FindArgs = Parameters<Payload['find']>[0]

/** The arguments a served list may carry: those of a read by id but the id, with its where, limit and page. */
const SERVED_FIND_ARGS = new Set([...SERVED_ARGS].filter((key) => key !== 'id').concat('where', 'pagination', 'limit', 'page'))

/** Field types whose `equals` is the column's `=`, with a value of this JS type. */
const EQUALS_TYPES: Record<string, 'string' | 'number'> = { text: 'string', email: 'string', textarea: 'string', select: 'string', number: 'number', relationship: 'number' }

type TableColumns = Record<string, Record<string, { name?: unknown } | undefined> | undefined>

/** A served list's condition: its shape (the statement's key), its SQL on the collection's table, its parameters. */
interface Condition {
  shape: string
  sql: string
  params: unknown[]
}

const isIntegerId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v)

/**
 * A where the lists serve, as SQL: the ids (`id` `in` or `equals`), or one top-level stored column `equals` a value
 * of its type (text, email, textarea, an option of a select, a number, a relationship's id). Anything else: null.
 */
function conditionOf({ config, columns, table }: ListTable, where: unknown): Condition | null {
  if (!where || typeof where !== 'object') return null
  const entries = Object.entries(where as Record<string, unknown>)
  if (entries.length !== 1) return null
  const [[path, constraint]] = entries
  if (!constraint || typeof constraint !== 'object') return null
  const operators = Object.entries(constraint as Record<string, unknown>)
  if (operators.length !== 1) return null
  const [[operator, value]] = operators
  if (path === 'id') {
    if (operator === 'equals' && isIntegerId(value)) return { shape: 'id=', sql: `${table}."id" = $1`, params: [value] }
    if (operator === 'in' && Array.isArray(value) && value.length > 0 && value.every(isIntegerId))
      return { shape: 'id in', sql: `${table}."id" = any(${opaqueParameter(1, 'integer[]')})`, params: [value] }
    return null
  }
  if (operator !== 'equals') return null
  const field = topLevelField(config, path) as (Field & { localized?: boolean; virtual?: unknown; hasMany?: boolean; relationTo?: unknown; options?: unknown[] }) | undefined
  const type = field && EQUALS_TYPES[field.type]
  if (!field || !type || field.localized || field.virtual || field.hasMany || typeof value !== type) return null
  if (field.type === 'relationship' && (typeof field.relationTo !== 'string' || !isIntegerId(value))) return null
  if (type === 'number' && !Number.isFinite(value)) return null
  if (field.type === 'select' && !field.options?.some((o) => (typeof o === 'string' ? o : (o as { value?: unknown }).value) === value)) return null
  const column = columns?.[path]?.name
  if (typeof column !== 'string') return null
  return { shape: `${path}=`, sql: `${table}.${quoted(column)} = $1`, params: [value] }
}

/** Field types a list's default sort is served by: one stored, non-relational column. */
const SORT_TYPES = new Set(['text', 'email', 'textarea', 'select', 'number', 'date', 'checkbox'])

/**
 * The adapter's order of an unsorted list, as SQL: the collection's `defaultSort` (else `-createdAt`, or `-id` on a
 * table without it), then `-createdAt` (or `-id`) unless already the sort — what buildOrderBy adds. null: a sort on
 * anything but one plain top-level column (several fields, a path, a localized or relational field).
 */
function defaultOrderOf({ config, columns, table }: ListTable): string | null {
  const createdAt = columns?.createdAt?.name
  const fallback = typeof createdAt === 'string' ? 'createdAt' : 'id'
  const sort = (config as { defaultSort?: unknown }).defaultSort ?? `-${fallback}`
  if (typeof sort !== 'string') return null
  const desc = sort.startsWith('-')
  const path = desc ? sort.slice(1) : sort
  const columnOf = (name: string): string | null => {
    if (name === 'id') return 'id'
    if (name !== 'createdAt' && name !== 'updatedAt') {
      const field = topLevelField(config, name) as (Field & { localized?: boolean; hasMany?: boolean; virtual?: unknown }) | undefined
      if (!field || !SORT_TYPES.has(field.type) || field.localized || field.hasMany || field.virtual) return null
    }
    const column = columns?.[name]?.name
    return typeof column === 'string' ? column : null
  }
  const column = columnOf(path)
  if (!column) return null
  const order = [`${table}.${quoted(column)} ${desc ? 'desc' : 'asc'}`]
  if (path !== fallback) order.push(`${table}.${quoted(columnOf(fallback)!)} desc`)
  return order.join(', ')
}

/**
 * A served list's statement: the documents matching the condition in the adapter's order of an unsorted list
 * ({@link defaultOrderOf}), at most the last parameter (null: all); built once per shape. null: that order is not
 * served.
 */
function findStatement(served: Served, list: ListTable, condition: Condition): { name: string; text: string } | null {
  let statement = list.statements.get(condition.shape)
  if (statement === undefined) {
    const order = defaultOrderOf(list)
    statement = order
      ? {
          name: `${served.reader.name}_list_${list.statements.size}`,
          text: `select ${served.reader.expression} as doc from ${list.table} where ${condition.sql} order by ${order} limit $${condition.params.length + 1}`,
        }
      : null
    list.statements.set(condition.shape, statement)
  }
  return statement
}

/** How a `find` is served, or null when Payload answers it. */
export function internalFindPlan(payload: Payload, args: FindArgs): { served: Served; statement: { name: string; text: string }; params: unknown[] } | null {
  const a = args as FindArgs & Record<string, unknown>
  if (!servedCall(a, SERVED_FIND_ARGS) || a.pagination !== false || (a.page !== undefined && a.page !== 1)) return null
  const limit = a.limit ?? 0
  if (!Number.isSafeInteger(limit) || limit < 0) return null
  const served = servedFor(payload, a.collection, a.select as SelectType | undefined, false, 'find')
  if (!served?.list || !servesDepth(payload, served, a.depth)) return null
  const condition = conditionOf(served.list, a.where)
  const statement = condition && findStatement(served, served.list, condition)
  return statement ? { served, statement, params: [...condition.params, limit || null] } : null
}

/**
 * Serves what {@link internalFindPlan} accepts — an unpaginated list by ids or by one column, access overridden: the
 * documents in the adapter's order, with the page fields Payload gives an unpaginated answer — and hands the rest to
 * Payload's `find` (`original`).
 */
export function internalFind(payload: Payload, original: Payload['find']): Payload['find'] {
  return (async (args: FindArgs) => {
    const plan = internalFindPlan(payload, args)
    if (!plan) return original(args)
    const docs = await storedDocuments(payload, args, plan.served, plan.statement, plan.params)
    return { docs, hasNextPage: false, hasPrevPage: false, limit: args.limit ?? 0, nextPage: null, page: 1, pagingCounter: 1, prevPage: null, totalDocs: docs.length, totalPages: 1 }
  }) as Payload['find']
}

/** Payload's own `findByID` of an instance, kept when it is replaced. */
const ORIGINAL = Symbol('autohub.payloadFindByID')
const ORIGINAL_GLOBAL = Symbol('autohub.payloadFindGlobal')
const ORIGINAL_FIND = Symbol('autohub.payloadFind')

/** Installs {@link internalFindByID}, {@link internalFindGlobal} and {@link internalFind}; `INTERNAL_READS=off` leaves Payload's own. */
export function installInternalReads(payload: Payload, enabled = process.env.INTERNAL_READS !== 'off'): void {
  const own = payload as Payload & { [ORIGINAL]?: Payload['findByID']; [ORIGINAL_GLOBAL]?: Payload['findGlobal']; [ORIGINAL_FIND]?: Payload['find'] }
  own[ORIGINAL] ??= payload.findByID.bind(payload)
  own[ORIGINAL_GLOBAL] ??= payload.findGlobal.bind(payload)
  own[ORIGINAL_FIND] ??= payload.find.bind(payload)
  payload.findByID = enabled ? internalFindByID(payload, own[ORIGINAL]) : own[ORIGINAL]
  payload.findGlobal = enabled ? internalFindGlobal(payload, own[ORIGINAL_GLOBAL]) : own[ORIGINAL_GLOBAL]
  payload.find = enabled ? internalFind(payload, own[ORIGINAL_FIND]) : own[ORIGINAL_FIND]
}
