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

import { executeNamed, opaque } from '@/db/plan-cache'
import type { Tx } from '@/db/transaction'
import { type Page, planQuery, prefixUpperBound, type QueryPlan, RANK_CANDIDATES, type SearchType, type SuggestionEntry, suggestFromVocabulary, TRIGRAM_BONUS } from '@/domain/discovery/search'

import { VOCABULARY_VERSION, withVocabulary } from './vocabulary'

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

/** A search's ranked page before its display fields: the plan, whether a relaxed pass answered, its total and hits. */
export interface RankedPage {
  plan: QueryPlan
  /** Whether a relaxed pass (every word but one, or any word) was used because the strict (every word) pass found nothing. */
  relaxed: boolean
  totalDocs: number
  ranked: { type: SearchHit['type']; id: number; rank: number }[]
}

/** The page with its hits' display fields. */
export type SearchResult = Omit<RankedPage, 'ranked'> & { hits: SearchHit[] }

/** Each searched table's stored documents, their key column, and the name of the suggestions' walk over its titles. */
const STORED = {
  cars: { docs: sql.raw('car_search_docs'), key: sql.raw('car_id'), walk: sql.raw('car_titles') },
  parts: { docs: sql.raw('part_search_docs'), key: sql.raw('part_id'), walk: sql.raw('part_titles') },
} as const

type SQL = ReturnType<typeof sql>

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

/**
 * How a pass's values reach PostgreSQL. `visible`: as parameters the planner sees, so an unnamed statement is planned
 * for them. `hidden`: opaque to the planner ({@link opaque}), so a named statement keeps one generic plan; its text
 * search query is then parsed once per execution (an InitPlan), not once per row as `to_tsquery` of a parameter is in
 * a generic plan.
 *
 * The strict pass is named with its values hidden: its best plan is the documents' GIN index whatever the words. On a
 * copy of the bench database its generic plan ran as fast as the custom ones (2.36 against 2.44 ms over eight
 * queries; "model", in 93k documents, 92 against 99–150 ms) and is not planned again: 0.3–0.7 ms of planning
 * saved per search. So is a one-word relaxed pass (the trigram titles alone, by their index whatever the word:
 * "toyota", "toyta", "porche" 2.5–4.2 → 1.0–1.7 ms of PostgreSQL per search). The most pass and a longer relaxed pass
 * stay planned for their words: a generic plan of a two-word relaxed pass took 36 ms where its custom plans take 4–7
 * (bench/NOTES.md, session 45).
 */
interface Values {
  value(value: unknown, type: string): SQL
  tsquery(text: string): SQL
}
const visible: Values = {
  value: (value, type) => sql`${sql.param(value)}::${sql.raw(type)}`,
  tsquery: (text) => sql`to_tsquery('simple', ${text})`,
}
const hidden: Values = {
  value: opaque,
  tsquery: (text) => sql`(select to_tsquery('simple', ${opaque(text, 'text')}))`,
}

/**
 * One branch of the candidates: the stored documents of one table matching `match`, with their `ts_rank` against
 * `rankq`. Everything is read from the stored document and title: no per-row `autohub_*_doc`/`autohub_norm` call.
 */
function candidates(table: 'cars' | 'parts', rankq: SQL, statuses: SQL, match: SQL) {
  const { docs, key } = STORED[table]
  return sql`
    select ${sql.raw(`'${table}'`)}::text as type, d.${key} as id, d.fresh, d.title_norm, ts_rank(d.doc, ${rankq}) as tr
    from ${docs} d
    where d.status = any(${statuses}) and ${match}`
}

/** A pass's candidates and how its values reach PostgreSQL. */
interface Pass {
  statement: SQL
  values: Values
}

/**
 * The candidates of each pass.
 * - Strict: the document matches every word (`allq`, GIN).
 * - Most (three words or more), run only when the strict pass found nothing: the document matches every word but
 *   one (`mostq`, GIN), ranked as the relaxed pass ranks (`anyq`). Without it, a long query with one word too many
 *   fell through to any word: "bosch oil filter" on the bench data ranked and counted 7,665 parts holding "oil",
 *   "filter" or "bosch" (a sequential scan, ≈ 17 ms) where 2,000 oil filters hold two of its words (≈ 3 ms).
 * - Relaxed, run only when the passes before found nothing: any word (GIN on the document), then titles
 *   trigram-word-similar to the query (`<%`, trigram GIN on the stored title) that matched no word — two disjoint
 *   index-driven parts instead of one OR, which the planner answers with a sequential scan computing the trigram
 *   word similarity of every title. A one-word query's "any word" is its strict query, which found nothing, so that
 *   part is left out.
 */
function passes(plan: QueryPlan, type: SearchType, statuses: string[]): { strict: Pass; most: Pass | null; relaxed: Pass } {
  const statusesOf = (t: 'cars' | 'parts', v: Values) => v.value(t === 'cars' ? statuses : ['active'], 'text[]')
  const tables = (['cars', 'parts'] as const).filter((t) => type === 'all' || type === t)
  const allq = hidden.tsquery(plan.strict as string)
  const strict = tables.map((t) => candidates(t, allq, statusesOf(t, hidden), sql`d.doc @@ ${allq}`))
  // one word: its "any word" is the strict query, so only the trigram titles are read, by their index whatever the word
  const oneWord = plan.relaxed === plan.strict
  const r = oneWord ? hidden : visible
  const anyq = r.tsquery(plan.relaxed as string)
  const relaxed = tables.flatMap((t) => [
    ...(oneWord ? [] : [candidates(t, anyq, statusesOf(t, r), sql`d.doc @@ ${anyq}`)]),
    candidates(t, anyq, statusesOf(t, r), sql`${r.value(plan.normalized, 'text')} <% d.title_norm and not (d.doc @@ ${anyq})`),
  ])
  const most = plan.most ? tables.map((t) => candidates(t, visible.tsquery(plan.relaxed as string), statusesOf(t, visible), sql`d.doc @@ ${visible.tsquery(plan.most as string)}`)) : null
  return {
    strict: { statement: sql.join(strict, sql` union all `), values: hidden },
    most: most && { statement: sql.join(most, sql` union all `), values: visible },
    relaxed: { statement: sql.join(relaxed, sql` union all `), values: r },
  }
}

/**
 * The display fields of a page's hits by id, one text for every page (an empty array for a table not on it), sent
 * named with the ids opaque to the planner (`executeNamed`), so its generic plan is kept: its plan does not depend on
 * the ids, and planning its joins cost more than running them (bench/NOTES.md).
 */
const display = (carIds: number[], partIds: number[]) => sql`
    select 'cars' as type, c.id, c.title, c.slug, c.price, c.currency::text as currency, c.status::text as status, c.year,
      mk.name as make, md.name as model, c.location_city as city, null::text as brand, null::text as category, null::text as sku
    from cars c left join makes mk on mk.id = c.make_id left join models md on md.id = c.model_id
    where c.id = any(${opaque(carIds, 'int[]')})
    union all
    select 'parts', p.id, p.title, p.slug, p.price, p.currency::text, p.status::text, null::numeric, null::text, null::text, null::text,
      b.name, pc.name, p.sku
    from parts p left join part_brands b on b.id = p.brand_id left join part_categories pc on pc.id = p.category_id
    where p.id = any(${opaque(partIds, 'int[]')})`

/**
 * One pass's page: its total and the page's hits (type, id, rank), in one statement; the total comes in a row of its
 * own even when the page is past the last hit.
 *
 * rank = ts_rank + TRIGRAM_BONUS × similarity, and similarity ≤ 1: a candidate whose ts_rank is more than
 * TRIGRAM_BONUS below the k-th best ts_rank (k = offset + limit) cannot reach the page. Only the candidates within
 * that margin among the best `cap` by ts_rank, then newest (`top`), get the trigram score; the rest are counted, not
 * ranked. Taking `cap` first and then the margin is the same as the margin first: the candidates within the margin
 * are a prefix of that order.
 */
function pageStatement(matches: SQL, normalized: string, page: Page, cap: number, values: Values, withVersion = false) {
  const k = page.offset + page.limit
  const int = (n: number) => values.value(n, 'int')
  return sql`
    with matches as materialized (${matches}),
    top as (select * from matches order by tr desc, fresh desc nulls last, id desc limit ${int(cap)}),
    cut as (select tr from top order by tr desc limit 1 offset ${int(k - 1)}),
    hits as (
      select type, id, fresh, tr + ${sql.raw(String(TRIGRAM_BONUS))}::real * similarity(title_norm, ${values.value(normalized, 'text')}) as rank from top
      where tr >= coalesce((select tr from cut), 0) - ${sql.raw(String(TRIGRAM_BONUS * 1.001))}::float8
      order by rank desc, fresh desc nulls last, id desc
      limit ${int(page.limit)} offset ${int(page.offset)}
    )
    select t.total, ${withVersion ? sql`(${VOCABULARY_VERSION})` : sql`null`} as vocab_version, h.type, h.id, h.rank
    from (select count(*) as total from matches) t left join hits h on true
    order by h.rank desc, h.fresh desc nulls last, h.id desc`
}

/**
 * Ranked full-text search over public cars and/or parts. Every word must match (as a prefix, or through a typo
 * correction from the vocabulary of make, model, part brand and category names); when that finds nothing, every word but one (three words or more),
 * and when that finds nothing either, any word, with titles also compared by trigram word similarity (both
 * `relaxed`). One statement per pass ({@link rankPage}: the strict pass's named, the others planned for their
 * values), then one named statement for the page's display fields ({@link displayHits}).
 */
export async function search(db: Tx, q: string, type: SearchType, page: Page, opts: { includeSold?: boolean; rankCandidates?: number } = {}): Promise<SearchResult> {
  const { ranked, ...found } = await rankPage(db, q, type, page, opts)
  return { ...found, hits: await displayHits(db, ranked) }
}

/** A pass's page statement: named when its values are hidden from the planner, planned for them when visible. */
function runPass(db: Tx, pass: Pass, normalized: string, page: Page, cap: number, withVersion = false) {
  const statement = pageStatement(pass.statement, normalized, page, cap, pass.values, withVersion)
  return pass.values === hidden ? executeNamed(db, statement) : db.execute(statement)
}

/** The search's passes: its page's hits (type, id, rank) and total, without their display fields. */
export async function rankPage(db: Tx, q: string, type: SearchType, page: Page, opts: { includeSold?: boolean; rankCandidates?: number } = {}): Promise<RankedPage> {
  const statuses = opts.includeSold ? ['active', 'sale_pending', 'sold'] : ['active']
  const cap = Math.max(opts.rankCandidates ?? RANK_CANDIDATES, page.offset + page.limit)
  // the strict pass reads the vocabulary's version along: its typo corrections come from the vocabulary
  type First = { plan: QueryPlan; sets: ReturnType<typeof passes> | null; rows: Record<string, unknown>[] }
  const first = await withVocabulary<First>(db, async (vocab) => {
    const plan = planQuery(q, vocab.words)
    if (!plan.strict) return { version: null, value: { plan, sets: null, rows: [] } }
    const sets = passes(plan, type, statuses)
    const rows = (await runPass(db, sets.strict, plan.normalized, page, cap, true)).rows
    return { version: String(rows[0].vocab_version), value: { plan, sets, rows } }
  })
  const { plan, sets } = first
  if (!sets) return { plan, relaxed: false, totalDocs: 0, ranked: [] }
  let found = first.rows
  const isRelaxed = Number(found[0].total) === 0
  if (isRelaxed && sets.most) found = (await runPass(db, sets.most, plan.normalized, page, cap)).rows
  if (Number(found[0].total) === 0) found = (await runPass(db, sets.relaxed, plan.normalized, page, cap)).rows
  const ranked = found.filter((r) => r.id !== null).map((r) => ({ type: r.type as SearchHit['type'], id: Number(r.id), rank: Number(r.rank) }))
  return { plan, relaxed: isRelaxed, totalDocs: Number(found[0].total), ranked }
}

/** The ranked hits with their display fields, by one named statement (none for an empty page); a hit deleted meanwhile is left out. */
export async function displayHits(db: Tx, ranked: RankedPage['ranked']): Promise<SearchHit[]> {
  if (!ranked.length) return []
  const ids = (t: SearchHit['type']) => ranked.filter((r) => r.type === t).map((r) => r.id)
  const shown = new Map<string, Record<string, unknown>>()
  for (const row of (await executeNamed(db, display(ids('cars'), ids('parts')))).rows) shown.set(`${row.type}:${row.id}`, row)
  const hits: SearchHit[] = []
  for (const { type: t, id, rank } of ranked) {
    const r = shown.get(`${t}:${id}`)
    if (!r) continue // deleted between the two statements
    const base = {
      type: t,
      id,
      title: String(r.title),
      slug: (r.slug as string | null) ?? null,
      price: num(r.price),
      currency: (r.currency as string | null) ?? null,
      status: String(r.status),
      rank: Math.round(rank * 1e6) / 1e6,
    }
    hits.push(
      t === 'cars'
        ? { ...base, year: num(r.year), make: (r.make as string | null) ?? null, model: (r.model as string | null) ?? null, city: (r.city as string | null) ?? null }
        : { ...base, brand: (r.brand as string | null) ?? null, category: (r.category as string | null) ?? null, sku: (r.sku as string | null) ?? null },
    )
  }
  return hits
}

/** The text a title statement inlines as a literal: only a normalized query (letters, digits, single spaces) passes. */
function checkedNormalized(normalized: string): string {
  if (!/^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$/u.test(normalized)) throw new Error('title suggestions: not a normalized query')
  return normalized
}

/** From three letters on, titles may also match inside (substring) or by trigram word similarity. */
const fuzzyTitles = (normalized: string) => Array.from(normalized).length >= 3

/**
 * Prefix title suggestions of active cars and parts, with the vocabulary's version (one row, `vocab_version`; the
 * titles' columns null when there is none): per table up to `limit` distinct stored titles (`title_norm`) starting with
 * the text — the alphabetically first ones in the byte order of the `text_pattern_ops` btree on `(title_norm, id
 * desc)` of active rows — each as its newest listing (highest id), ordered by title. A skip scan: a recursive walk
 * takes the next distinct title after the last one and its highest id in one probe of that index, so the work is one
 * probe per suggested title, however many listings share a title or start with the text. The text comes as values
 * opaque to the planner (the prefix as a range, `prefixUpperBound`), so the statement is sent named and keeps its
 * generic plan (its best plan does not depend on the text: probes of one index).
 */
export function prefixTitlesSql(normalized: string, limit: number) {
  const low = checkedNormalized(normalized)
  const high = prefixUpperBound(low)
  const walk = (table: 'cars' | 'parts') => {
    const { docs, key, walk } = STORED[table]
    return sql`${walk}(title_norm, id) as (
      (select title_norm, ${key} from ${docs} where status = 'active' and title_norm ~>=~ ${opaque(low, 'text')} and title_norm ~<~ ${opaque(high, 'text')}
        order by title_norm using ~<~, ${key} desc limit 1)
      union all
      (select n.title_norm, n.${key} from ${walk} w cross join lateral (select d.title_norm, d.${key} from ${docs} d
        where d.status = 'active' and d.title_norm ~>~ w.title_norm and d.title_norm ~<~ ${opaque(high, 'text')}
        order by d.title_norm using ~<~, d.${key} desc limit 1) n))`
  }
  return sql`with recursive ${walk('cars')}, ${walk('parts')}
    select v.vocab_version, t.* from (select ${VOCABULARY_VERSION} as vocab_version) v left join (
      select 'car' as type, c.id, c.title, c.slug from (select id from ${STORED.cars.walk} limit ${opaque(limit, 'int')}) p join cars c on c.id = p.id
      union all
      select 'part' as type, c.id, c.title, c.slug from (select id from ${STORED.parts.walk} limit ${opaque(limit, 'int')}) p join parts c on c.id = p.id
    ) t on true
    order by t.title, t.id desc`
}

/** At most this many substring and this many trigram-word candidates per table (each branch stops there). */
const FUZZY_CANDIDATES = 60

/**
 * The candidates of the title suggestions beyond the prefix, from three letters on: per table up to
 * {@link FUZZY_CANDIDATES} titles containing the text and as many trigram-word-similar to it (`type`, `id`), from the
 * trigram GIN index on `title_norm` — two branches, since an OR of both makes the planner fall back to a seq scan. Each
 * branch stops after a fixed number of rows, so the cost does not grow with the number of listings that match; the
 * rechecks read the stored title (no per-row `autohub_norm`). The substring pattern is inlined as a literal (not a
 * bind parameter): how many titles contain the text decides between a scan that stops at its limit and the trigram
 * index, and the planner sees that only in the pattern (a generic plan took 24 ms for "model", which every bench title
 * contains, against 3 ms planned for its text). The trigram-word branches always take the trigram index, and their
 * text is opaque to the planner ({@link opaque}): estimating `<%` for a literal scores it against the column's
 * statistics, which made planning the four selects cost more than running them (on the bench data, "oil", "spa",
 * "toy", "bre": 1.05 → 0.14 ms of planning, 0.85 → 0.52 ms of execution; bench/NOTES.md, session 45). Their scoring
 * is {@link fuzzyTitlesSql}.
 */
export function fuzzyCandidatesSql(normalized: string) {
  const text = checkedNormalized(normalized)
  const lit = (s: string) => sql.raw(`'${s}'`)
  const branches = (['cars', 'parts'] as const).flatMap((table) => {
    const { docs, key } = STORED[table]
    const type = sql.raw(`'${table === 'cars' ? 'car' : 'part'}'`)
    return [
      sql`(select ${type} as type, ${key} as id from ${docs} where title_norm like ${lit(`%${text}%`)} limit ${sql.raw(String(FUZZY_CANDIDATES))})`,
      sql`(select ${type} as type, ${key} as id from ${docs} where ${opaque(text, 'text')} <% title_norm limit ${sql.raw(String(FUZZY_CANDIDATES))})`,
    ]
  })
  return sql.join(branches, sql` union all `)
}

/**
 * The title suggestions once the prefix titles (their ids per table, from {@link prefixTitlesSql}) are fewer than
 * `limit`: per table the best `limit` active candidates ({@link fuzzyCandidatesSql}) by trigram similarity (< 1),
 * merged with the prefix titles (score 2), best first (`type`, `id`, `title`, `slug`, `score`). Lookups by ids of one
 * fixed text, its values opaque, sent named (`executeNamed`).
 */
export function fuzzyTitlesSql(normalized: string, limit: number, prefix: { cars: readonly number[]; parts: readonly number[] }, candidates: { cars: readonly number[]; parts: readonly number[] }) {
  const text = checkedNormalized(normalized)
  const scored = (table: 'cars' | 'parts') => {
    const { docs, key } = STORED[table]
    return sql`select id, max(score) as score from (
      select id, 2.0::float8 as score from unnest(${opaque(prefix[table], 'int[]')}) id
      union all
      (select d.${key} as id, similarity(d.title_norm, ${opaque(text, 'text')})::float8 as score from ${docs} d
        where d.${key} = any(${opaque(candidates[table], 'int[]')}) and d.status = 'active'
        order by score desc, id desc limit ${opaque(limit, 'int')})
    ) s group by id`
  }
  return sql`select 'car' as type, t.id, t.title, t.slug, s.score from (${scored('cars')}) s join cars t on t.id = s.id
    union all
    select 'part' as type, t.id, t.title, t.slug, s.score from (${scored('parts')}) s join parts t on t.id = s.id
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
 * Autocomplete: makes and models from the cached vocabulary (prefix, then trigram), then titles of active cars and
 * parts — by prefix (one named statement, {@link prefixTitlesSql}, which also reads the vocabulary's version), and
 * from three letters on, when those are fewer than the titles' share, by substring or trigram word similarity too (the
 * candidates by {@link fuzzyCandidatesSql}, then their scores and order by {@link fuzzyTitlesSql}).
 */
export async function suggest(db: Tx, normalized: string, limit: number): Promise<Suggestion[]> {
  const { names, rows } = await withVocabulary(db, async (vocab) => {
    const names: Suggestion[] = suggestFromVocabulary(normalized, vocab.entries, limit).map((e: SuggestionEntry) => ({
      type: e.type,
      id: e.id,
      text: e.text,
      ...(e.make ? { make: e.make } : {}),
      slug: e.slug ?? null,
    }))
    const titleLimit = Math.max(limit - Math.min(names.length, Math.ceil(limit / 2)), 1)
    const prefixRows = (await executeNamed(db, prefixTitlesSql(normalized, titleLimit))).rows
    const found = prefixRows.filter((r) => r.id !== null)
    let rows = found
    if (found.length < titleLimit && fuzzyTitles(normalized)) {
      const candidates = (await db.execute(fuzzyCandidatesSql(normalized))).rows
      const prefix = { cars: idsOf(found, 'car'), parts: idsOf(found, 'part') }
      rows = (await executeNamed(db, fuzzyTitlesSql(normalized, titleLimit, prefix, { cars: idsOf(candidates, 'car'), parts: idsOf(candidates, 'part') }))).rows
    }
    return { version: String(prefixRows[0].vocab_version), value: { names, rows } }
  })
  const titles: Suggestion[] = rows.map((r) => ({ type: r.type as 'car' | 'part', id: Number(r.id), text: String(r.title), slug: (r.slug as string | null) ?? null }))
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

const idsOf = (rows: Record<string, unknown>[], type: 'car' | 'part') => rows.filter((r) => r.type === type).map((r) => Number(r.id))

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
