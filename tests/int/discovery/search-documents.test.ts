/**
 * Stored search documents (src/migrations/20261201_050000_search_documents.ts): every car and part has one, equal
 * to the expressions the search used to compute per row at query time, and the triggers keep it so through
 * Local API writes, bulk SQL, renames of makes/models/brands/categories and deletes. Differential: the engine
 * over the stored documents answers exactly what the previous query-time SQL (kept below as the reference,
 * verbatim) answers — same hits, order, ranks, totals and relaxed flag — on a few hundred listings and parts.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { search } from '../../../src/db/discovery/search-engine'
import { vocabulary } from '../../../src/db/discovery/vocabulary'
import { pageOf, planQuery, type SearchType, TRIGRAM_BONUS } from '../../../src/domain/discovery/search'
import { get } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser } from '../../helpers/users'
import { createCar, makeModel, query, sql } from './fixtures'

type Db = Parameters<typeof search>[0]
let db: Db
const ids: Record<string, number> = {}
let toyota: Awaited<ReturnType<typeof makeModel>>

/** Rows whose stored document differs from the one computed from the current row (must be none). */
const CAR_DRIFT = sql`select count(*)::int as n from cars c
  left join car_search_docs d on d.car_id = c.id
  left join makes mk on mk.id = c.make_id left join models md on md.id = c.model_id
  where d.car_id is null or d.status <> c.status::text or d.title_norm <> public.autohub_norm(c.title)
     or d.doc <> (public.autohub_car_doc(c.title, c.description)
                  || setweight(to_tsvector('simple', public.autohub_norm(coalesce(mk.name, '') || ' ' || coalesce(md.name, ''))), 'B'))
     or d.fresh is distinct from coalesce(c.published_at, c.created_at)`
const PART_DRIFT = sql`select count(*)::int as n from parts p
  left join part_search_docs d on d.part_id = p.id
  left join part_brands b on b.id = p.brand_id left join part_categories pc on pc.id = p.category_id
  where d.part_id is null or d.status <> p.status::text or d.title_norm <> public.autohub_norm(p.title)
     or d.doc <> (public.autohub_part_doc(p.title, p.sku, p.description)
                  || setweight(to_tsvector('simple', public.autohub_norm(coalesce(b.name, '') || ' ' || coalesce(pc.name, ''))), 'B'))
     or d.fresh is distinct from p.created_at`
const drift = async () => ({ cars: (await query(CAR_DRIFT))[0].n, parts: (await query(PART_DRIFT))[0].n })
const docCount = async () => ({
  cars: (await query(sql`select count(*)::int as n from car_search_docs`))[0].n,
  parts: (await query(sql`select count(*)::int as n from part_search_docs`))[0].n,
})

beforeAll(async () => {
  const payload = await testPayload()
  db = (payload.db as unknown as { drizzle: Db }).drizzle
  const seller = await createUser({ roles: ['seller'] })
  toyota = await makeModel('Toyota', ['Camry', 'Corolla'])
  const honda = await makeModel('Honda', ['Civic', 'Accord'])
  await makeModel('Mercedes-Benz', ['E-Class'])
  ids.camry = (await createCar({ title: '2019 Camry SE sedan', make: toyota.make, model: toyota.models.Camry, seller: seller.id })).id
  ids.civic = (await createCar({ title: 'Sporty Honda sedan', make: honda.make, model: honda.models.Civic, seller: seller.id, description: 'Owner also had a camry' })).id
  const brand = await payload.create({ collection: 'part-brands', overrideAccess: true, data: { name: 'Bosch' } as never })
  const category = await payload.create({ collection: 'part-categories', overrideAccess: true, data: { name: 'Brakes' } as never })
  ids.brand = Number(brand.id)
  ids.category = Number(category.id)
  ids.part = Number(
    (
      await payload.create({
        collection: 'parts',
        overrideAccess: true,
        data: { title: 'Camry brake pad set', sku: 'BP-T-1', price: 80, stockQuantity: 5, status: 'active', brand: brand.id, category: category.id, seller: seller.id } as never,
      })
    ).id,
  )
  // Bulk rows through plain SQL (as imports and the bench seed write them): the statement-level triggers.
  await query(sql`insert into cars (title, slug, description, make_id, model_id, year, condition, price, currency, mileage, status, seller_id,
      views_count, favorites_count, published_at, updated_at, created_at)
    select (array['Toyota Camry hybrid', 'Toyota Corolla wagon', 'Honda Civic sport', 'Honda Accord touring', 'Mercedes E200 coupe', 'Camry diesel sedan'])[1 + g % 6]
        || ' ' || (2005 + g % 19), 'doc-car-' || g,
      (array['Full service history', 'One owner, camry seats', 'Brake pads replaced', 'Hybrid battery new'])[1 + g % 4] || ' ' || g,
      (array[${toyota.make}, ${toyota.make}, ${honda.make}, ${honda.make}, ${toyota.make}, ${toyota.make}]::int[])[1 + g % 6],
      (array[${toyota.models.Camry}, ${toyota.models.Corolla}, ${honda.models.Civic}, ${honda.models.Accord}, ${toyota.models.Camry}, ${toyota.models.Camry}]::int[])[1 + g % 6],
      2005 + g % 19, 'used', 5000 + g * 37, 'USD', g * 100,
      (case when g % 10 = 0 then 'sold' when g % 17 = 0 then 'draft' else 'active' end)::enum_cars_status, ${seller.id},
      0, 0, now() - (g % 50 || ' hours')::interval, now(), now() - (g || ' minutes')::interval
    from generate_series(1, 400) g`)
  await query(sql`insert into parts (title, slug, description, brand_id, category_id, sku, price, currency, condition, stock_quantity, manage_stock,
      low_stock_threshold, status, seller_id, updated_at, created_at)
    select (array['Bosch brake pad', 'Brembo brake disc', 'Oil filter', 'Spark plug NGK', 'Air filter'])[1 + g % 5] || ' ' || (g % 37),
      'doc-part-' || g, 'Genuine part ' || g || ' for camry and civic', case when g % 3 = 0 then ${ids.brand}::int end,
      case when g % 2 = 0 then ${ids.category}::int end, 'DOC-' || g, 5 + g, 'USD', 'new', 10, true, 5,
      (case when g % 11 = 0 then 'draft' else 'active' end)::enum_parts_status, ${seller.id}, now(), now() - (g || ' minutes')::interval
    from generate_series(1, 200) g`)
})

// ---------- the reference: the query-time SQL the stored documents replace (verbatim, before the change) ----------

function refCars(tsq: string, anyTsq: string, raw: string, strict: boolean, statuses: string[]) {
  const allq = sql`to_tsquery('simple', ${tsq})`
  const anyq = sql`to_tsquery('simple', ${anyTsq})`
  return sql`
    select 'cars' as type, c.id,
      ts_rank(public.autohub_car_doc(c.title, c.description)
              || setweight(to_tsvector('simple', public.autohub_norm(coalesce(mk.name, '') || ' ' || coalesce(md.name, ''))), 'B'), ${allq})
        + ${TRIGRAM_BONUS} * similarity(public.autohub_norm(c.title), ${raw}::text) as rank,
      coalesce(c.published_at, c.created_at) as fresh
    from cars c
    left join makes mk on mk.id = c.make_id
    left join models md on md.id = c.model_id
    where c.status::text = any(${sql.param(statuses)}::text[])
      and (
        public.autohub_car_doc(c.title, c.description) @@ ${anyq}
        or c.make_id = any(array(select id from makes where to_tsvector('simple', public.autohub_norm(name)) @@ ${anyq}))
        or c.model_id = any(array(select id from models where to_tsvector('simple', public.autohub_norm(name)) @@ ${anyq}))
        or (${sql.raw(String(!strict))} and ${raw}::text <% public.autohub_norm(c.title))
      )
      and (${sql.raw(String(!strict))} or (public.autohub_car_doc(c.title, c.description)
              || to_tsvector('simple', public.autohub_norm(coalesce(mk.name, '') || ' ' || coalesce(md.name, '')))) @@ ${allq})`
}

function refParts(tsq: string, anyTsq: string, raw: string, strict: boolean) {
  const allq = sql`to_tsquery('simple', ${tsq})`
  const anyq = sql`to_tsquery('simple', ${anyTsq})`
  return sql`
    select 'parts' as type, p.id,
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

/** The hits whose query-time document misses at most one of the query's words (each word: its prefix or a correction). */
async function missingAtMostOne(hits: { type: string; id: number }[], words: string[], corrected: Record<string, string[]>) {
  const matched = new Map<string, number>()
  for (const w of words) {
    const term = sql`to_tsquery('simple', ${[`${w}:*`, ...(corrected[w] ?? [])].join(' | ')})`
    const rows = await query(sql`
      select 'cars' as type, c.id from cars c left join makes mk on mk.id = c.make_id left join models md on md.id = c.model_id
      where (public.autohub_car_doc(c.title, c.description)
             || to_tsvector('simple', public.autohub_norm(coalesce(mk.name, '') || ' ' || coalesce(md.name, '')))) @@ ${term}
      union all
      select 'parts', p.id from parts p left join part_brands b on b.id = p.brand_id left join part_categories pc on pc.id = p.category_id
      where (public.autohub_part_doc(p.title, p.sku, p.description)
             || to_tsvector('simple', public.autohub_norm(coalesce(b.name, '') || ' ' || coalesce(pc.name, '')))) @@ ${term}`)
    for (const r of rows) matched.set(`${r.type}:${r.id}`, (matched.get(`${r.type}:${r.id}`) ?? 0) + 1)
  }
  return hits.filter((h) => (matched.get(`${h.type}:${h.id}`) ?? 0) >= words.length - 1)
}

async function referenceSearch(q: string, type: SearchType, page: number, limit: number, includeSold: boolean) {
  const plan = planQuery(q, (await vocabulary(db)).words)
  const statuses = includeSold ? ['active', 'sale_pending', 'sold'] : ['active']
  const run = async (strict: boolean, most = false) => {
    const tsq = (strict ? plan.strict : plan.relaxed) as string
    const parts = []
    if (type !== 'parts') parts.push(refCars(tsq, plan.relaxed as string, plan.normalized, strict, statuses))
    if (type !== 'cars') parts.push(refParts(tsq, plan.relaxed as string, plan.normalized, strict))
    const union = parts.length === 2 ? sql`${parts[0]} union all ${parts[1]}` : parts[0]
    const all = await query(sql`select type, id, rank from (${union}) hits order by rank desc, fresh desc nulls last, id desc`)
    // every word but one (added with the engine's tier, after the reference was taken): the any-word ranking of the
    // documents that miss at most one word, decided per word in JavaScript rather than by the engine's tsquery
    const kept = most ? await missingAtMostOne(all, plan.words, plan.corrected) : all
    return { total: kept.length, hits: kept.slice((page - 1) * limit, page * limit) }
  }
  let relaxed = false
  let found = await run(true)
  if (found.total === 0) {
    relaxed = true
    if (plan.most) found = await run(false, true)
    if (found.total === 0) found = await run(false)
  }
  return { relaxed, totalDocs: found.total, hits: found.hits.map((h) => `${h.type}:${h.id}:${Math.round(Number(h.rank) * 1e6) / 1e6}`) }
}

const engine = async (q: string, type: SearchType, page: number, limit: number, includeSold: boolean, rankCandidates?: number) => {
  const r = await search(db, q, type, pageOf(page, limit), { includeSold, rankCandidates })
  return { relaxed: r.relaxed, totalDocs: r.totalDocs, hits: r.hits.map((h) => `${h.type}:${h.id}:${h.rank}`) }
}

const QUERIES = [
  'camry',
  'toyota sedan',
  'toyta',
  'toyta camry',
  'honda 2018',
  'brake pad',
  'bosch brake',
  'brakes',
  'ngk',
  'camry zeppelin',
  'mercedes benz',
  'e200',
  'hybrid',
  'genuine 12',
  'filtr',
  'corola wagon',
  // three words or more, nothing with every word: every word but one, else any word
  'bosch brake zeppelin',
  'camry sedan zeppelin',
  'toyta camry zeppelin',
  'oil filter genuine zeppelin',
  'camry zeppelin wagon',
]

describe('stored search documents', () => {
  it('exist for every car and part and equal the query-time documents (Local API and bulk SQL writes)', async () => {
    expect(await docCount()).toEqual({
      cars: (await query(sql`select count(*)::int as n from cars`))[0].n,
      parts: (await query(sql`select count(*)::int as n from parts`))[0].n,
    })
    expect((await docCount()).cars).toBeGreaterThanOrEqual(402)
    expect(await drift()).toEqual({ cars: 0, parts: 0 })
  })

  it('answer exactly like the query-time SQL: hits, order, ranks, totals, relaxed flag', async () => {
    let compared = 0
    for (const q of QUERIES) {
      for (const type of ['all', 'cars', 'parts'] as const) {
        for (const [page, limit] of [
          [1, 20],
          [2, 7],
        ]) {
          for (const includeSold of [false, true]) {
            const expected = await referenceSearch(q, type, page, limit, includeSold)
            expect(await engine(q, type, page, limit, includeSold), `${q} ${type} ${page}/${limit} sold=${includeSold}`).toEqual(expected)
            if (expected.hits.length) compared++
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100)
  })

  it('bounded ranking: below the cap the page is exact; above it totals stay exact and the page holds the best-ranked candidates', async () => {
    // "camry" matches ~200 listings whose ts_rank ties closely: the trigram bonus decides among them.
    const full = await referenceSearch('camry', 'cars', 1, 10, false)
    expect(full.totalDocs).toBeGreaterThan(100)
    expect(await engine('camry', 'cars', 1, 10, false, 1_000_000)).toEqual(full)
    const capped = await engine('camry', 'cars', 1, 10, false, 30)
    expect(capped.totalDocs).toBe(full.totalDocs)
    expect(capped.hits).toHaveLength(10)
    const ranks = capped.hits.map((h) => Number(h.split(':')[2]))
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks)
    // every capped hit is a real match with its true rank
    const all = await referenceSearch('camry', 'cars', 1, 10_000, false)
    for (const h of capped.hits) expect(all.hits).toContain(h)
    // a page beyond the cap is still served (the cap never drops below offset + limit)
    const deep = await engine('camry', 'cars', 5, 10, false, 30)
    expect(deep.totalDocs).toBe(full.totalDocs)
    expect(deep.hits).toHaveLength(10)
    for (const h of deep.hits) expect(all.hits).toContain(h)
  })

  it('follow updates: title, status, make/model, brand/category renames; deletes remove them', async () => {
    const payload = await testPayload()
    await payload.update({ collection: 'cars', id: ids.civic, overrideAccess: true, data: { title: 'Sporty Honda zeppelinwagen' } as never })
    const found = await get('/search?q=zeppelinwagen&type=cars')
    expect(found.body.docs.map((d: { id: number }) => d.id)).toEqual([ids.civic])
    // the old title's words are gone from the document (only the description's remain)
    expect(await query(sql`select title_norm, doc @@ to_tsquery('simple', 'sedan') as old from car_search_docs where car_id = ${ids.civic}`)).toEqual([
      { title_norm: 'sporty honda zeppelinwagen', old: false },
    ])

    await payload.update({ collection: 'cars', id: ids.civic, overrideAccess: true, data: { status: 'sold' } as never })
    expect((await get('/search?q=zeppelinwagen&type=cars')).body.totalDocs).toBe(0)
    expect((await get('/search?q=zeppelinwagen&type=cars&includeSold=true')).body.docs.map((d: { id: number }) => d.id)).toEqual([ids.civic])

    // A renamed model: its listings are found under the new name at once.
    await payload.update({ collection: 'models', id: toyota.models.Corolla, overrideAccess: true, data: { name: 'Corollix' } as never })
    const renamed = await query(sql`select count(*)::int as n from cars where model_id = ${toyota.models.Corolla} and status = 'active'`)
    expect(renamed[0].n).toBeGreaterThan(0)
    expect((await get('/search?q=corollix&type=cars&limit=50')).body.totalDocs).toBe(renamed[0].n)

    // A renamed part brand and category.
    await payload.update({ collection: 'part-brands', id: ids.brand, overrideAccess: true, data: { name: 'Boschmann' } as never })
    await payload.update({ collection: 'part-categories', id: ids.category, overrideAccess: true, data: { name: 'Stopping' } as never })
    const part = await get('/search?q=boschmann%20stopping&type=parts')
    expect(part.body.docs.map((d: { id: number }) => d.id)).toContain(ids.part)
    expect(part.body.docs.every((d: { brand: string; category: string }) => d.brand === 'Boschmann' && d.category === 'Stopping')).toBe(true)
    expect(await drift()).toEqual({ cars: 0, parts: 0 })

    // A write that touches no searched column leaves the document row alone.
    const before = await query(sql`select xmin::text as x from car_search_docs where car_id = ${ids.camry}`)
    await query(sql`update cars set views_count = views_count + 1 where id = ${ids.camry}`)
    expect(await query(sql`select xmin::text as x from car_search_docs where car_id = ${ids.camry}`)).toEqual(before)

    await payload.delete({ collection: 'cars', id: ids.camry, overrideAccess: true })
    await payload.delete({ collection: 'parts', id: ids.part, overrideAccess: true })
    expect(await query(sql`select car_id from car_search_docs where car_id = ${ids.camry}`)).toEqual([])
    expect(await query(sql`select part_id from part_search_docs where part_id = ${ids.part}`)).toEqual([])
    expect(await drift()).toEqual({ cars: 0, parts: 0 })
  })

  it('one statement per pass (the strict pass named), then the display fields by one named statement; a total past the last page needs no more', async () => {
    const sent: { text: string; name?: string }[] = []
    const handle = db as unknown as { dialect: unknown; session: { prepareQuery: (...a: unknown[]) => unknown } }
    const spy = {
      execute: (q: Parameters<Db['execute']>[0]) => {
        sent.push({ text: (handle.dialect as { sqlToQuery(q: unknown): { sql: string } }).sqlToQuery(q).sql })
        return db.execute(q)
      },
      dialect: handle.dialect,
      session: {
        prepareQuery: (rendered: { sql: string }, fields: unknown, name: string, ...rest: unknown[]) => {
          sent.push({ text: rendered.sql, name })
          return handle.session.prepareQuery(rendered, fields, name, ...rest)
        },
      },
    } as unknown as Db
    const searchSent = async (q: string, page = 1) => {
      sent.length = 0
      const result = await search(spy, q, 'all', pageOf(page, 10))
      const pages = sent.filter((s) => /search_docs/.test(s.text))
      const named = sent.filter((s) => s.name !== undefined)
      return { result, pages, named }
    }

    const strict = await searchSent('camry')
    expect(sent).toHaveLength(2) // the vocabulary's version is read by the page statement, not by one of its own
    expect(strict.result.relaxed).toBe(false)
    expect(strict.result.hits).toHaveLength(10)
    expect(strict.pages).toHaveLength(1)
    // the strict pass and the display fields, each named by a digest of its text
    expect(strict.named).toHaveLength(2)
    expect(strict.named.every((s) => /^ah_[0-9a-f]{32}$/.test(s.name ?? ''))).toBe(true)
    expect(strict.named[0].text).toBe(strict.pages[0].text)
    expect(strict.named[1].text).toMatch(/from cars c/)
    // the same texts for every query and page (the words and ids are opaque parameters), so one plan per connection
    const other = await searchSent('honda 2018')
    expect(other.named.map((s) => s.name)).toEqual(strict.named.map((s) => s.name))

    // nothing strictly → the relaxed pass: two page statements, the display still one
    const relaxed = await searchSent('camry zeppelin')
    expect(relaxed.result.relaxed).toBe(true)
    expect(relaxed.result.hits.length).toBeGreaterThan(0)
    expect(relaxed.pages).toHaveLength(2)
    // the relaxed pass is planned for its words (unnamed): the strict pass and the display are the named ones
    expect(relaxed.named.map((s) => s.name)).toEqual(strict.named.map((s) => s.name))
    expect(relaxed.pages[1].text).toMatch(/and d\.doc @@/) // any word
    expect(relaxed.pages[1].text).toMatch(/<% d\.title_norm/) // trigram titles
    // three words, nothing with all of them: every word but one first (no trigram titles), found → no third pass
    const most = await searchSent('camry sedan zeppelin')
    expect(most.result.relaxed).toBe(true)
    expect(most.result.hits.length).toBeGreaterThan(0)
    expect(most.pages).toHaveLength(2)
    expect(most.pages[1].text).toMatch(/and d\.doc @@/)
    expect(most.pages[1].text).not.toMatch(/<% d\.title_norm/)
    // nothing with two of the three words: then any word and the trigram titles
    const anyWord = await searchSent('camry zeppelin zorblat')
    expect(anyWord.result.relaxed).toBe(true)
    expect(anyWord.result.hits.length).toBeGreaterThan(0)
    expect(anyWord.pages).toHaveLength(3)
    expect(anyWord.pages[2].text).toMatch(/<% d\.title_norm/)
    // one word: its "any word" is the strict query that found nothing, so only the trigram titles are read
    const oneWord = await searchSent('zeppelinx')
    expect(oneWord.result.relaxed).toBe(true)
    expect(oneWord.pages).toHaveLength(2)
    expect(oneWord.pages[1].text).not.toMatch(/and d\.doc @@/)
    expect(oneWord.pages[1].text).toMatch(/<% d\.title_norm/)
    // and by the trigram index whatever the word: named like the strict pass, its values opaque
    expect(oneWord.named.map((s) => s.text)).toEqual(expect.arrayContaining([oneWord.pages[0].text, oneWord.pages[1].text]))
    expect(oneWord.result).toEqual(await search(db, 'zeppelinx', 'all', pageOf(1, 10)))

    // a page past the last hit: the total comes with the empty page, no count statement, no display statement
    const past = await searchSent('camry', 1000)
    expect(past.result.hits).toEqual([])
    expect(past.result.totalDocs).toBe(strict.result.totalDocs)
    expect(past.pages).toHaveLength(1)
    expect(past.named.map((s) => s.name)).toEqual([strict.named[0].name])

    // SQL_PLAN_CACHE=off (a pooler that keeps no prepared statements): the display statement is sent unnamed
    process.env.SQL_PLAN_CACHE = 'off'
    try {
      const unnamed = await searchSent('camry')
      expect(unnamed.named).toHaveLength(0)
      expect(unnamed.result).toEqual(strict.result)
    } finally {
      delete process.env.SQL_PLAN_CACHE
    }
  })

  it('are what the search reads: no per-row document or normalization function in the plan', async () => {
    const plan = planQuery('toyta camry', (await vocabulary(db)).words)
    expect(plan.corrected).toEqual({ toyta: ['toyota'] })
    const explained = { rows: [] as Record<string, string>[] }
    const spy = {
      execute: async (q: Parameters<Db['execute']>[0]) => {
        const text = ((await db.execute(sql`explain (verbose, costs off) ${q}`)) as { rows: Record<string, string>[] }).rows
        if (text.some((r) => /search_docs/.test(r['QUERY PLAN']))) explained.rows.push(...text)
        return db.execute(q)
      },
    } as unknown as Db
    await search(spy, 'toyta camry', 'all', pageOf(1, 12))
    await search(spy, 'camry zeppelin', 'all', pageOf(1, 12)) // strict finds nothing → relaxed pass
    const text = explained.rows.map((r) => r['QUERY PLAN']).join('\n')
    expect(text).toMatch(/car_search_docs/)
    expect(text).toMatch(/part_search_docs/)
    expect(text).not.toMatch(/autohub_car_doc|autohub_part_doc|autohub_norm/)
  })
})
