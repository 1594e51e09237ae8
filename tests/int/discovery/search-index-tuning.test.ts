/**
 * Search index tuning (src/migrations/20261201_170000_search_index_tuning.ts): planner costs of pg_trgm's similarity
 * operators and the GIN pending-list limit.
 * With pg_trgm's default cost of 1 the planner answers a selective trigram filter over a large table with a
 * sequential scan computing the similarity of every row (243 ms on the bench's 110k search documents instead of
 * 17 ms through the index). The migration's costs are in place after the push, and on a table large enough for
 * the choice to matter the planner then reads the trigram index; with cost 1 it does not.
 */
import type { PoolClient } from 'pg'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { GIN_PENDING_LIST_KB, SEARCH_GIN_INDEXES, TRIGRAM_OPERATOR_COST, TRIGRAM_OPERATOR_FUNCTIONS } from '../../../src/migrations/20261201_170000_search_index_tuning'
import { testPayload } from '../../helpers/payload'

let payload: Payload
let client: PoolClient

// Titles shaped like the bench's: one of 40 makes, a model, a year; the queried make is in 1 of 40 titles.
const MAKES = [
  'acura',
  'alfa romeo',
  'audi',
  'bmw',
  'buick',
  'cadillac',
  'chevrolet',
  'chrysler',
  'citroen',
  'dodge',
  'fiat',
  'ford',
  'gmc',
  'genesis',
  'honda',
  'hyundai',
  'infiniti',
  'jaguar',
  'jeep',
  'kia',
  'land rover',
  'lexus',
  'lincoln',
  'mazda',
  'mercedes benz',
  'mini',
  'mitsubishi',
  'nissan',
  'peugeot',
  'porsche',
  'ram',
  'renault',
  'seat',
  'skoda',
  'subaru',
  'suzuki',
  'tesla',
  'toyota',
  'volkswagen',
  'volvo',
]
const ROWS = 100_000
// The trigram filter of the search's relaxed pass.
const RELAXED = `select id from trgm_probe where 'toyota'::text <% title_norm`

async function planOf(statement: string): Promise<string> {
  const res = await client.query(`explain (format json) ${statement}`)
  return JSON.stringify(res.rows[0]['QUERY PLAN'])
}

beforeAll(async () => {
  payload = await testPayload()
  client = await (payload.db as unknown as { pool: { connect: () => Promise<PoolClient> } }).pool.connect()
  await client.query(`create table trgm_probe (id serial primary key, title_norm text not null)`)
  // The index exists before the rows arrive, as for the search documents (rows are added by triggers).
  await client.query(`create index trgm_probe_title_idx on trgm_probe using gin (title_norm gin_trgm_ops)`)
  await client.query(
    `insert into trgm_probe (title_norm)
     select (array[${MAKES.map((w) => `'${w}'`).join(',')}])[1 + g % 40] || ' model ' || (1 + g / 40 % 8) || ' ' || (1990 + g % 35)
     from generate_series(1, ${ROWS}) g`,
  )
  await client.query(`analyze trgm_probe`)
})

afterAll(async () => {
  await client.query(`drop table if exists trgm_probe`)
  client.release()
})

describe('pg_trgm operator costs', () => {
  it('the functions behind %, <%, %>, <<% and %>> carry the migration cost', async () => {
    const res = await client.query(
      `select p.proname, p.procost from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where p.proname = any($1) and p.proargtypes = '25 25'::oidvector`,
      [[...TRIGRAM_OPERATOR_FUNCTIONS]],
    )
    const costs = Object.fromEntries(res.rows.map((r) => [r.proname, Number(r.procost)]))
    expect(costs).toEqual(Object.fromEntries(TRIGRAM_OPERATOR_FUNCTIONS.map((fn) => [fn, TRIGRAM_OPERATOR_COST])))
  })

  it('the search GIN indexes keep a short pending list', async () => {
    const res = await client.query(`select relname, reloptions from pg_class where relname = any($1) order by relname`, [[...SEARCH_GIN_INDEXES]])
    expect(res.rows.map((r) => [r.relname, r.reloptions])).toEqual([...SEARCH_GIN_INDEXES].sort().map((index) => [index, [`gin_pending_list_limit=${GIN_PENDING_LIST_KB}`]]))
  })

  it('a selective trigram filter over a large table reads the trigram index (and with cost 1 it would not)', async () => {
    const plan = await planOf(RELAXED)
    expect(plan).toContain('"Index Name":"trgm_probe_title_idx"')
    expect(plan).not.toContain('"Node Type":"Seq Scan"')
    await client.query('begin')
    try {
      for (const fn of TRIGRAM_OPERATOR_FUNCTIONS) await client.query(`alter function ${fn}(text, text) cost 1`)
      expect(await planOf(RELAXED)).toContain('"Node Type":"Seq Scan"')
    } finally {
      await client.query('rollback')
    }
    const matched = await client.query(RELAXED)
    expect(matched.rowCount).toBe(ROWS / 40)
  })
})
