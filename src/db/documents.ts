/**
 * Documents built by PostgreSQL, for every collection and global Payload reads through its drizzle adapter.
 *
 * Payload's drizzle adapter reads a page of documents with one relational query (a lateral join per array, per
 * locales table, per relationship table) which drizzle builds anew for every call, then reshapes each row in
 * JavaScript (`transform`: one spread of the whole row per localized field). The profile of a default-fields
 * cars page put those two at ≈ 6.7 of its 23 ms (bench/NOTES.md). This module derives, once per collection and
 * `select` shape, one SQL statement that returns each document as the JSON object `transform` would have
 * produced: the adapter patch (patches/@payloadcms+drizzle+3.89.0.patch, `documentReader`) runs it for the ids
 * of the page instead of the relational query and the transform, and for a document it has just written (create,
 * update) instead of reading it back that way. Everything after — access, `afterRead` hooks,
 * field access, hidden fields, population, locale fallback — is Payload's own, unchanged.
 *
 * It declines (the adapter reads as before) whatever it does not reproduce exactly: versions, non-numeric ids,
 * blocks, points, joins, localized arrays and lists (relationships, select, text, number), a table, column or
 * column type it does not know.
 * tests/int/foundation/sql-documents.test.ts compares its documents with the adapter's own for every collection.
 */
import type { Field, FlattenedField, Payload, SelectType } from 'payload'
import { fieldIsVirtual, fieldShouldBeLocalized } from 'payload/shared'

import { opaqueParameter } from './plan-cache'

/** What the reader needs of a drizzle column / table / the postgres adapter. */
interface Column {
  name: string
  columnType: string
}
type Table = Record<string, unknown>
export interface AdapterShape {
  tables: Record<string, Table>
  tableNameMap: Map<string, string>
  localesSuffix?: string
  relationshipsSuffix?: string
  payload: {
    collections: Record<string, { customIDType?: unknown } | undefined>
    config: Pick<Payload['config'], 'localization'> & { globals?: readonly { slug: string }[] }
  }
}

/** The arguments the adapter patch passes: those of its `findMany` (a global's read has no `collectionSlug`). */
export interface ReaderRequest {
  collectionSlug?: string
  tableName: string
  fields: FlattenedField[]
  select?: SelectType
  versions?: boolean
}

/**
 * How the adapter reads documents with it:
 * - `expression`: a document's JSON over a row of the collection's table, named by the table's own name — the
 *   select list of one statement over the table joined to the page's ids (the adapter's where, sort, offset and
 *   limit in a subquery: at the same level PostgreSQL would build a document for every skipped offset row);
 * - `text`: the documents of the ids bound to `$1` (an integer array; any order, the adapter restores the page's),
 *   one row per document, its JSON in `doc`, for pages whose ids the adapter has already read (sorts and filters
 *   on joined tables); `name` makes it a prepared statement, planned once per connection (unnamed with
 *   `SQL_PLAN_CACHE=off`).
 */
export interface DocumentReader {
  expression: string
  name: string
  text: string
}

/** Statement names are unique in the process (a connection refuses one name for two texts). */
let statements = 0

class Decline extends Error {}
const decline = (why: string): never => {
  throw new Decline(why)
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`

/** to-snake-case as the adapter names array and select tables (a name it spells differently is not found: declined). */
export const snake = (name: string) =>
  name
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z\d])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase()

const column = (table: Table, key: string): Column => {
  const c = table[key] as Partial<Column> | undefined
  if (!c || typeof c !== 'object' || typeof c.name !== 'string' || typeof c.columnType !== 'string') return decline(`column ${key}`)
  return c as Column
}

/** A column's value as `transform` gives it: dates as ISO strings with milliseconds, the rest as PostgreSQL's JSON. */
function valueOf(alias: string, c: Column): string {
  const ref = `${alias}.${ident(c.name)}`
  switch (c.columnType) {
    case 'PgTimestampString':
    case 'PgTimestamp':
      return `to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    case 'PgNumeric':
    case 'PgNumericNumber':
    case 'PgInteger':
    case 'PgSerial':
    case 'PgBigInt53':
    case 'PgDoublePrecision':
    case 'PgReal':
    case 'PgVarchar':
    case 'PgText':
    case 'PgEnumColumn':
    case 'PgBoolean':
    case 'PgJsonb':
    case 'PgJson':
      return ref
    default:
      return decline(`column type ${c.columnType}`)
  }
}

/**
 * A key and its SQL value; `optional`: a SQL null leaves the key out (where `transform` leaves it undefined: a
 * single polymorphic relationship without a relation row).
 */
type Pair = [key: string, value: string, optional?: boolean]

/** `jsonb_build_object` takes at most 100 arguments: larger objects are concatenated, as are optional keys. */
function object(pairs: Pair[]): string {
  const plain = pairs.filter((p) => !p[2])
  const chunks: string[] = []
  for (let i = 0; i < plain.length; i += 40) {
    chunks.push(
      `jsonb_build_object(${plain
        .slice(i, i + 40)
        .map(([k, v]) => `${literal(k)}, ${v}`)
        .join(', ')})`,
    )
  }
  for (const [k, v] of pairs.filter((p) => p[2])) chunks.push(`jsonb_strip_nulls(jsonb_build_object(${literal(k)}, ${v}))`)
  return chunks.length ? chunks.join(' || ') : `'{}'::jsonb`
}

/** One table level of a document: the main table or an array's table. */
interface Level {
  name: string // SQL table name
  alias: string
  table: Table
  locales?: { name: string; table: Table }
}

interface Context {
  adapter: AdapterShape
  top: string // the collection's table (its relationships table holds every level's relations)
  topAlias: string // how the statement names it: the table's own name, as in the adapter's `where` and `orderBy`
  localeCodes: string[]
  aliases: number
}

const nextAlias = (ctx: Context) => `d${ctx.aliases++}`

function levelOf(ctx: Context, name: string, alias: string): Level {
  const table = ctx.adapter.tables[name] ?? decline(`table ${name}`)
  const localesName = `${name}${ctx.adapter.localesSuffix ?? '_locales'}`
  const locales = ctx.adapter.tables[localesName]
  return { name, alias, table, locales: locales ? { name: localesName, table: locales } : undefined }
}

/** Where a field's own data is read from: the level's row, or (inside a localized group) one locales row. */
interface Source {
  alias: string
  table: Table
  inLocale: boolean
}

interface Walk {
  level: Level
  source: Source
  prefix: string // column key prefix (groups: `meta_`)
  tablePath: string // table name path (groups: `meta_`)
  path: string // SQL text of the relationship path prefix (`'features'`, `'compatibility.' || (d1._order - 1) || '.'`)
  parentIsLocalized: boolean
}

const pathText = (w: Walk, name: string) => (w.path ? `${w.path} || ${literal(name)}` : literal(name))

/**
 * The path condition on a relationships / texts / numbers table, written so that it cannot use the path index:
 * the parent's index finds the document's few rows, and with the path index PostgreSQL could intersect every
 * row of a common path (`features`: all cars' features) when its statistics are stale.
 */
const pathIs = (column: string, w: Walk, name: string) => `(${column} || '') = ${pathText(w, name)}`

/** Payload's own test (its helpers take the unflattened field types; a flattened field carries what they read). */
const isVirtual = (field: FlattenedField) => fieldIsVirtual(field as Field)

function fieldsOf(ctx: Context, fields: readonly FlattenedField[], w: Walk, only?: (f: FlattenedField) => boolean): Pair[] {
  const pairs: Pair[] = []
  for (const field of fields) {
    if (isVirtual(field) || (only && !only(field))) continue
    const polymorphicOne = (field.type === 'relationship' || field.type === 'upload') && Array.isArray(field.relationTo) && !field.hasMany
    pairs.push([field.name, fieldValue(ctx, field, w), polymorphicOne])
  }
  return pairs
}

/** The keys a localized group has when its document has no locales row: its groups, down to their (absent) values. */
function emptyGroup(fields: readonly FlattenedField[]): string {
  const pairs: Pair[] = []
  for (const f of fields) if ((f.type === 'group' || f.type === 'tab') && !isVirtual(f)) pairs.push([f.name, emptyGroup(f.flattenedFields)])
  return object(pairs)
}

function fieldValue(ctx: Context, field: FlattenedField, w: Walk): string {
  const localized = fieldShouldBeLocalized({ field: field as Field, parentIsLocalized: w.parentIsLocalized })
  const key = `${w.prefix}${field.name}`
  const { level } = w
  switch (field.type) {
    case 'blocks':
    case 'join':
    case 'point':
      return decline(`${field.type} field ${field.name}`)
    case 'array': {
      if (localized || w.source.inLocale || w.parentIsLocalized) return decline(`localized array ${field.name}`)
      const name = ctx.adapter.tableNameMap.get(`${level.name}_${w.tablePath}${snake(field.name)}`) ?? decline(`array table of ${field.name}`)
      const rows = levelOf(ctx, name, nextAlias(ctx))
      if ('_locale' in rows.table) return decline(`array ${field.name} with a locale column`)
      const order = `${rows.alias}.${ident(column(rows.table, '_order').name)}`
      const inner: Walk = {
        level: rows,
        source: { alias: rows.alias, table: rows.table, inLocale: false },
        prefix: '',
        tablePath: '',
        path: `${pathText(w, field.name)} || '.' || (${order} - 1) || '.'`,
        parentIsLocalized: false,
      }
      const row = object([['id', valueOf(rows.alias, column(rows.table, 'id'))], ...fieldsOf(ctx, field.flattenedFields, inner)])
      const parent = `${rows.alias}.${ident(column(rows.table, '_parentID').name)}`
      return `coalesce((select jsonb_agg(${row} order by ${order}) from ${ident(name)} ${rows.alias} where ${parent} = ${level.alias}.id), '[]'::jsonb)`
    }
    case 'group':
    case 'tab': {
      const inner = (source: Source): Walk => ({
        ...w,
        source,
        prefix: `${key}_`,
        tablePath: `${w.tablePath}${snake(field.name)}_`,
        path: `${w.path ? `${w.path} || ` : ''}${literal(`${field.name}.`)}`,
        parentIsLocalized: w.parentIsLocalized || Boolean(field.localized),
      })
      if (!localized) return object(fieldsOf(ctx, field.flattenedFields, inner(w.source)))
      // A localized group: one object per locales row, keyed by its locale (`{ en: {…}, ar: {…} }`).
      if (w.source.inLocale || !level.locales) return decline(`localized group ${field.name}`)
      const l = nextAlias(ctx)
      const byLocale = object(fieldsOf(ctx, field.flattenedFields, inner({ alias: l, table: level.locales.table, inLocale: true })))
      const localeCol = ident(column(level.locales.table, '_locale').name)
      const parent = ident(column(level.locales.table, '_parentID').name)
      const empty = object(ctx.localeCodes.map((code) => [code, emptyGroup(field.flattenedFields)]))
      return `coalesce((select jsonb_object_agg(${l}.${localeCol}, ${byLocale}) from ${ident(level.locales.name)} ${l} where ${l}.${parent} = ${level.alias}.id), ${empty})`
    }
    case 'relationship':
    case 'upload': {
      const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
      for (const slug of targets) {
        const target = ctx.adapter.payload.collections[slug]
        if (!target || target.customIDType) return decline(`relationship ${field.name} to ${slug}`)
      }
      const polymorphic = Array.isArray(field.relationTo)
      if (!field.hasMany && !polymorphic) return scalar(ctx, key, field.name, localized, w)
      if (localized || w.source.inLocale || w.parentIsLocalized) return decline(`localized relationship list ${field.name}`)
      // The relationships table: one row per relation, by path (`features`, `compatibility.0.models`) and order.
      const relsName = `${ctx.top}${ctx.adapter.relationshipsSuffix ?? '_rels'}`
      const rels = ctx.adapter.tables[relsName] ?? decline(`table ${relsName}`)
      const r = nextAlias(ctx)
      const col = (k: string) => `${r}.${ident(column(rels, k).name)}`
      const where = `${col('parent')} = ${ctx.topAlias}.id and ${pathIs(col('path'), w, field.name)}` // the document's, at any depth
      const order = `${col('order')}, ${col('id')}`
      if (!polymorphic) {
        const id = col(`${field.relationTo as string}ID`)
        return `coalesce((select jsonb_agg(${id} order by ${order}) from ${ident(relsName)} ${r} where ${where} and ${id} is not null), '[]'::jsonb)`
      }
      // Polymorphic: `{ relationTo, value }` from the first target column set, in the relationships table's column order.
      const ordered = Object.keys(rels).filter((k) => k.endsWith('ID') && (targets as string[]).includes(k.slice(0, -2)))
      const value = `case ${ordered.map((k) => `when ${col(k)} is not null then jsonb_build_object('relationTo', ${literal(k.slice(0, -2))}, 'value', ${col(k)})`).join(' ')} end`
      const any = `coalesce(${ordered.map((k) => col(k)).join(', ')}) is not null`
      if (field.hasMany) return `coalesce((select jsonb_agg(${value} order by ${order}) from ${ident(relsName)} ${r} where ${where} and ${any}), '[]'::jsonb)`
      return `(select ${value} from ${ident(relsName)} ${r} where ${where} order by ${order} limit 1)`
    }
    case 'select': {
      if (!field.hasMany) return scalar(ctx, key, field.name, localized, w)
      if (localized || w.source.inLocale || w.parentIsLocalized) return decline(`localized select list ${field.name}`)
      const name = ctx.adapter.tableNameMap.get(`${level.name}_${w.tablePath}${snake(field.name)}`) ?? decline(`select table of ${field.name}`)
      const table = ctx.adapter.tables[name] ?? decline(`table ${name}`)
      if ('locale' in table) return decline(`select list ${field.name} with a locale column`)
      const s = nextAlias(ctx)
      const col = (k: string) => `${s}.${ident(column(table, k).name)}`
      return `coalesce((select jsonb_agg(${col('value')} order by ${col('order')}) from ${ident(name)} ${s} where ${col('parent')} = ${level.alias}.id), '[]'::jsonb)`
    }
    case 'text':
    case 'number': {
      if (!(field as { hasMany?: boolean }).hasMany) return scalar(ctx, key, field.name, localized, w)
      if (localized || w.source.inLocale || w.parentIsLocalized) return decline(`localized ${field.type} list ${field.name}`)
      // The document's `_texts` / `_numbers` table, by path and order like relationships.
      const name = `${ctx.top}_${field.type === 'text' ? 'texts' : 'numbers'}`
      const table = ctx.adapter.tables[name] ?? decline(`table ${name}`)
      const t = nextAlias(ctx)
      const col = (k: string) => `${t}.${ident(column(table, k).name)}`
      return `coalesce((select jsonb_agg(${col(field.type)} order by ${col('order')}, ${col('id')}) from ${ident(name)} ${t} where ${col('parent')} = ${ctx.topAlias}.id and ${pathIs(col('path'), w, field.name)}), '[]'::jsonb)`
    }
    default:
      return scalar(ctx, key, field.name, localized, w)
  }
}

/** A plain column: from the current source, or (localized, outside a localized group) `{ en: …, ar: … }` from the locales table. */
function scalar(ctx: Context, key: string, name: string, localized: boolean, w: Walk): string {
  if (!localized || w.source.inLocale) return valueOf(w.source.alias, column(w.source.table, key))
  const locales = w.level.locales ?? decline(`locales table for ${name}`)
  const l = nextAlias(ctx)
  const localeCol = ident(column(locales.table, '_locale').name)
  const parent = ident(column(locales.table, '_parentID').name)
  return `coalesce((select jsonb_object_agg(${l}.${localeCol}, ${valueOf(l, column(locales.table, key))}) from ${ident(locales.name)} ${l} where ${l}.${parent} = ${w.level.alias}.id), '{}'::jsonb)`
}

/**
 * The top-level fields a `select` keeps (undefined: all), in Payload's two modes: include (no `false` anywhere at the
 * top) keeps the fields named, exclude keeps the others. A nested select (`location: { city: true }`) keeps the
 * whole field: Payload's afterRead strips what it did not ask for, before any hook of the field runs.
 */
function selectedFields(select: SelectType | undefined): ((f: FlattenedField) => boolean) | undefined {
  if (!select || !Object.keys(select).length) return undefined
  const exclude = Object.values(select).some((v) => v === false)
  return exclude ? (f) => select[f.name] !== false : (f) => Boolean(select[f.name])
}

/** The reader for one collection and select shape, or the reason it declines. */
export function buildDocumentReader(adapter: AdapterShape, request: ReaderRequest): { reader: DocumentReader } | { declined: string } {
  try {
    if (request.versions) return decline('versions')
    if (request.collectionSlug) {
      const collection = adapter.payload.collections[request.collectionSlug] ?? decline(`collection ${request.collectionSlug}`)
      if (collection.customIDType) return decline('custom id type')
    } else if (!(adapter.payload.config.globals ?? []).some((g) => adapter.tableNameMap.get(snake(g.slug)) === request.tableName)) {
      return decline('not a collection or global')
    }
    const localization = adapter.payload.config.localization
    const ctx: Context = { adapter, top: request.tableName, topAlias: ident(request.tableName), localeCodes: localization ? localization.localeCodes : [], aliases: 1 }
    const level = levelOf(ctx, request.tableName, ctx.topAlias)
    const idColumn = column(level.table, 'id')
    if (idColumn.columnType !== 'PgSerial' && idColumn.columnType !== 'PgInteger') return decline(`id column ${idColumn.columnType}`)
    const walk: Walk = { level, source: { alias: ctx.topAlias, table: level.table, inLocale: false }, prefix: '', tablePath: '', path: '', parentIsLocalized: false }
    const doc = object([['id', `${ctx.topAlias}.id`], ...fieldsOf(ctx, request.fields, walk, selectedFields(request.select))])
    const from = ident(request.tableName)
    return { reader: { expression: doc, name: `autohub_documents_${++statements}`, text: `select ${doc} as doc from ${from} where ${from}.id = any(${opaqueParameter(1, 'integer[]')})` } }
  } catch (err) {
    if (err instanceof Decline) return { declined: err.message }
    throw err
  }
}

/**
 * Install the reader on Payload's postgres adapter (`SQL_DOCUMENTS=off` leaves the adapter as it was). Readers are
 * built once per table and select shape; a declined shape is remembered as declined.
 */
export function installDocumentReader(payload: Payload, enabled = process.env.SQL_DOCUMENTS !== 'off'): void {
  const adapter = payload.db as unknown as AdapterShape & { documentReader?: (request: ReaderRequest) => DocumentReader | null }
  if (!enabled || !adapter.tables || !adapter.tableNameMap) {
    delete adapter.documentReader
    return
  }
  const cache = new Map<string, DocumentReader | null>()
  adapter.documentReader = (request) => {
    if (request.versions) return null
    const key = `${request.tableName}\u0000${request.select ? JSON.stringify(request.select) : ''}`
    let reader = cache.get(key)
    if (reader === undefined) {
      const built = buildDocumentReader(adapter, request)
      reader = 'reader' in built ? built.reader : null
      cache.set(key, reader)
    }
    return reader
  }
}
