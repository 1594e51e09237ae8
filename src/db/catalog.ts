/**
 * Catalog queries: a seller's dealer profile, parts compatible with a vehicle (the `parts_compatibility` rows of
 * active parts), the end of expired featured placements, and the listing read path's page and count queries
 * (src/http/listing-read.ts serves them).
 */
import type { PayloadRequest } from 'payload'

import { type QueryPool, queryTogether } from '@/db/pipeline'
import { sql, type Tx } from '@/db/transaction'
import type { CatalogRefs, InventoryRow } from '@/domain/catalog/inventory-import'
import { type AccessFilter, type Condition, LISTING_FIELDS, LOCATION_FIELDS, type ListingPlan } from '@/domain/catalog/listing-query'
import { allSettledOrThrow } from '@/lib/settle'

/** The seller's dealer profile (one per owner), or null. */
export async function dealerOfUser(req: PayloadRequest, userId: number | string): Promise<{ id: number; verificationStatus: string } | null> {
  const res = await req.payload.find({
    collection: 'dealers',
    where: { owner: { equals: userId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
    select: { verificationStatus: true },
  })
  const d = res.docs[0]
  return d ? { id: d.id, verificationStatus: String(d.verificationStatus) } : null
}

export interface VehicleFilter {
  make: number
  model: number | null
  year: number | null
}

/** A compatibility row matches: same make, same model (or a row for every model of the make), year within yearFrom..yearTo (open ends match). */
const matches = (v: VehicleFilter) => sql`
  p.status = 'active'
  and c.make_id = ${v.make}
  and (${v.model}::int is null or c.model_id is null or c.model_id = ${v.model}::int)
  and (${v.year}::int is null or ((c.year_from is null or c.year_from <= ${v.year}::int) and (c.year_to is null or c.year_to >= ${v.year}::int)))`

/** One page of compatible part ids (newest first) and the total. */
export async function compatiblePartIds(tx: Tx, v: VehicleFilter, page: { limit: number; offset: number }): Promise<{ ids: number[]; totalDocs: number }> {
  const res = await tx.execute(sql`
    with matches as (
      select distinct p.id, p.created_at
      from parts p
      join parts_compatibility c on c._parent_id = p.id
      where ${matches(v)}
    )
    select id, count(*) over () as total from matches order by created_at desc, id desc
    limit ${page.limit} offset ${page.offset}`)
  const ids = res.rows.map((r) => Number(r.id))
  if (ids.length || page.offset === 0) return { ids, totalDocs: ids.length ? Number(res.rows[0].total) : 0 }
  // A page past the end: the total still counts.
  const c = await tx.execute(sql`select count(distinct p.id) as n from parts p join parts_compatibility c on c._parent_id = p.id where ${matches(v)}`)
  return { ids, totalDocs: Number(c.rows[0]?.n ?? 0) }
}

/** Clears `featured` on cars whose `featuredUntil` has passed; returns how many were cleared. */
export async function clearExpiredFeatured(tx: Tx, now: Date): Promise<number> {
  const res = await tx.execute(
    sql`update cars set featured = false, updated_at = now() where featured and featured_until is not null and featured_until <= ${now.toISOString()}::timestamptz returning id`,
  )
  return res.rows.length
}

// ---------------------------------------------------------------- the listing read path's SQL

/** A pg pool (the listing read path queries it directly, outside Payload). */
export type Queryable = QueryPool

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/**
 * The related documents a card carries at depth 1 (the makes' and models' `defaultPopulate`): the related
 * collection, the alias of its joined table, and each key with its column. Relations (a make's `logo`, a model's
 * `make`) stay ids.
 */
export const POPULATED_RELATIONS = {
  make: { collection: 'makes', alias: 'mk', keys: { id: 'id', name: 'name', slug: 'slug', logo: 'logo_id' } },
  model: { collection: 'models', alias: 'md', keys: { id: 'id', name: 'name', slug: 'slug', make: 'make_id' } },
} as const satisfies Record<string, { collection: string; alias: string; keys: Record<string, string> }>

/**
 * The relations a page reads joined under the related collection's read access for this reader, given as a filter
 * (src/http/listing-read.ts derives it from the live access rule): the car's seller, a users row with these keys, or
 * null where the reader may not read it (as Payload's population answers then).
 */
export const ACCESS_JOINED_RELATIONS = {
  seller: { collection: 'users', alias: 'u', keys: { id: 'id', firstName: 'first_name', lastName: 'last_name', accountType: 'account_type', companyName: 'company_name' } },
} as const satisfies Record<string, { collection: string; alias: string; keys: Record<string, string> }>

/** Each access-joined relation a page reads joined, with the related collection's read access for this reader. */
export type JoinedAccess = Partial<Record<keyof typeof ACCESS_JOINED_RELATIONS, AccessFilter>>

/** A joined row's keys as one JSON object: `json_build_object('key', alias.column, …)`. */
const objectOf = (alias: string, keys: Record<string, string>) =>
  `json_build_object(${Object.entries(keys)
    .map(([key, column]) => `'${key}', ${alias}.${column}`)
    .join(', ')})`

function jsonOf(name: string, depth: 0 | 1, joined: JoinedAccess, values: unknown[]): string {
  const field = LISTING_FIELDS[name]
  const col = `c.${field.column}`
  const access = name in ACCESS_JOINED_RELATIONS ? joined[name as keyof JoinedAccess] : undefined
  if (access) {
    const { collection, alias, keys } = ACCESS_JOINED_RELATIONS[name as keyof JoinedAccess]
    return `(select ${objectOf(alias, keys)} from ${collection} ${alias} where ${alias}.id = ${col} and ${accessSql(access, values, alias)})`
  }
  switch (name) {
    case 'make':
    case 'model': {
      const { alias, keys } = POPULATED_RELATIONS[name]
      return depth ? objectOf(alias, keys) : col
    }
    case 'location':
      return `json_build_object(${LOCATION_FIELDS.map(([key, column, kind]) => `'${key}', c.${column}${kind === 'number' ? '::float8' : ''}`).join(', ')})`
  }
  if (field.kind === 'number') return `${col}::float8`
  if (field.kind === 'date') return iso(col)
  return col
}

export interface ListingSql {
  page: { text: string; values: unknown[] }
  count: { text: string; values: unknown[] }
}

const OPERATORS = { equals: '=', greater_than: '>', greater_than_equal: '>=', less_than: '<', less_than_equal: '<=' } as const

/**
 * One condition on the row `alias` as SQL; its value is pushed onto `values` (column and table names come from the field
 * maps only). A `hasMany` condition holds when one of the row's values does.
 */
function conditionSql(c: Condition, values: unknown[], alias = 'c'): string {
  values.push(c.value)
  if (c.hasMany) {
    const value = c.operator === 'in' ? `v.${c.column}::text = any($${values.length}::text[])` : `v.${c.column}::text = $${values.length}`
    return `exists (select 1 from ${c.hasMany} v where v.parent_id = ${alias}.id and ${value})`
  }
  return c.operator === 'in' ? `${alias}.${c.column} = any($${values.length})` : `${alias}.${c.column} ${OPERATORS[c.operator]} $${values.length}`
}

/** A collection's read access for this reader (src/domain/catalog/listing-query.ts `accessFilterOf`) as SQL on its row `alias`. */
function accessSql(filter: AccessFilter, values: unknown[], alias = 'c'): string {
  if ('all' in filter) return filter.all.length ? `(${filter.all.map((f) => accessSql(f, values, alias)).join(' and ')})` : 'true'
  if ('any' in filter) return filter.any.length ? `(${filter.any.map((f) => accessSql(f, values, alias)).join(' or ')})` : 'false'
  return conditionSql(filter, values, alias)
}

/**
 * The page and count queries of a plan, restricted to the rows `access` lets the reader see (parameterized); the
 * relations of `joined` read under their collection's access (the rest as ids, or as the plan's depth joins them).
 */
export function buildListingSql(plan: ListingPlan, access: AccessFilter, joined: JoinedAccess = {}): ListingSql {
  const values: unknown[] = []
  const where = [accessSql(access, values), ...plan.conditions.map((c) => conditionSql(c, values))]
  const whereSql = where.join(' and ')
  const joinMake = plan.depth === 1 && plan.select.includes('make')
  const joinModel = plan.depth === 1 && plan.select.includes('model')
  const pageValues = [...values]
  const doc = `json_build_object('id', c.id${plan.select.map((name) => `, '${name}', ${jsonOf(name, plan.depth, joined, pageValues)}`).join('')})::text`
  const image = plan.depth === 1 && plan.select.includes('primaryImage') ? 'c.primary_image_id' : 'null::int'
  pageValues.push(plan.limit, (plan.page - 1) * plan.limit)
  const text =
    `select ${doc} as doc, ${image} as image from cars c` +
    (joinMake ? ' join makes mk on mk.id = c.make_id' : '') +
    (joinModel ? ' join models md on md.id = c.model_id' : '') +
    ` where ${whereSql} order by ${plan.sort.map((s) => `c.${s.column} ${s.direction}`).join(', ')}` +
    ` limit $${pageValues.length - 1} offset $${pageValues.length}`
  return { page: { text, values: pageValues }, count: { text: `select count(*)::int as n from cars c where ${whereSql}`, values } }
}

/** Runs a plan's page and count queries: the page rows (`doc` as JSON text, `image` id) and the total. */
export async function listingRows(pool: Queryable, plan: ListingPlan, access: AccessFilter, joined: JoinedAccess = {}): Promise<{ page: { rows: Record<string, unknown>[] }; totalDocs: number }> {
  const q = buildListingSql(plan, access, joined)
  // the page and its count in one write on one connection (./pipeline.ts)
  const [page, count] = await queryTogether(pool, [q.page, q.count])
  return { page, totalDocs: Number(count.rows[0].n) }
}

/** A plan's page alone (no count: a read by id). */
export async function listingPage(pool: Queryable, plan: ListingPlan, access: AccessFilter, joined: JoinedAccess = {}): Promise<Record<string, unknown>[]> {
  const { page } = buildListingSql(plan, access, joined)
  return (await pool.query(page.text, page.values)).rows
}

// ---------------------------------------------------------------- bulk rows (seed)

/** Bulk insert (the demo seed) through one JSON parameter per 1,000 rows; returns the inserted ids in order. Table and column names are the caller's constants. */
export async function bulkInsert(db: Tx, table: string, columns: [string, string][], rows: unknown[][], returning = true): Promise<number[]> {
  const ids: number[] = []
  const CHUNK = 1000
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => Object.fromEntries(columns.map(([c], j) => [c, r[j] ?? null])))
    const cols = columns.map(([c]) => `"${c}"`).join(', ')
    const defs = columns.map(([c, t]) => `"${c}" ${t}`).join(', ')
    const res = await db.execute(
      sql`${sql.raw(`insert into "${table}" (${cols}) select ${cols} from json_to_recordset(`)}${JSON.stringify(chunk)}${sql.raw(`::json) as t(${defs})${returning ? ' returning id' : ''}`)}`,
    )
    if (returning) ids.push(...res.rows.map((r) => Number(r.id)))
  }
  return ids
}

// ---------- dealer bulk inventory (docs/catalog.md, "Bulk inventory") ----------

/** Every make and model, keyed by normalized name and slug (the import's reference lookup). */
export async function catalogRefs(tx: Tx, key: (s: string) => string): Promise<CatalogRefs> {
  const [makes, models] = await allSettledOrThrow([tx.execute(sql`select id, name, slug from makes`), tx.execute(sql`select id, name, slug, make_id, year_from, year_to from models`)])
  const refs: CatalogRefs = { makes: new Map(), models: new Map() }
  for (const m of makes.rows) {
    const v = { id: Number(m.id), name: String(m.name) }
    refs.makes.set(key(String(m.name)), v)
    if (m.slug) refs.makes.set(key(String(m.slug)), v)
  }
  for (const m of models.rows) {
    const v = { id: Number(m.id), name: String(m.name), yearFrom: m.year_from == null ? null : Number(m.year_from), yearTo: m.year_to == null ? null : Number(m.year_to) }
    refs.models.set(`${m.make_id}:${key(String(m.name))}`, v)
    if (m.slug) refs.models.set(`${m.make_id}:${key(String(m.slug))}`, v)
  }
  return refs
}

/** The seller of each listing that already has one of these VINs. */
export async function sellersOfVins(tx: Tx, vins: string[]): Promise<Map<string, number | null>> {
  if (!vins.length) return new Map()
  const res = await tx.execute(sql`select vin, seller_id from cars where vin in (select jsonb_array_elements_text(${JSON.stringify(vins)}::jsonb))`)
  return new Map(res.rows.map((r) => [String(r.vin), r.seller_id == null ? null : Number(r.seller_id)]))
}

/**
 * Writes a chunk of checked rows for `sellerId` in one statement: new VINs become draft listings, VINs the seller
 * already lists are updated in place (never duplicated; other sellers' VINs are left alone — the caller refuses
 * them first). Returns each VIN's listing id and whether it was created.
 */
export async function upsertImportedCars(tx: Tx, sellerId: number, dealerId: number | null, rows: (InventoryRow & { slug: string })[]): Promise<Map<string, { id: number; created: boolean }>> {
  if (!rows.length) return new Map()
  const data = JSON.stringify(rows)
  const res = await tx.execute(sql`
    insert into cars (title, slug, description, make_id, model_id, year, condition, price, currency, mileage, fuel_type, transmission,
      body_type, exterior_color, vin, status, location_city, seller_id, dealer_id)
    select r.title, r.slug, r.description, r."makeId", r."modelId", r.year, r.condition::enum_cars_condition, r.price, r.currency, r.mileage,
      r."fuelType"::enum_cars_fuel_type, r.transmission::enum_cars_transmission, r."bodyType"::enum_cars_body_type, r."exteriorColor", r.vin,
      'draft', r.city, ${sellerId}, ${dealerId}
    from jsonb_to_recordset(${data}::jsonb) as r(title text, slug text, description text, "makeId" int, "modelId" int, year int, condition text,
      price numeric, currency text, mileage int, "fuelType" text, transmission text, "bodyType" text, "exteriorColor" text, vin text, city text)
    on conflict (vin) do update set
      title = excluded.title, description = excluded.description, make_id = excluded.make_id, model_id = excluded.model_id,
      year = excluded.year, condition = excluded.condition, price = excluded.price, currency = excluded.currency, mileage = excluded.mileage,
      fuel_type = excluded.fuel_type, transmission = excluded.transmission, body_type = excluded.body_type,
      exterior_color = excluded.exterior_color, location_city = excluded.location_city, updated_at = now()
    where cars.seller_id = excluded.seller_id
    returning id, vin, (xmax = 0) as created`)
  return new Map(res.rows.map((r) => [String(r.vin), { id: Number(r.id), created: Boolean(r.created) }]))
}

/** The seller's listings for the CSV export (all statuses), oldest first, in pages. */
export async function sellerInventoryPage(tx: Tx, sellerId: number | null, afterId: number, limit: number) {
  const res = await tx.execute(sql`
    select c.id, c.vin, mk.name as make, md.name as model, c.year, c.price, c.currency, c.mileage, c.condition, c.title, c.description,
      c.fuel_type, c.transmission, c.body_type, c.exterior_color, c.location_city, c.status
    from cars c join makes mk on mk.id = c.make_id join models md on md.id = c.model_id
    where c.id > ${afterId} and (${sellerId}::int is null or c.seller_id = ${sellerId}::int)
    order by c.id limit ${limit}`)
  return res.rows
}
