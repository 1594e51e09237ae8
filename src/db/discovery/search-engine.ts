/**
 * The search, suggestion, popularity and geo queries: raw SQL over Payload's tables (cars, parts, makes,
 * models, part_brands, part_categories, search_queries) and the stored search documents.
 * - `car_search_docs` / `part_search_docs` (src/migrations/20261201_050000_search_documents.ts, kept current by
 *   triggers): per car/part its status, normalized title (`title_norm`), weighted tsvector (`doc`: title A,
 *   make/model or brand/category B, description C) and tie-break date (`fresh`), with GIN indexes on `doc` and
 *   on `title_norm` (trigram) and a `text_pattern_ops` btree on `title_norm` of active rows. Search and title
 *   suggestions read only these (plus the display fields of the rows they return): no per-row
 *   `autohub_car_doc`/`autohub_part_doc`/`autohub_norm` at query time.
 * - `autohub_norm(text)` (src/migrations/20261201_033000_database_extras.ts): lowercase with Latin accents
 *   folded; a GiST `ll_to_earth(lat, lng)` index for radius searches.
 */
import { sql } from '@payloadcms/db-postgres'

import type { Tx } from '@/db/transaction'
import { type Page, planQuery, type QueryPlan, RANK_CANDIDATES, type SearchType, type SuggestionEntry, suggestFromVocabulary, TRIGRAM_BONUS } from '@/domain/discovery/search'

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

/** Each searched table's stored documents, their key column, and the suggestions' CTE of its prefix titles. */
const STORED = {
  cars: { docs: sql.raw('car_search_docs'), key: sql.raw('car_id'), prefix: sql.raw('car_prefix') },
  parts: { docs: sql.raw('part_search_docs'), key: sql.raw('part_id'), prefix: sql.raw('part_prefix') },
} as const

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

/**
 * One branch of the candidates: the stored documents of one table matching the pass, with their `ts_rank`.
 * Strict: the document matches every word (`allq`, GIN). Relaxed: any word, or the title is
 * trigram-word-similar to the query (`<%`, trigram GIN on the stored normalized title). Everything is read from
 * the stored document and title: no per-row `autohub_*_doc`/`autohub_norm` call.
 */
function branch(table: 'cars' | 'parts', tsq: string, anyTsq: string, raw: string, strict: boolean, statuses: string[]) {
  const q = sql`to_tsquery('simple', ${tsq})`
  const { docs, key } = STORED[table]
  const select = (match: ReturnType<typeof sql>) => sql`
    select ${table}::text as type, d.${key} as id, d.fresh, d.title_norm, ts_rank(d.doc, ${q}) as tr
    from ${docs} d
    where d.status = any(${sql.param(statuses)}::text[]) and ${match}`
  if (strict) return select(sql`d.doc @@ ${q}`)
  // Relaxed: two disjoint index-driven parts instead of one OR (which the planner answers with a sequential
  // scan computing the trigram word similarity of every title): any word (GIN on the document), then titles
  // trigram-word-similar to the query (trigram GIN on the stored title) that matched no word.
  const anyq = sql`to_tsquery('simple', ${anyTsq})`
  return sql`${select(sql`d.doc @@ ${anyq}`)} union all ${select(sql`${raw}::text <% d.title_norm and not (d.doc @@ ${anyq})`)}`
}

async function pass(db: Tx, plan: QueryPlan, type: SearchType, strict: boolean, page: Page, statuses: string[], rankCandidates: number) {
  const tsq = (strict ? plan.strict : plan.relaxed) as string
  const anyTsq = plan.relaxed as string
  const parts = []
  if (type !== 'parts') parts.push(branch('cars', tsq, anyTsq, plan.normalized, strict, statuses))
  if (type !== 'cars') parts.push(branch('parts', tsq, anyTsq, plan.normalized, strict, ['active']))
  const union = parts.length === 2 ? sql`${parts[0]} union all ${parts[1]}` : parts[0]
  // rank = ts_rank + TRIGRAM_BONUS × similarity, and similarity ≤ 1: a candidate whose ts_rank is more than
  // TRIGRAM_BONUS below the k-th best ts_rank (k = offset + limit) cannot reach the page. Only the candidates
  // within that margin (at most RANK_CANDIDATES of them, best ts_rank first, then newest) get the trigram
  // score; the rest are counted, not ranked.
  const k = page.offset + page.limit
  const cap = Math.max(rankCandidates, k)
  const margin = TRIGRAM_BONUS * 1.001
  const res = await db.execute(sql`
    with matches as materialized (${union}),
    cut as (select tr from matches order by tr desc limit 1 offset ${k - 1}),
    near as (
      select * from matches where tr >= coalesce((select tr from cut), 0) - ${margin}::float8
      order by tr desc, fresh desc nulls last, id desc limit ${cap}
    ),
    hits as (
      select type, id, fresh, tr + ${TRIGRAM_BONUS} * similarity(title_norm, ${plan.normalized}::text) as rank from near
      order by rank desc, fresh desc nulls last, id desc
      limit ${page.limit} offset ${page.offset}
    )
    select h.type, h.id, h.rank, (select count(*) from matches) as total,
      coalesce(c.title, p.title) as title, coalesce(c.slug, p.slug) as slug,
      coalesce(c.price, p.price) as price, coalesce(c.currency::text, p.currency::text) as currency,
      coalesce(c.status::text, p.status::text) as status,
      c.year, mk.name as make, md.name as model, c.location_city as city, b.name as brand, pc.name as category, p.sku
    from hits h
    left join cars c on h.type = 'cars' and c.id = h.id
    left join makes mk on mk.id = c.make_id
    left join models md on md.id = c.model_id
    left join parts p on h.type = 'parts' and p.id = h.id
    left join part_brands b on b.id = p.brand_id
    left join part_categories pc on pc.id = p.category_id
    order by h.rank desc, h.fresh desc nulls last, h.id desc`)
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
export async function search(db: Tx, q: string, type: SearchType, page: Page, opts: { includeSold?: boolean; rankCandidates?: number } = {}): Promise<SearchResult> {
  const vocab = await vocabulary(db)
  const plan = planQuery(q, vocab.words)
  if (!plan.strict) return { plan, relaxed: false, totalDocs: 0, hits: [] }
  const statuses = opts.includeSold ? ['active', 'sale_pending', 'sold'] : ['active']
  let relaxed = false
  const cap = opts.rankCandidates ?? RANK_CANDIDATES
  let found = await pass(db, plan, type, true, page, statuses, cap)
  if (found.total === 0 && plan.words.length >= 1) {
    relaxed = true
    found = await pass(db, plan, type, false, page, statuses, cap)
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
 * Title suggestions of active cars and parts with bounded work over the stored normalized titles
 * (`car_search_docs` / `part_search_docs`), best first (`type`, `id`, `title`, `slug`, `score`):
 * - per table up to `limit` distinct titles starting with the text (score 2): the alphabetically first ones, read in
 *   the order of the `text_pattern_ops` btree of active rows (`using ~<~`, its operator class), so the index scan
 *   stops after `limit` titles whatever share of the matching listings is active;
 * - from three letters on, only when the two tables together have fewer than `limit` such titles: per table up to 60
 *   substring and 60 trigram-word matches (the trigram GIN index on `title_norm`; two branches, since an OR of both
 *   makes the planner fall back to a seq scan) scored by similarity (< 1). With `limit` prefix titles they could not
 *   reach the list (`suggest` takes `limit` titles in score order, and 2 > 1), so they are skipped: a PostgreSQL
 *   one-time filter on the prefix counts, no scan at all.
 * Each branch stops after a fixed number of rows, so the cost does not grow with the number of listings that
 * match; the index rechecks read the stored title (no per-row `autohub_norm`).
 */
export function titleSuggestionsSql(normalized: string, limit: number) {
  // Inlined as literals (not bind parameters) so the planner sees the pattern and costs the trigram index
  // properly; safe because a normalized query holds letters, digits and single spaces only.
  if (!/^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$/u.test(normalized)) throw new Error('titleSuggestionsSql: not a normalized query')
  const lit = (s: string) => sql.raw(`'${s}'`)
  const fuzzy = Array.from(normalized).length >= 3
  const titles = (table: 'cars' | 'parts') => {
    const { docs, key, prefix } = STORED[table]
    const prefixRows = sql`${prefix} as materialized (select distinct on (title_norm) ${key} as id, 2.0::float8 as score from ${docs}
      where status = 'active' and title_norm like ${lit(`${normalized}%`)} order by title_norm using ~<~, ${key} desc limit ${limit})`
    if (!fuzzy) return { prefixRows, scored: sql`select id, score from ${prefix}` }
    const scored = sql`select id, max(score) as score from (
      select id, score from ${prefix}
      union all
      (select d.${key} as id, similarity(d.title_norm, ${lit(normalized)})::float8 as score from (
          (select ${key} as id from ${docs} where title_norm like ${lit(`%${normalized}%`)} limit 60)
          union
          (select ${key} as id from ${docs} where ${lit(normalized)} <% title_norm limit 60)
        ) candidates join ${docs} d on d.${key} = candidates.id
        where d.status = 'active' and (select count(*) from ${STORED.cars.prefix}) + (select count(*) from ${STORED.parts.prefix}) < ${limit}
        order by score desc, id desc limit ${limit})
    ) s group by id`
    return { prefixRows, scored }
  }
  const cars = titles('cars')
  const parts = titles('parts')
  return sql`with ${cars.prefixRows}, ${parts.prefixRows}
    select 'car' as type, t.id, t.title, t.slug, s.score from (${cars.scored}) s join cars t on t.id = s.id
    union all
    select 'part' as type, t.id, t.title, t.slug, s.score from (${parts.scored}) s join parts t on t.id = s.id
    order by score desc, title, id desc`
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
  const rows = await db.execute(titleSuggestionsSql(normalized, titleLimit))
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
