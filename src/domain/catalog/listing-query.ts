/**
 * The public listing search as a plan — the read path `GET /api/cars` takes for anonymous card queries
 * (src/http/listing-read.ts). Pure: it takes the query string exactly as Payload parses it (`qs`) and
 * returns either a plan (filters, sort, page, limit, fields, depth) or the reason the request must go to
 * Payload's generic find instead. Anything it does not fully understand is declined, never approximated:
 * the fast path and Payload must return the same JSON for every request the planner accepts
 * (tests/int/catalog/listing-read.test.ts compares them).
 */
import { CAR_STATUSES } from './listing'
import { BODY_TYPES, CAR_CONDITIONS, DRIVE_TYPES, FUEL_TYPES, TRANSMISSIONS } from './options'
import { clampPageSize } from '../pagination'

type Kind = 'id' | 'number' | 'text' | 'enum' | 'boolean' | 'date' | 'relation'

export interface ListingField {
  /** SQL column of `cars` (alias c). */
  column: string
  kind: Kind
  /** Allowed values of an enum column. */
  values?: readonly string[]
  filter?: boolean
  sort?: boolean
  select?: boolean
  /** A `hasMany` select's table of values (`parent_id`, `value`; `column` is `value`): a condition holds when any value does. */
  hasMany?: string
}

const n = (column: string, extra: Partial<ListingField> = {}): ListingField => ({ column, kind: 'number', filter: true, sort: true, select: true, ...extra })
const e = (column: string, values: readonly string[]): ListingField => ({ column, kind: 'enum', values, filter: true, select: true })
const t = (column: string, extra: Partial<ListingField> = {}): ListingField => ({ column, kind: 'text', select: true, ...extra })

/**
 * The car fields the fast path reads. Only plain columns without field-level read access, read hooks or
 * localization (checked against the live collection config at start: {@link unsafeListingFields} callers).
 * Not here — and so always answered by Payload: seller/dealer (user population), arrays, the
 * seller-private prices, whatsappLink (a read hook), SEO meta (localized).
 */
export const LISTING_FIELDS: Record<string, ListingField> = {
  id: { column: 'id', kind: 'id', filter: true, sort: true },
  title: t('title', { filter: true, sort: true }),
  slug: t('slug', { filter: true }),
  description: t('description'),
  make: { column: 'make_id', kind: 'relation', filter: true, select: true },
  model: { column: 'model_id', kind: 'relation', filter: true, select: true },
  primaryImage: { column: 'primary_image_id', kind: 'relation', select: true },
  year: n('year'),
  condition: e('condition', CAR_CONDITIONS),
  price: n('price'),
  currency: t('currency', { filter: true }),
  msrp: n('msrp'),
  mileage: n('mileage'),
  fuelType: e('fuel_type', FUEL_TYPES),
  transmission: e('transmission', TRANSMISSIONS),
  driveType: e('drive_type', DRIVE_TYPES),
  bodyType: e('body_type', BODY_TYPES),
  engineSize: n('engine_size'),
  cylinders: n('cylinders'),
  doors: n('doors'),
  seats: n('seats'),
  exteriorColor: t('exterior_color', { filter: true }),
  interiorColor: t('interior_color', { filter: true }),
  status: e('status', CAR_STATUSES),
  featured: { column: 'featured', kind: 'boolean', filter: true, select: true },
  negotiable: { column: 'negotiable', kind: 'boolean', filter: true, select: true },
  publishedAt: { column: 'published_at', kind: 'date', sort: true, select: true },
  createdAt: { column: 'created_at', kind: 'date', sort: true, select: true },
  updatedAt: { column: 'updated_at', kind: 'date', sort: true, select: true },
  viewsCount: n('views_count'),
  favoritesCount: n('favorites_count'),
  /** Never selected, filtered or sorted by a request: only the collection's read access names it (`isOwner('seller')`). */
  seller: { column: 'seller_id', kind: 'relation' },
  /** The whole `location` group (select only); its text parts filter as `location.city` etc. */
  location: { column: 'location', kind: 'text', select: true },
  'location.city': t('location_city', { filter: true, select: false }),
  'location.region': t('location_region', { filter: true, select: false }),
  'location.country': t('location_country', { filter: true, select: false }),
}

/** The fields of the `location` group, in order: [name, column, kind]. */
export const LOCATION_FIELDS: readonly [string, string, 'text' | 'number'][] = [
  ['address', 'location_address', 'text'],
  ['city', 'location_city', 'text'],
  ['region', 'location_region', 'text'],
  ['country', 'location_country', 'text'],
  ['latitude', 'location_latitude', 'number'],
  ['longitude', 'location_longitude', 'number'],
]

export type Operator = 'equals' | 'in' | 'greater_than' | 'greater_than_equal' | 'less_than' | 'less_than_equal'
const RANGE_OPERATORS = new Set<Operator>(['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'])

export interface Condition {
  field: string
  column: string
  operator: Operator
  /** One value, or the list of an `in`. Typed: numbers for numeric/id/relation columns, booleans, strings. */
  value: string | number | boolean | (string | number)[]
  /** The field's {@link ListingField.hasMany} table: the condition is on its values. */
  hasMany?: string
}

export interface SortTerm {
  field: string
  column: string
  direction: 'asc' | 'desc'
}

export interface ListingPlan {
  conditions: Condition[]
  sort: SortTerm[]
  page: number
  limit: number
  depth: 0 | 1
  /** Selected fields (besides `id`, always returned), in request order. */
  select: string[]
}

export type PlanResult = { ok: true; plan: ListingPlan } | { ok: false; reason: string }

const ALLOWED_PARAMS = new Set(['where', 'sort', 'page', 'limit', 'depth', 'select'])
const INTEGER = /^\d{1,9}$/
const DECIMAL = /^-?\d{1,15}(\.\d{1,15})?$/

const decline = (reason: string): PlanResult => ({ ok: false, reason })

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** qs turns `and[0]=…` into an array, or an object with numeric keys beyond its array limit. */
function listOf(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v
  if (isPlainObject(v) && Object.keys(v).every((k) => INTEGER.test(k))) return Object.values(v)
  return null
}

function scalar(field: ListingField, raw: unknown): string | number | boolean | null {
  if (typeof raw !== 'string') return null
  switch (field.kind) {
    case 'id':
    case 'relation':
      return INTEGER.test(raw) && Number(raw) > 0 ? Number(raw) : null
    case 'number':
      return DECIMAL.test(raw) ? Number(raw) : null
    case 'enum':
      return field.values!.includes(raw) ? raw : null
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : null
    case 'text':
      return raw.length > 0 && raw.length <= 200 && !raw.includes(',') ? raw : null
    default:
      return null
  }
}

function conditionsOf(where: Record<string, unknown>, out: Condition[]): string | null {
  for (const [key, spec] of Object.entries(where)) {
    if (key === 'and') {
      const parts = listOf(spec)
      if (!parts || parts.length > 20) return 'unsupported `and`'
      for (const part of parts) {
        if (!isPlainObject(part)) return 'unsupported `and`'
        const err = conditionsOf(part, out)
        if (err) return err
      }
      continue
    }
    const field = LISTING_FIELDS[key]
    if (!field?.filter) return `filter on ${key}`
    if (!isPlainObject(spec)) return `filter on ${key}`
    for (const [op, raw] of Object.entries(spec)) {
      const operator = op as Operator
      if (operator === 'equals') {
        const value = scalar(field, raw)
        if (value === null) return `value of ${key}`
        out.push({ field: key, column: field.column, operator, value })
      } else if (operator === 'in') {
        const items = typeof raw === 'string' ? raw.split(',') : listOf(raw)
        if (!items || items.length === 0 || items.length > 100) return `value of ${key}`
        const values = items.map((item) => scalar(field, item))
        if (values.some((v) => v === null || typeof v === 'boolean')) return `value of ${key}`
        out.push({ field: key, column: field.column, operator, value: values as (string | number)[] })
      } else if (RANGE_OPERATORS.has(operator) && (field.kind === 'number' || field.kind === 'id')) {
        const value = scalar(field, raw)
        if (value === null) return `value of ${key}`
        out.push({ field: key, column: field.column, operator, value })
      } else {
        return `operator ${op} on ${key}`
      }
    }
  }
  return null
}

/**
 * Payload's sort: a comma-separated list (or array) of fields, `-` for descending; Payload appends
 * `-createdAt` unless the list already sorts by createdAt (drizzle buildOrderBy), and so do we.
 */
function sortOf(raw: unknown): SortTerm[] | string {
  const items = raw === undefined ? ['-createdAt'] : typeof raw === 'string' ? raw.split(',') : listOf(raw)
  if (!items || items.length === 0 || items.length > 4) return 'sort'
  const terms: SortTerm[] = []
  for (const item of items) {
    if (typeof item !== 'string') return 'sort'
    const desc = item.startsWith('-')
    const name = desc ? item.slice(1) : item
    const field = LISTING_FIELDS[name]
    if (!field?.sort || terms.some((s) => s.field === name)) return `sort by ${name}`
    terms.push({ field: name, column: field.column, direction: desc ? 'desc' : 'asc' })
  }
  if (!terms.some((s) => s.field === 'createdAt')) terms.push({ field: 'createdAt', column: 'created_at', direction: 'desc' })
  return terms
}

function positiveInt(raw: unknown, fallback: number): number | null {
  if (raw === undefined) return fallback
  return typeof raw === 'string' && INTEGER.test(raw) ? Number(raw) : null
}

/**
 * Plan an anonymous `GET /api/cars` from its parsed query. Declines (→ Payload) unless the request asks only
 * for what the fast path answers identically: `select` of listing fields, depth 0 or 1, filters with
 * equals/in/ranges on listing columns, sort on sortable columns. Limits follow Payload's REST defaults
 * (10 per page) and the platform clamp for public lists (`limit=0` or above the maximum → the maximum).
 */
export function planListingQuery(query: Record<string, unknown>, opts: { maxPageSize: number }): PlanResult {
  for (const key of Object.keys(query)) if (!ALLOWED_PARAMS.has(key)) return decline(`parameter ${key}`)

  if (!isPlainObject(query.select)) return decline('no select')
  const select: string[] = []
  for (const [name, flag] of Object.entries(query.select)) {
    if (flag !== 'true' || !LISTING_FIELDS[name]?.select) return decline(`select ${name}`)
    select.push(name)
  }
  if (!select.length) return decline('no select')

  const depth = positiveInt(query.depth, 1)
  if (depth !== 0 && depth !== 1) return decline('depth')

  // page=0 and other invalid pages are the platform guard's 400 (src/plugins/input-guards.ts): Payload answers.
  const page = positiveInt(query.page, 1)
  if (page === null || page < 1 || page > 100_000) return decline('page')
  const requested = positiveInt(query.limit, 10)
  if (requested === null) return decline('limit')
  const limit = clampPageSize(requested, opts.maxPageSize)

  const conditions: Condition[] = []
  if (query.where !== undefined) {
    if (!isPlainObject(query.where)) return decline('where')
    const err = conditionsOf(query.where, conditions)
    if (err) return decline(err)
  }

  const sort = sortOf(query.sort)
  if (typeof sort === 'string') return decline(sort)

  return { ok: true, plan: { conditions, sort, page, limit, depth, select } }
}

/**
 * The rows a reader may see, as the collection's read access says: a tree of conditions (all / any). Built by
 * {@link accessFilterOf} from the `Where` the access function returns for that reader, so the fast path applies
 * the live access rules instead of a copy of them.
 */
export type AccessFilter = { all: AccessFilter[] } | { any: AccessFilter[] } | Condition

const ACCESS_OPERATORS = new Set<Operator>(['equals', 'in'])

/** A value the access function produced (typed, not a query string): accepted only if it fits the column. */
function accessValue(field: ListingField, raw: unknown): string | number | boolean | null {
  switch (field.kind) {
    case 'id':
    case 'relation':
      return typeof raw === 'number' && Number.isInteger(raw) ? raw : typeof raw === 'string' && INTEGER.test(raw) ? Number(raw) : null
    case 'enum':
      return typeof raw === 'string' && field.values!.includes(raw) ? raw : null
    case 'boolean':
      return typeof raw === 'boolean' ? raw : null
    case 'text':
      return typeof raw === 'string' ? raw : null
    default:
      return null
  }
}

/**
 * Translate the result of a collection read access function into an {@link AccessFilter}.
 * `true` → no restriction; `false` → null (nothing readable: Payload answers, with its own error);
 * a `Where` of `and`/`or` and `equals`/`in` on plain columns of `fields` (the cars', or another collection's the
 * caller describes) → the filter; anything else (other operators, unknown fields, nested paths, a Promise) → null,
 * and Payload answers the request.
 */
export function accessFilterOf(result: unknown, fields: Record<string, ListingField> = LISTING_FIELDS): AccessFilter | null {
  if (result === true) return { all: [] }
  // Only a plain object literal is a Where (a Promise or a class instance is an object too).
  if (!isPlainObject(result) || ![Object.prototype, null].includes(Object.getPrototypeOf(result))) return null
  const parts: AccessFilter[] = []
  for (const [key, spec] of Object.entries(result)) {
    if (key === 'and' || key === 'or') {
      const list = listOf(spec)
      if (!list || list.length === 0) return null
      const children: AccessFilter[] = []
      for (const child of list) {
        const filter = accessFilterOf(child, fields)
        if (!filter) return null
        children.push(filter)
      }
      parts.push(key === 'and' ? { all: children } : { any: children })
      continue
    }
    const field = Object.hasOwn(fields, key) ? fields[key] : undefined
    if (!field || field.kind === 'date' || field.kind === 'number' || key === 'location' || !isPlainObject(spec)) return null
    const entries = Object.entries(spec)
    if (entries.length !== 1) return null
    const [op, raw] = entries[0]
    if (!ACCESS_OPERATORS.has(op as Operator)) return null
    if (op === 'equals') {
      const value = accessValue(field, raw)
      if (value === null) return null
      parts.push({ field: key, column: field.column, operator: 'equals', value, ...(field.hasMany && { hasMany: field.hasMany }) })
    } else {
      if (!Array.isArray(raw) || raw.length === 0 || raw.length > 100) return null
      const values = raw.map((item) => accessValue(field, item))
      if (values.some((v) => v === null || typeof v === 'boolean')) return null
      parts.push({ field: key, column: field.column, operator: 'in', value: values as (string | number)[], ...(field.hasMany && { hasMany: field.hasMany }) })
    }
  }
  return parts.length === 1 ? parts[0] : { all: parts }
}
