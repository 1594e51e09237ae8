/**
 * Internal reads by id in one prepared statement.
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
 * tests/int/foundation/internal-reads.test.ts compares both ways every document of every collection and every global.
 *
 * `INTERNAL_READS=off` leaves Payload's `findByID` and `findGlobal` as they are.
 */
import type { CollectionConfig, Field, FlattenedField, Payload, PayloadRequest, SelectType } from 'payload'

import { type DocumentReader, type ReaderRequest, snake } from '@/db/documents'
import { planCacheEnabled } from '@/db/plan-cache'
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
}

/** A collection's judgment: why it is not served, or how each select is (null: that select declines). */
interface Judgment {
  parts: unknown[]
  declined?: string
  selects: Map<string, Served | null>
}

const judgments = new WeakMap<object, Judgment>()

/** Whether a read or operation hook leaves a served read (by id, access overridden) as it is. */
const inertForRead = inertFor({ operation: 'findByID', overrideAccess: true })

/** Why a collection's (or a global's) reads are not served (undefined: they may be). */
export function collectionDeclines(config: CollectionConfig): string | undefined {
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
function servedFor(payload: Payload, slug: string, select: SelectType | undefined, global = false): Served | null {
  const config = (global ? payload.config.globals.find((g) => g.slug === slug) : payload.collections[slug as keyof typeof payload.collections]?.config) as unknown as EntityConfig | undefined
  if (!config) return null
  const hooks = config.hooks ?? {}
  const parts = [config.fields, hooks.beforeRead, hooks.afterRead, hooks.beforeOperation, hooks.afterOperation, config.versions, config.upload, config.auth]
  let judgment = judgments.get(config)
  if (!judgment || judgment.parts.some((p, i) => p !== parts[i])) {
    judgment = { parts, declined: collectionDeclines(config as unknown as CollectionConfig), selects: new Map() }
    judgments.set(config, judgment)
  }
  if (judgment.declined) return null
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
  }
}

/** A global's stored document: its one row (the newest, as the adapter reads it). */
function globalStatement(reader: DocumentReader, tableName: string): { name: string; text: string } {
  const table = `"${tableName.replace(/"/g, '""')}"`
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
 * The stored document a statement answers (its first row), hidden top-level fields removed unless shown: on the
 * request's transaction, else on a replica or the pool; null when there is none.
 */
async function storedDocument(
  payload: Payload,
  args: { req?: Partial<PayloadRequest>; showHiddenFields?: boolean },
  served: Served,
  statement: { name: string; text: string },
  params: unknown[],
): Promise<Record<string, unknown> | null> {
  const adapter = adapterOf(payload)
  let handle = (await txOf({ payload, transactionID: args.req?.transactionID })) as unknown as Handle
  if (handle === (adapter.drizzle as unknown) && handle.$replicas?.length) handle = handle.$replicas[Math.floor(Math.random() * handle.$replicas.length)]
  // unnamed with SQL_PLAN_CACHE=off (behind a pooler that keeps no prepared statements; src/db/plan-cache.ts)
  const name = planCacheEnabled() ? statement.name : undefined
  const { rows } = await handle.session.prepareQuery({ sql: statement.text, params }, undefined, name, false).execute()
  const stored = rows[0]?.doc
  if (stored == null) return null
  const doc = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Record<string, unknown>
  if (!args.showHiddenFields) for (const field of served.hidden) delete doc[field]
  return doc
}

/** The plan for one call, or null when Payload answers it. */
export function internalReadPlan(payload: Payload, args: FindByIDArgs): { served: Served; id: number } | null {
  const a = args as FindByIDArgs & Record<string, unknown>
  for (const key of Object.keys(a)) if (a[key] !== undefined && !SERVED_ARGS.has(key)) return null
  if (a.overrideAccess === false || a.draft || a.trash || a.includeLockStatus) return null
  const id = integerId(a.id)
  if (id === null) return null
  const served = servedFor(payload, a.collection, a.select as SelectType | undefined)
  if (!served) return null
  if (served.relational && (a.depth ?? payload.config.defaultDepth) !== 0) return null
  return { served, id }
}

/**
 * Serves what {@link internalReadPlan} accepts and hands the rest to Payload's `findByID` (`original`); a document not
 * found goes there too, for its own error (or null with `disableErrors`).
 */
export function internalFindByID(payload: Payload, original: Payload['findByID']): Payload['findByID'] {
  return (async (args: FindByIDArgs) => {
    const plan = internalReadPlan(payload, args)
    if (!plan) return original(args)
    const doc = await storedDocument(payload, args, plan.served, plan.served.reader, [[plan.id]])
    if (!doc) return original(args)
    if (plan.served.authCollection) doc.collection = plan.served.authCollection
    return doc
  }) as Payload['findByID']
}

type FindGlobalArgs = Parameters<Payload['findGlobal']>[0]

/** The arguments a served global read may carry: those of a read by id, with the global's slug for the collection and id. */
const SERVED_GLOBAL_ARGS = new Set([...SERVED_ARGS].filter((key) => !['collection', 'id', 'trash'].includes(key)).concat('slug'))

/** The same for `findGlobal`: how the call is served, or null when Payload answers it. */
export function internalGlobalReadPlan(payload: Payload, args: FindGlobalArgs): Served | null {
  const a = args as FindGlobalArgs & Record<string, unknown>
  for (const key of Object.keys(a)) if (a[key] !== undefined && !SERVED_GLOBAL_ARGS.has(key)) return null
  if (a.overrideAccess === false || a.draft || a.includeLockStatus) return null
  const served = servedFor(payload, a.slug, a.select as SelectType | undefined, true)
  if (!served || (served.relational && (a.depth ?? payload.config.defaultDepth) !== 0)) return null
  return served
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
    if (!served) return original(args)
    if (!served.global) return original(args)
    const doc = await storedDocument(payload, args, served, served.global, [])
    // never saved: no `globalType` either (the adapter sets it on a stored row)
    if (!doc) return served.global.unsaved ? { ...served.global.unsaved } : original(args)
    const select = args.select as SelectType | undefined
    if (!select || select.globalType === true) doc.globalType = args.slug
    return doc
  }) as Payload['findGlobal']
}

/** Payload's own `findByID` of an instance, kept when it is replaced. */
const ORIGINAL = Symbol('autohub.payloadFindByID')
const ORIGINAL_GLOBAL = Symbol('autohub.payloadFindGlobal')

/** Installs {@link internalFindByID} and {@link internalFindGlobal} on the instance; `INTERNAL_READS=off` leaves Payload's own. */
export function installInternalReads(payload: Payload, enabled = process.env.INTERNAL_READS !== 'off'): void {
  const own = payload as Payload & { [ORIGINAL]?: Payload['findByID']; [ORIGINAL_GLOBAL]?: Payload['findGlobal'] }
  own[ORIGINAL] ??= payload.findByID.bind(payload)
  own[ORIGINAL_GLOBAL] ??= payload.findGlobal.bind(payload)
  payload.findByID = enabled ? internalFindByID(payload, own[ORIGINAL]) : own[ORIGINAL]
  payload.findGlobal = enabled ? internalFindGlobal(payload, own[ORIGINAL_GLOBAL]) : own[ORIGINAL_GLOBAL]
}
