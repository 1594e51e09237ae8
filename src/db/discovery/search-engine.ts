/**
 * The search, suggestion, popularity and geo queries: raw SQL over Payload's tables (cars, parts, makes,
 * models, part_brands, part_categories, search_queries), using the functions and indexes created by
 * src/migrations/20261201_033000_database_extras.ts:
 * - `autohub_norm(text)`: lowercase with Latin accents folded, immutable;
 * - `autohub_car_doc(title, description)` / `autohub_part_doc(title, sku, description)`: the weighted
 *   tsvectors (title A, description C) behind the GIN expression indexes; make/model (cars) and
 *   brand/category (parts) names are added at weight B at query time;
 * - trigram GIN indexes on `autohub_norm(title)` and on make/model names; a `text_pattern_ops` btree for
 *   one- and two-letter title prefixes; a GiST `ll_to_earth(lat, lng)` index for radius searches.
 */
import { sql } from '@payloadcms/db-postgres'

import type { Tx } from '@/db/transaction'
import { type Page, planQuery, type QueryPlan, type SearchType, type SuggestionEntry, suggestFromVocabulary, TRIGRAM_BONUS } from '@/domain/discovery/search'

import { vocabulary } from './vocabulary'

export interface SearchHit {
  type: 'cars' | 'parts'
  id: number
  title: string
  slug: string | null
  price: number | null
  currency: string | null
  status: string
  rank: number
  year?: number | null
  make?: string | null
  model?: string | null
  city?: string | null
  brand?: string | null
  category?: string | null
  sku?: string | null
}

export interface SearchResult {
  plan: QueryPlan
  /** Whether the relaxed (any word) pass was used because the strict (every word) pass found nothing. */
  relaxed: boolean
  totalDocs: number
  hits: SearchHit[]
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

function carsQuery(tsq: string, anyTsq: string, raw: string, strict: boolean, statuses: string[]) {
  const allq = sql`to_tsquery('simple', ${tsq})`
  const anyq = sql`to_tsquery('simple', ${anyTsq})`
  return sql`
    select 'cars' as type, c.id, c.title, c.slug, c.price, c.currency, c.status::text as status,
      c.year, mk.name as make, md.name as model, c.location_city as city,
      null::text as brand, null::text as category, null::text as sku,
      ts_rank(public.autohub_car_doc(c.title, c.description)
              || setweight(to_tsvector('simple', public.autohub_norm(coalesce(mk.name, '') || ' ' || coalesce(md.name, ''))), 'B'), ${allq})
        + ${TRIGRAM_BONUS} * similarity(public.autohub_norm(c.title), ${raw}::text) as rank,
      coalesce(c.published_at, c.created_at) as fresh
    from cars c
    left join makes mk on mk.id = c.make_id
    left join models md on md.id = c.model_id
    where c.status::text = any(${sql.param(statuses)}::text[])
      -- \`= any(array(subquery))\` (an init plan, not a hashed subplan): the planner can OR it with the GIN
      -- match as a BitmapOr of index scans instead of a sequential scan over every listing (bench: 100k cars).
      and (
        public.autohub_car_doc(c.title, c.description) @@ ${anyq}
        or c.make_id = any(array(select id from makes where to_tsvector('simple', public.autohub_norm(name)) @@ ${anyq}))
        or c.model_id = any(array(select id from models where to_tsvector('simple', public.autohub_norm(name)) @@ ${anyq}))
        or (${sql.raw(String(!strict))} and ${raw}::text <% public.autohub_norm(c.title))
      )
      and (${sql.raw(String(!strict))} or (public.autohub_car_doc(c.title, c.description)
              || to_tsvector('simple', public.autohub_norm(coalesce(mk.name, '') || ' ' || coalesce(md.name, '')))) @@ ${allq})`
}

function partsQuery(tsq: string, anyTsq: string, raw: string, strict: boolean) {
  const allq = sql`to_tsquery('simple', ${tsq})`
  const anyq = sql`to_tsquery('simple', ${anyTsq})`
  return sql`
    select 'parts' as type, p.id, p.title, p.slug, p.price, p.currency, p.status::text as status,
      null::numeric as year, null::text as make, null::text as model, null::text as city,
      b.name as brand, pc.name as category, p.sku,
      ts_rank(public.autohub_part_doc(p.title, p.sku, p.description)
              || setweight(to_tsvector('simple', public.autohub_norm(coalesce(b.name, '') || ' ' || coalesce(pc.name, ''))), 'B'), ${allq})
        + ${TRIGRAM_BONUS} * similarity(public.autohub_norm(p.title), ${raw}::text) as rank,
      p.created_at as fresh
    from parts p
    left join part_brands b on b.id = p.brand_id
    left join part_categories pc on pc.id = p.category_id
    where p.status::text = 'active'
      and (
        public.autohub_part_doc(p.title, p.sku, p.description) @@ ${anyq}
        or p.brand_id = any(array(select id from part_brands where to_tsvector('simple', public.autohub_norm(name)) @@ ${anyq}))
        or p.category_id = any(array(select id from part_categories where to_tsvector('simple', public.autohub_norm(name)) @@ ${anyq}))
        or (${sql.raw(String(!strict))} and ${raw}::text <% public.autohub_norm(p.title))
      )
      and (${sql.raw(String(!strict))} or (public.autohub_part_doc(p.title, p.sku, p.description)
              || to_tsvector('simple', public.autohub_norm(coalesce(b.name, '') || ' ' || coalesce(pc.name, '')))) @@ ${allq})`
}

async function pass(db: Tx, plan: QueryPlan, type: SearchType, strict: boolean, page: Page, statuses: string[]) {
  // Candidates match any word through an index (title/description GIN, or a make/model/brand/category id);
  // the strict pass then requires every word over the combined weighted document.
  const tsq = (strict ? plan.strict : plan.relaxed) as string
  const anyTsq = plan.relaxed as string
  const parts = []
  if (type !== 'parts') parts.push(carsQuery(tsq, anyTsq, plan.normalized, strict, statuses))
  if (type !== 'cars') parts.push(partsQuery(tsq, anyTsq, plan.normalized, strict))
  const union = parts.length === 2 ? sql`${parts[0]} union all ${parts[1]}` : parts[0]
  const query = sql`
    select *, count(*) over () as total from (${union}) hits
    order by rank desc, fresh desc nulls last, id desc
    limit ${page.limit} offset ${page.offset}`
  // As in suggest(): the planner cannot estimate the make/model/brand/category arrays (init plans) and falls
  // back to a sequential scan recomputing the weighted document of every row (bench at 100k listings: 0.3–2 s);
  // scoped to this read-only transaction, seq scans are ruled out so the GIN/btree BitmapOr is used.
  const drizzle = db as Tx & { transaction?: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> }
  const res = drizzle.transaction
    ? await drizzle.transaction(async (tx) => {
        await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`)
        return tx.execute(query)
      })
    : await db.execute(query)
  let total = res.rows.length ? Number(res.rows[0].total) : 0
  if (!res.rows.length && page.offset > 0) {
    const counted = await db.execute(sql`select count(*) as total from (${union}) hits`)
    total = Number(counted.rows[0].total)
  }
  return { total, rows: res.rows }
}

/**
 * Ranked full-text search over public cars and/or parts. Every word must match (as a prefix, or through a
 * typo correction from the make/model vocabulary); when that finds nothing, any word may match and titles
 * are also compared by trigram word similarity.
 */
export async function search(db: Tx, q: string, type: SearchType, page: Page, opts: { includeSold?: boolean } = {}): Promise<SearchResult> {
  const vocab = await vocabulary(db)
  const plan = planQuery(q, vocab.words)
  if (!plan.strict) return { plan, relaxed: false, totalDocs: 0, hits: [] }
  const statuses = opts.includeSold ? ['active', 'sale_pending', 'sold'] : ['active']
  let relaxed = false
  let found = await pass(db, plan, type, true, page, statuses)
  if (found.total === 0 && plan.words.length >= 1) {
    relaxed = true
    found = await pass(db, plan, type, false, page, statuses)
  }
  const hits: SearchHit[] = found.rows.map((r) => {
    const base = {
      type: r.type as 'cars' | 'parts',
      id: Number(r.id),
      title: String(r.title),
      slug: r.slug ?? null,
      price: num(r.price),
      currency: r.currency ?? null,
      status: String(r.status),
      rank: Math.round(Number(r.rank) * 1e6) / 1e6,
    }
    return r.type === 'cars'
      ? { ...base, year: num(r.year), make: r.make ?? null, model: r.model ?? null, city: r.city ?? null }
      : { ...base, brand: r.brand ?? null, category: r.category ?? null, sku: r.sku ?? null }
  })
  return { plan, relaxed, totalDocs: found.total, hits }
}

/**
 * Title suggestions with bounded work: up to `limit` titles starting with the text (the `text_pattern_ops`
 * btree; score 2), and from three letters on up to 50 substring and 50 trigram-word matches (the trigram
 * GIN index; two branches, since an OR of both makes the planner fall back to a seq scan) scored by
 * similarity (< 1). Each branch stops after a fixed number of rows, so the cost does not
 * grow with the number of listings that match.
 */
export function titleSuggestionsSql(table: ReturnType<typeof sql.raw>, normalized: string, limit: number) {
  // Inlined as literals (not bind parameters) so the planner sees the pattern and costs the trigram index
  // properly; safe because a normalized query holds letters, digits and single spaces only.
  if (!/^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$/u.test(normalized)) throw new Error('titleSuggestionsSql: not a normalized query')
  const lit = (s: string) => sql.raw(`'${s}'`)
  const prefixPart = sql`(select id, title, slug, 2.0::float8 as score from ${table}
      where status = 'active' and public.autohub_norm(title) like ${lit(`${normalized}%`)} limit ${limit})`
  if (Array.from(normalized).length < 3) return prefixPart
  return sql`select id, title, slug, max(score) as score from (
    ${prefixPart}
    union all
    (select t.id, t.title, t.slug, similarity(public.autohub_norm(t.title), ${lit(normalized)})::float8 as score from (
        (select id from ${table} where public.autohub_norm(title) like ${lit(`%${normalized}%`)} limit 60)
        union
        (select id from ${table} where ${lit(normalized)} <% public.autohub_norm(title) limit 60)
      ) candidates join ${table} t on t.id = candidates.id
      where t.status = 'active'
      order by score desc, id desc limit ${limit})
  ) s group by id, title, slug`
}

export interface Suggestion {
  type: 'make' | 'model' | 'car' | 'part'
  id: number
  text: string
  make?: string
  slug?: string | null
}

/**
 * Autocomplete: makes and models from the cached vocabulary (prefix, then trigram), then titles of active
 * cars and parts — by prefix through the `text_pattern_ops` index for one or two letters, by substring or
 * trigram word similarity through the trigram GIN index from three letters on.
 */
export async function suggest(db: Tx, normalized: string, limit: number): Promise<Suggestion[]> {
  const vocab = await vocabulary(db)
  const names: Suggestion[] = suggestFromVocabulary(normalized, vocab.entries, limit).map((e: SuggestionEntry) => ({
    type: e.type,
    id: e.id,
    text: e.text,
    ...(e.make ? { make: e.make } : {}),
    slug: e.slug ?? null,
  }))
  const titleLimit = Math.max(limit - Math.min(names.length, Math.ceil(limit / 2)), 1)
  const query = sql`
    select 'car' as type, c.* from (${titleSuggestionsSql(sql.raw('cars'), normalized, titleLimit)}) c
    union all
    select 'part' as type, p.* from (${titleSuggestionsSql(sql.raw('parts'), normalized, titleLimit)}) p
    order by score desc, title, id desc`
  // With a LIMIT over a rare pattern the planner may still bet on a sequential scan (it cannot know the
  // trigram branch finds nothing early, and GIN costs are pessimistic); scoped to this one read-only
  // transaction, plain seq/index scans are ruled out so the btree prefix and trigram GIN bitmaps are used.
  const drizzle = db as Tx & { transaction?: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> }
  const rows = drizzle.transaction
    ? await drizzle.transaction(async (tx) => {
        await tx.execute(sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`)
        return tx.execute(query)
      })
    : await db.execute(query)
  const titles: Suggestion[] = rows.rows.map((r) => ({ type: r.type as 'car' | 'part', id: Number(r.id), text: String(r.title), slug: r.slug ?? null }))
  const seen = new Set<string>()
  const out: Suggestion[] = []
  for (const s of [...names.slice(0, Math.ceil(limit / 2)), ...titles, ...names.slice(Math.ceil(limit / 2))]) {
    const key = `${s.type}:${s.text.toLowerCase()}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(s)
    if (out.length >= limit) break
  }
  return out
}

/** The most searched normalized queries (with at least one result) since `from`. */
export async function popularQueries(db: Tx, from: Date, limit: number): Promise<{ query: string; count: number; users: number }[]> {
  const res = await db.execute(sql`
    select normalized_query as query, count(*)::int as count, count(distinct user_id)::int as users
    from search_queries
    where created_at >= ${from.toISOString()}::timestamptz and result_count > 0 and normalized_query <> ''
    group by normalized_query
    order by count desc, max(created_at) desc
    limit ${limit}`)
  return res.rows.map((r) => ({ query: String(r.query), count: Number(r.count), users: Number(r.users) }))
}

/**
 * Active cars within `radiusKm` of (lat, lng), nearest first: `earth_box` narrows through the GiST index on
 * `ll_to_earth(location_latitude, location_longitude)`, `earth_distance` decides the exact circle.
 */
export async function nearbyCarIds(db: Tx, lat: number, lng: number, radiusKm: number, limit: number): Promise<{ id: number; distanceKm: number }[]> {
  const metres = radiusKm * 1000
  const res = await db.execute(sql`
    select id, earth_distance(ll_to_earth(location_latitude::float8, location_longitude::float8), ll_to_earth(${lat}::float8, ${lng}::float8)) / 1000.0 as km
    from cars
    where status = 'active'
      and location_latitude is not null and location_longitude is not null
      and earth_box(ll_to_earth(${lat}::float8, ${lng}::float8), ${metres}::float8) @> ll_to_earth(location_latitude::float8, location_longitude::float8)
      and earth_distance(ll_to_earth(location_latitude::float8, location_longitude::float8), ll_to_earth(${lat}::float8, ${lng}::float8)) <= ${metres}::float8
    order by km asc, id asc
    limit ${limit}`)
  return res.rows.map((r) => ({ id: Number(r.id), distanceKm: Number(r.km) }))
}
