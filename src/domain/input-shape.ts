/**
 * Strict input checks for the generated collection API, as pure functions over a minimal field description
 * (the shape of Payload's `flattenedFields`, no Payload import): the platform guards (src/plugins/input-guards.ts)
 * apply them to every collection.
 *
 * - `checkListParams`: `limit`, `page`, `depth` must be whole numbers ≥ 0 (page ≥ 1); the page size is clamped.
 * - `checkWhere`: every path of a `where` must name a queryable field, with an operator that field type supports and
 *   a value of the field's type; polymorphic relationships are filtered through `<field>.relationTo` / `<field>.value`
 *   (or `equals {relationTo, value}`).
 * - `checkSort`: every sort path names a sortable field.
 * - `checkData`: a create/update body holds values of each field's type (text → string, number → finite number,
 *   integer fields → whole number, checkbox → boolean, date → ISO string, select → one of the options,
 *   relationship → an id, `{relationTo, value}` when polymorphic, arrays when hasMany; groups, arrays, blocks and
 *   tabs recursively). Nothing is coerced: a wrong type is a named error.
 */

export interface FieldShape {
  name: string
  type: string
  hasMany?: boolean
  relationTo?: string | string[]
  localized?: boolean
  required?: boolean
  virtual?: boolean | string
  options?: readonly (string | { value: string })[]
  flattenedFields?: readonly FieldShape[]
  blocks?: readonly { slug: string; flattenedFields?: readonly FieldShape[] }[]
  custom?: Record<string, unknown>
}

export interface InputError {
  path: string
  message: string
}

/** Resolves the fields of a related collection (for `where[make.name]`), or undefined when unknown. */
export type RelatedFields = (slug: string) => readonly FieldShape[] | undefined

export const isIntegerField = (f: Pick<FieldShape, 'type' | 'custom'>): boolean => f.type === 'number' && f.custom?.integer === true

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

// ————————————————————————————————————————— list parameters

export interface ListParams {
  limit?: unknown
  page?: unknown
  depth?: unknown
  pagination?: unknown
}

/** Payload's page size when a list request names none. */
export const PAYLOAD_DEFAULT_LIMIT = 10

export interface CheckedListParams {
  limit?: number
  page?: number
  depth?: number
  pagination?: boolean
}

/** A whole number ≥ min from a number or a canonical decimal string; `undefined` when absent or empty. */
function wholeNumber(raw: unknown, name: string, min: number, errors: InputError[]): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN
  if (!Number.isFinite(n) || !Number.isInteger(n) || n < min || !Number.isSafeInteger(n)) {
    errors.push({ path: name, message: `${name} must be a whole number${min > 0 ? ` ≥ ${min}` : ' ≥ 0'}.` })
    return undefined
  }
  return n
}

/**
 * Validates `limit`, `page` and `depth`, and clamps the page size: `limit=0`, `pagination=false` without a limit or a
 * limit above `maxPageSize` give a page of `maxPageSize` (with `clamp: false`, those are passed through unchanged).
 * `pagination=false` with a limit of 1..maxPageSize stays unpaginated: at most that many documents, without the count
 * query a page costs (Payload then answers `totalDocs` = the documents returned). An endpoint's own read of known ids
 * (the nearby spots, a wishlist's cars) asks for exactly that.
 */
export function checkListParams(params: ListParams, opts: { maxPageSize: number; maxDepth: number; clamp: boolean }): { ok: true; value: CheckedListParams } | { ok: false; errors: InputError[] } {
  const errors: InputError[] = []
  const limit = wholeNumber(params.limit, 'limit', 0, errors)
  const page = wholeNumber(params.page, 'page', 1, errors)
  const depth = wholeNumber(params.depth, 'depth', 0, errors)
  let pagination: boolean | undefined
  if (params.pagination !== undefined) {
    if (params.pagination === true || params.pagination === 'true') pagination = true
    else if (params.pagination === false || params.pagination === 'false') pagination = false
    else errors.push({ path: 'pagination', message: 'pagination must be true or false.' })
  }
  if (errors.length) return { ok: false, errors }
  const value: CheckedListParams = {}
  if (page !== undefined) value.page = page
  if (depth !== undefined) value.depth = Math.min(depth, opts.maxDepth)
  if (opts.clamp) {
    value.pagination = pagination === false && limit !== undefined && limit > 0 && limit <= opts.maxPageSize ? false : true
    // no limit → Payload's default page (10), itself within the maximum
    value.limit = limit === undefined && pagination !== false ? Math.min(PAYLOAD_DEFAULT_LIMIT, opts.maxPageSize) : limit && limit > 0 ? Math.min(limit, opts.maxPageSize) : opts.maxPageSize
  } else {
    if (limit !== undefined) value.limit = limit
    if (pagination !== undefined) value.pagination = pagination
  }
  return { ok: true, value }
}

// ————————————————————————————————————————— where

const ID_OPS = ['equals', 'not_equals', 'in', 'not_in', 'exists', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal']
const COMPARE = ['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal']
const OPERATORS: Record<string, readonly string[]> = {
  text: ['equals', 'not_equals', 'like', 'not_like', 'contains', 'in', 'not_in', 'exists', ...COMPARE],
  textarea: ['equals', 'not_equals', 'like', 'not_like', 'contains', 'in', 'not_in', 'exists', ...COMPARE],
  email: ['equals', 'not_equals', 'like', 'not_like', 'contains', 'in', 'not_in', 'exists', ...COMPARE],
  code: ['equals', 'not_equals', 'like', 'not_like', 'contains', 'in', 'not_in', 'exists'],
  richText: ['equals', 'not_equals', 'like', 'not_like', 'contains', 'exists'],
  json: ['equals', 'not_equals', 'like', 'not_like', 'contains', 'in', 'not_in', 'exists'],
  number: ['equals', 'not_equals', 'in', 'not_in', 'exists', ...COMPARE],
  checkbox: ['equals', 'not_equals', 'exists'],
  date: ['equals', 'not_equals', 'in', 'not_in', 'exists', ...COMPARE],
  select: ['equals', 'not_equals', 'in', 'not_in', 'exists', 'contains'],
  radio: ['equals', 'not_equals', 'in', 'not_in', 'exists'],
  relationship: ['equals', 'not_equals', 'in', 'not_in', 'exists', 'contains'],
  upload: ['equals', 'not_equals', 'in', 'not_in', 'exists', 'contains'],
  point: ['equals', 'not_equals', 'exists', 'near', 'within', 'intersects'],
}
const LIST_OPS = new Set(['in', 'not_in', 'all'])
/** What Payload's query builder supports on `<polymorphic>.relationTo` (exists is refused by its path validation). */
const POLY_RELATION_OPS = ['equals', 'not_equals', 'in', 'not_in']

const optionValues = (f: FieldShape): string[] => (f.options ?? []).map((o) => (typeof o === 'string' ? o : o.value))

const isNumeric = (v: unknown): boolean => (typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
const isIdValue = (v: unknown): boolean => (typeof v === 'number' ? Number.isSafeInteger(v) : typeof v === 'string' && /^\s*-?\d{1,15}\s*$/.test(v))
const isDateValue = (v: unknown): boolean => (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Date.parse(v))) || (typeof v === 'number' && Number.isFinite(v))
const isBooleanValue = (v: unknown): boolean => v === true || v === false || v === 'true' || v === 'false'
const isNullish = (v: unknown): boolean => v === null || v === 'null'

/** The list items of an `in`/`not_in`/`all` value (a comma-separated string or an array). */
const listItems = (v: unknown): unknown[] | null => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : typeof v === 'number' ? [v] : null)

type Resolved =
  | { kind: 'field'; field: FieldShape }
  | { kind: 'id' }
  | { kind: 'poly-relation'; field: FieldShape }
  | { kind: 'poly-value'; field: FieldShape }
  | { kind: 'json-path' }
  | { kind: 'error'; message: string }

const ID_FIELD: FieldShape = { name: 'id', type: 'number' }

/** Resolves a dotted query path against flattened fields (groups, tabs, arrays, blocks, single relationships). */
export function resolvePath(fields: readonly FieldShape[], path: string, opts: { related?: RelatedFields; locales?: readonly string[] } = {}): Resolved {
  const segments = path.split('.')
  let current: readonly FieldShape[] = fields
  let nested = false
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]
    const last = i === segments.length - 1
    if (seg === 'id' && !current.some((f) => f.name === 'id')) {
      if (last) return { kind: 'id' }
      return { kind: 'error', message: `"${path}" cannot be queried: id has no sub-fields.` }
    }
    const field = current.find((f) => f.name === seg)
    if (!field) return { kind: 'error', message: `"${path}" is not a field that can be queried.` }
    if (field.virtual === true) return { kind: 'error', message: `"${path}" is computed and cannot be queried.` }
    if (field.type === 'join') return { kind: 'error', message: `"${path}" is a join and cannot be queried.` }
    let rest = segments.slice(i + 1)
    // `title.en`: a localized field's own locale
    if (field.localized && rest.length && opts.locales?.includes(rest[0])) {
      rest = rest.slice(1)
      if (!rest.length)
        return field.type === 'group' || field.type === 'tab' || field.type === 'array' || field.type === 'blocks'
          ? { kind: 'error', message: `"${path}" is a group: filter on one of its fields.` }
          : { kind: 'field', field }
      i++
    }
    if (!rest.length) {
      if (['group', 'tab', 'array', 'blocks'].includes(field.type)) return { kind: 'error', message: `"${path}" holds several fields: filter on one of them (${path}.<field>).` }
      if ((field.type === 'relationship' || field.type === 'upload') && Array.isArray(field.relationTo))
        return { kind: 'error', message: `"${path}" points to several collections: filter on ${path}.relationTo and ${path}.value, or use equals {"relationTo","value"}.` }
      return { kind: 'field', field }
    }
    switch (field.type) {
      case 'group':
      case 'tab':
      case 'array':
        current = field.flattenedFields ?? []
        nested = true
        continue
      case 'blocks':
        current = (field.blocks ?? []).flatMap((b) => b.flattenedFields ?? [])
        nested = true
        continue
      case 'json':
        return { kind: 'json-path' }
      case 'relationship':
      case 'upload': {
        if (Array.isArray(field.relationTo)) {
          if (rest.length === 1 && rest[0] === 'relationTo') return { kind: 'poly-relation', field }
          if (rest.length === 1 && rest[0] === 'value') return { kind: 'poly-value', field }
          return { kind: 'error', message: `"${path}" cannot be queried: use ${segments.slice(0, i + 1).join('.')}.relationTo or .value.` }
        }
        if (rest.length === 1 && rest[0] === 'id') return { kind: 'field', field }
        // the postgres adapter cannot join through a relationship inside a group/array/blocks (SQL error): refused
        if (nested) return { kind: 'error', message: `"${path}" cannot be queried: filter on ${segments.slice(0, i + 1).join('.')} (an id) instead.` }
        const related = field.relationTo ? opts.related?.(field.relationTo) : undefined
        if (!related) return { kind: 'error', message: `"${path}" cannot be queried.` }
        current = related
        continue
      }
      default:
        return { kind: 'error', message: `"${path}" cannot be queried: ${field.name} has no sub-fields.` }
    }
  }
  return { kind: 'error', message: `"${path}" is not a field that can be queried.` }
}

function checkValue(resolved: Exclude<Resolved, { kind: 'error' }>, op: string, value: unknown, path: string): string | null {
  if (resolved.kind === 'json-path') {
    if (op === 'exists') return isBooleanValue(value) ? null : `${path}: exists takes true or false.`
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? `${path}: ${op} takes a plain value.` : null
  }
  const type = resolved.kind === 'field' ? resolved.field.type : resolved.kind === 'poly-relation' ? 'select' : 'relationship'
  const field = resolved.kind === 'field' ? resolved.field : resolved.kind === 'id' ? ID_FIELD : null
  const allowed = resolved.kind === 'id' || resolved.kind === 'poly-value' ? ID_OPS : resolved.kind === 'poly-relation' ? POLY_RELATION_OPS : OPERATORS[type]
  if (!allowed) return `${path} cannot be queried.`
  if (op === 'all') return `${path}: the operator "all" is not supported by the database adapter (use in).`
  if (!allowed.includes(op)) return `${path}: the operator "${op}" is not supported for a ${type === 'number' && resolved.kind !== 'field' ? 'id' : type} field (use ${allowed.join(', ')}).`
  if (op === 'exists') return isBooleanValue(value) ? null : `${path}: exists takes true or false.`
  // object notation for a polymorphic relationship in an array/blocks row is handled by Payload; here: scalars only
  const one = (v: unknown): string | null => {
    if (v !== null && typeof v === 'object') return `${path}: ${op} takes a plain value, not an object or a list.`
    if (isNullish(v) && (op === 'equals' || op === 'not_equals')) return null
    if (resolved.kind === 'id' || resolved.kind === 'poly-value') return isIdValue(v) ? null : `${path}: "${String(v)}" is not an id.`
    if (resolved.kind === 'poly-relation') {
      const options = resolved.field.relationTo as string[]
      return typeof v === 'string' && options.includes(v) ? null : `${path}: must be one of ${options.join(', ')}.`
    }
    const f = field!
    switch (f.type) {
      case 'number':
        if (!isNumeric(v)) return `${path}: "${String(v)}" is not a number.`
        return null
      case 'checkbox':
        return isBooleanValue(v) ? null : `${path}: must be true or false.`
      case 'date':
        return isDateValue(v) ? null : `${path}: "${String(v)}" is not a date.`
      case 'select':
      case 'radio': {
        const options = optionValues(f)
        return typeof v === 'string' && options.includes(v) ? null : `${path}: "${String(v)}" is not one of ${options.join(', ')}.`
      }
      case 'relationship':
      case 'upload':
        return isIdValue(v) ? null : `${path}: "${String(v)}" is not an id.`
      case 'point':
        return null
      default:
        return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? null : `${path}: must be a string.`
    }
  }
  if (LIST_OPS.has(op)) {
    const items = listItems(value)
    if (!items) return `${path}: ${op} takes a comma-separated list or an array.`
    for (const item of items) {
      const problem = one(item)
      if (problem) return problem
    }
    return null
  }
  if (type === 'point') return null
  return one(value)
}

/** `and` / `or`, in either case: GraphQL's where input spells them `AND` / `OR`, and Payload accepts both (validateQueryPaths). */
export const isLogical = (key: string): boolean => key.toLowerCase() === 'and' || key.toLowerCase() === 'or'

/**
 * Every problem of a `where` (nested `and`/`or` included), or an empty list. `resolvePath` decides which paths exist;
 * access to them (hidden or read-protected fields) is still checked by Payload afterwards.
 */
export function checkWhere(
  fields: readonly FieldShape[],
  where: unknown,
  opts: { related?: RelatedFields; locales?: readonly string[]; maxDepth?: number } = {},
  prefix = 'where',
  depth = 0,
): InputError[] {
  if (where === undefined || where === null) return []
  if (!isPlainObject(where)) return [{ path: prefix, message: `${prefix} must be an object of field conditions.` }]
  if (depth > (opts.maxDepth ?? 8)) return [{ path: prefix, message: `${prefix} is nested too deeply.` }]
  const errors: InputError[] = []
  for (const [key, condition] of Object.entries(where)) {
    const here = `${prefix}[${key}]`
    if (isLogical(key)) {
      const list = Array.isArray(condition) ? condition : isPlainObject(condition) ? Object.values(condition) : null
      if (!list) {
        errors.push({ path: here, message: `${here} must be a list of conditions.` })
        continue
      }
      list.forEach((c, i) => errors.push(...checkWhere(fields, c, opts, `${here}[${i}]`, depth + 1)))
      continue
    }
    if (!isPlainObject(condition)) {
      errors.push({ path: here, message: `${here} must name an operator, e.g. ${here}[equals]=…` })
      continue
    }
    const resolved = resolvePath(fields, key, opts)
    if (resolved.kind === 'error') {
      // `{ target: { equals: { relationTo, value } } }`: Payload's object notation for a polymorphic relationship
      const poly = fields.find((f) => f.name === key && Array.isArray(f.relationTo))
      const ops = Object.entries(condition)
      if (poly && ops.length > 0 && ops.every(([op, v]) => op === 'equals' && isPlainObject(v) && (poly.relationTo as string[]).includes(String(v.relationTo)) && isIdValue(v.value))) continue
      errors.push({ path: key, message: resolved.message })
      continue
    }
    if (Object.keys(condition).length === 0) {
      errors.push({ path: key, message: `${here} names no operator.` })
      continue
    }
    for (const [op, value] of Object.entries(condition)) {
      const problem = checkValue(resolved, op, value, key)
      if (problem) errors.push({ path: key, message: problem })
    }
  }
  return errors
}

/**
 * The `where` with the lists of polymorphic sub-paths as arrays: `target.value in "1,2"` → `[1, 2]`,
 * `target.relationTo in "cars,parts"` → `["cars", "parts"]` (Payload's query builder handles a comma-separated string
 * there as one value: a single id fails in SQL, several are silently dropped). Call after `checkWhere` found no error.
 */
export function normalizeWhere(fields: readonly FieldShape[], where: unknown, opts: { related?: RelatedFields; locales?: readonly string[] } = {}): unknown {
  if (!isPlainObject(where)) return where
  const out: Record<string, unknown> = {}
  const extra: Record<string, unknown>[] = []
  for (const [key, condition] of Object.entries(where)) {
    if (isLogical(key) && (Array.isArray(condition) || isPlainObject(condition))) {
      out[key] = (Array.isArray(condition) ? condition : Object.values(condition)).map((c) => normalizeWhere(fields, c, opts))
      continue
    }
    if (!isPlainObject(condition)) {
      out[key] = condition
      continue
    }
    const resolved = resolvePath(fields, key, opts)
    if (resolved.kind !== 'poly-value' && resolved.kind !== 'poly-relation') {
      out[key] = condition
      continue
    }
    const next: Record<string, unknown> = {}
    for (const [op, value] of Object.entries(condition)) {
      const items = LIST_OPS.has(op) ? listItems(value) : null
      if (items && resolved.kind === 'poly-relation') {
        // Payload's path validation refuses a list on `relationTo`: the same condition as one test per collection
        const list = items.map((v) => String(v).trim())
        extra.push(op === 'in' ? { or: list.map((v) => ({ [key]: { equals: v } })) } : { and: list.map((v) => ({ [key]: { not_equals: v } })) })
        continue
      }
      next[op] = items ? items.map((v) => (resolved.kind === 'poly-value' ? Number(v) : String(v).trim())) : value
    }
    if (Object.keys(next).length) out[key] = next
  }
  return extra.length ? { and: [...(Object.keys(out).length ? [out] : []), ...extra] } : out
}

/** Every sort path must name a sortable field (`-` for descending). */
export function checkSort(fields: readonly FieldShape[], sort: unknown, opts: { related?: RelatedFields; locales?: readonly string[] } = {}): InputError[] {
  if (sort === undefined || sort === null || sort === '') return []
  const list = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : null
  if (!list) return [{ path: 'sort', message: 'sort must be a field name or a comma-separated list of them.' }]
  const errors: InputError[] = []
  for (const item of list) {
    if (typeof item !== 'string' || !/^-?\w+(?:\.\w+)*$/.test(item.trim())) {
      errors.push({ path: 'sort', message: `sort: "${String(item)}" is not a field name.` })
      continue
    }
    const path = item.trim().replace(/^-/, '')
    const resolved = resolvePath(fields, path, opts)
    if (resolved.kind === 'error') errors.push({ path: 'sort', message: `sort: ${resolved.message}` })
    else if (resolved.kind === 'field' && ['richText', 'json', 'point'].includes(resolved.field.type)) errors.push({ path: 'sort', message: `sort: "${path}" cannot be sorted on.` })
    else if (resolved.kind === 'field' && resolved.field.hasMany) errors.push({ path: 'sort', message: `sort: "${path}" holds several values and cannot be sorted on.` })
    else if (resolved.kind === 'json-path' || resolved.kind === 'poly-relation' || resolved.kind === 'poly-value') errors.push({ path: 'sort', message: `sort: "${path}" cannot be sorted on.` })
  }
  return errors
}

// ————————————————————————————————————————— data

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

const isId = (v: unknown): boolean => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) || (typeof v === 'string' && /^[1-9]\d{0,14}$/.test(v))
/** A relationship value: an id, or a populated document `{ id, … }` as the admin panel may send back. */
const isRelationValue = (v: unknown): boolean => isId(v) || (isPlainObject(v) && isId(v.id) && !('relationTo' in v))

function checkScalar(field: FieldShape, value: unknown, path: string): string | null {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
    case 'password':
      return typeof value === 'string' ? null : `${path} must be a string.`
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${path} must be a number.`
      if (isIntegerField(field) && !Number.isInteger(value)) return `${path} must be a whole number.`
      return null
    case 'checkbox':
      return typeof value === 'boolean' ? null : `${path} must be true or false.`
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value.trim()) && !Number.isNaN(Date.parse(value)) ? null : `${path} must be an ISO 8601 date.`
    case 'select':
    case 'radio': {
      const options = optionValues(field)
      return typeof value === 'string' && options.includes(value) ? null : `${path} must be one of: ${options.join(', ')}.`
    }
    case 'relationship':
    case 'upload': {
      if (Array.isArray(field.relationTo)) {
        const targets = field.relationTo
        if (!isPlainObject(value) || typeof value.relationTo !== 'string' || !targets.includes(value.relationTo))
          return `${path} must be { "relationTo": ${targets.map((t) => `"${t}"`).join(' | ')}, "value": <id> }.`
        return isRelationValue(value.value) ? null : `${path}.value must be an id.`
      }
      return isRelationValue(value) ? null : `${path} must be the id of a ${field.relationTo} document.`
    }
    case 'point':
      return Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n)) ? null : `${path} must be [longitude, latitude].`
    default:
      return null
  }
}

const SCALAR_MANY = new Set(['text', 'number', 'select', 'relationship', 'upload'])

function checkField(field: FieldShape, value: unknown, path: string, opts: CheckDataOptions, errors: InputError[]): void {
  if (value === undefined) return
  if (value === null) {
    // a group is an object of its own fields: `null` would drop them all (and skip their required checks)
    if (field.type === 'group' || field.type === 'tab') errors.push({ path, message: `${path} must be an object.` })
    // a list is emptied with [] (Payload's write of a null list fails)
    else if (field.type === 'array' || field.type === 'blocks') errors.push({ path, message: `${path} must be a list ([] empties it).` })
    // a required field cannot be cleared, whatever its own validate lets through (a localized one is per locale: Payload's)
    else if (field.required && !field.localized) errors.push({ path, message: `${path} is required.` })
    return
  }
  if (field.localized && opts.allLocales) return // `locale=all` bodies are keyed by locale: Payload's own validation applies
  switch (field.type) {
    case 'json':
    case 'richText':
    case 'join':
    case 'ui':
      return
    case 'group':
    case 'tab':
      if (!isPlainObject(value)) errors.push({ path, message: `${path} must be an object.` })
      else checkFields(field.flattenedFields ?? [], value, path, opts, errors)
      return
    case 'array':
      if (!Array.isArray(value)) {
        errors.push({ path, message: `${path} must be a list.` })
        return
      }
      value.forEach((row, i) => {
        if (!isPlainObject(row)) errors.push({ path: `${path}.${i}`, message: `${path}.${i} must be an object.` })
        else checkFields(field.flattenedFields ?? [], row, `${path}.${i}`, opts, errors)
      })
      return
    case 'blocks':
      if (!Array.isArray(value)) {
        errors.push({ path, message: `${path} must be a list.` })
        return
      }
      value.forEach((row, i) => {
        const block = isPlainObject(row) ? (field.blocks ?? []).find((b) => b.slug === row.blockType) : undefined
        if (!block || !isPlainObject(row)) {
          errors.push({ path: `${path}.${i}`, message: `${path}.${i} must be a block with blockType one of: ${(field.blocks ?? []).map((b) => b.slug).join(', ')}.` })
        } else checkFields(block.flattenedFields ?? [], row, `${path}.${i}`, opts, errors)
      })
      return
  }
  if (field.hasMany && SCALAR_MANY.has(field.type)) {
    if (!Array.isArray(value)) {
      errors.push({ path, message: `${path} must be a list.` })
      return
    }
    value.forEach((item, i) => {
      const problem = item === null ? `${path}.${i} must not be null.` : checkScalar(field, item, `${path}.${i}`)
      if (problem) errors.push({ path: `${path}.${i}`, message: problem })
    })
    return
  }
  if (Array.isArray(value) && field.type !== 'point') {
    errors.push({ path, message: `${path} takes one value, not a list.` })
    return
  }
  const problem = checkScalar(field, value, path)
  if (problem) errors.push({ path, message: problem })
}

export interface CheckDataOptions {
  /** The request's locale is `all`: localized values arrive keyed by locale. */
  allLocales?: boolean
}

function checkFields(fields: readonly FieldShape[], data: Record<string, unknown>, prefix: string, opts: CheckDataOptions, errors: InputError[]): void {
  for (const field of fields) {
    if (!(field.name in data)) continue
    checkField(field, data[field.name], prefix ? `${prefix}.${field.name}` : field.name, opts, errors)
  }
}

/** Every wrong-typed value of a create/update body (unknown keys are Payload's to ignore). */
export function checkData(fields: readonly FieldShape[], data: unknown, opts: CheckDataOptions = {}): InputError[] {
  if (!isPlainObject(data)) return [{ path: 'body', message: 'The body must be a JSON object.' }]
  const errors: InputError[] = []
  checkFields(fields, data, '', opts, errors)
  return errors
}

/** One document a create/update body refers to, at `path` (`items.0.item`). */
export interface BodyReference {
  path: string
  relationTo: string
  id: string
}

/**
 * Field config marker (`custom: { referencesAny: '<why>' }`): the field may refer to any existing document, also one
 * the writer may not read. Without it, a client refers only to documents it may read (src/plugins/reference-guard.ts).
 */
export const REFERENCES_ANY = 'referencesAny' as const

const idOfReference = (v: unknown): string | null => (isId(v) ? String(v) : isPlainObject(v) && isId(v.id) ? String(v.id) : null)

function referenceOf(field: FieldShape, value: unknown, path: string, out: BodyReference[]): void {
  if (Array.isArray(field.relationTo)) {
    if (!isPlainObject(value) || typeof value.relationTo !== 'string') return
    const id = idOfReference(value.value)
    if (id) out.push({ path, relationTo: value.relationTo, id })
    return
  }
  const id = idOfReference(value)
  if (id && typeof field.relationTo === 'string') out.push({ path, relationTo: field.relationTo, id })
}

function referencesOfFields(fields: readonly FieldShape[], data: Record<string, unknown>, prefix: string, out: BodyReference[]): void {
  for (const field of fields) {
    if (!(field.name in data)) continue
    const value = data[field.name]
    const path = prefix ? `${prefix}.${field.name}` : field.name
    if (value === null || value === undefined) continue
    switch (field.type) {
      case 'group':
      case 'tab':
        if (isPlainObject(value)) referencesOfFields(field.flattenedFields ?? [], value, path, out)
        break
      case 'array':
        if (Array.isArray(value)) value.forEach((row, i) => isPlainObject(row) && referencesOfFields(field.flattenedFields ?? [], row, `${path}.${i}`, out))
        break
      case 'blocks':
        if (Array.isArray(value))
          value.forEach((row, i) => {
            const block = isPlainObject(row) ? (field.blocks ?? []).find((b) => b.slug === row.blockType) : undefined
            if (block && isPlainObject(row)) referencesOfFields(block.flattenedFields ?? [], row, `${path}.${i}`, out)
          })
        break
      case 'relationship':
      case 'upload':
        if (field.custom?.[REFERENCES_ANY]) break
        if (Array.isArray(value)) value.forEach((v, i) => referenceOf(field, v, `${path}.${i}`, out))
        else referenceOf(field, value, path, out)
        break
    }
  }
}

/**
 * The documents a create/update body (as the input guard passed it: JSON, typed) refers to through relationship and
 * upload fields, at any depth (groups, tabs, array and block rows), except fields marked {@link REFERENCES_ANY}.
 */
export function referencesIn(fields: readonly FieldShape[], data: unknown): BodyReference[] {
  const out: BodyReference[] = []
  if (isPlainObject(data)) referencesOfFields(fields, data, '', out)
  return out
}
