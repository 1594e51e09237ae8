/**
 * The statements the platform names (src/db/plan-cache.ts) are planned once per connection, not at every execution:
 * over the demo data, after the hot flows (a parking booking, an add to cart and checkout, a car's detail, a search,
 * suggestions, parking nearby) ran a dozen times each, no connection planned a named statement more than five times:
 * from the sixth execution on a connection PostgreSQL ran its generic plan (and, on one connection, so it does for
 * each of the statements this was about). A named statement whose custom plans see a value that
 * changes their estimated cost (an array's length, a time window) was planned at every execution instead: the
 * documents reader's `id = any($1::integer[])` for every document read by id, the parking occupancy on the bench's
 * 100k bookings (bench/NOTES.md, session 43). Such values are opaque to the planner (`opaque`, `opaqueParameter`).
 * Payload's own list reads (the read batcher's `autohub_page` statements) are named for their parsing only: their
 * filters come from the API, and a plan made for the values can matter there.
 */
import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { search, suggest } from '../../../src/db/discovery/search-engine'
import { findSpot, occupanciesBySpot } from '../../../src/db/parking'
import { sql, type Tx, withTransaction } from '../../../src/db/transaction'
import { pageOf } from '../../../src/domain/discovery/search'

import { get, post } from '../../helpers/api'
import { H, type ParkingCast, parkingCast } from '../../helpers/parking'
import { demoPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { ADDRESS, addToCart, createPart, rawRows } from '../commerce/fixtures'

type Client = { query(text: string): Promise<{ rows: Record<string, unknown>[] }>; release(): void }
type Pool = { connect(): Promise<Client>; totalCount: number }

interface Prepared {
  name: string
  statement: string
  generic: number
  custom: number
}

/** Every statement prepared on every connection of the pool, one row per connection and statement. */
async function preparedOnEveryConnection(payload: Payload): Promise<Prepared[]> {
  const pool = (payload.db as unknown as { pool: Pool }).pool
  const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()))
  try {
    const lists = await Promise.all(
      clients.map(async (c) => (await c.query('select name, statement, generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements')).rows as unknown as Prepared[]),
    )
    return lists.flat()
  } finally {
    for (const c of clients) c.release()
  }
}

let cast: ParkingCast
let buyer: TestUser

beforeAll(async () => {
  await demoPayload()
  cast = await parkingCast()
  buyer = await createUser({ roles: ['buyer'] })
  const seller = await createUser({ roles: ['seller'] })
  const part = await createPart(seller.id, { price: 20, stockQuantity: 1000 })
  const spot = await cast.makeSpot({ totalSlots: 1000 })
  const cars = (await get('/cars?limit=4&depth=0')).body.docs as { id: number }[]
  expect(cars).toHaveLength(4)
  // one after the other, so the pool hands most of them the same connection
  for (let i = 0; i < 12; i++) {
    expect((await cast.book(spot.id, H(1 + i), H(2 + i))).status).toBe(201)
    expect((await addToCart(buyer.token, part.id, 1)).status).toBe(200)
    expect((await post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' }, { token: buyer.token })).status).toBe(201)
    expect((await get(`/cars/${cars[i % 4].id}?depth=1`)).status).toBe(200)
    expect((await get('/search?q=toyota&limit=5')).status).toBe(200)
    expect((await get('/search/suggestions?q=toy')).status).toBe(200)
    expect((await get(`/parking-spots/nearby?lat=25.2&lng=55.27&radiusKm=5&start=${H(1)}&end=${H(3)}`)).status).toBe(200)
  }
}, 300_000)

/** The statement shapes this is about, each a named statement whose best plan does not depend on its values. */
const SHAPES = [
  /^select jsonb_build_object\('id', "parking_spots"\.id, .* from "parking_spots" where "parking_spots"\.id = any\(/, // a document by id (the documents reader)
  /^select spot_id, start_time, end_time, 1 as slots from parking_bookings where spot_id = any\(/, // the occupancy, by key
  /^select 'cars' as type, c\.id, c\.title/, // the search's display fields (executeNamed)
  /^with matches as materialized \( select 'cars'::text as type, d\.car_id as id, .* d\.doc @@ \(select to_tsquery\('simple', \(select \$\d+::text\)::text\)\)\), top as/, // the search's strict pass (executeNamed)
  /^with recursive car_titles/, // the suggestions' prefix titles (executeNamed)
]
const textOf = (p: { statement: unknown }) => String(p.statement).replace(/\s+/g, ' ').trim()

describe('named statements', () => {
  it('on one connection: a document by id, the occupancy, the search’s strict pass and display, and the prefix titles are planned five times at most, then run their generic plan', async () => {
    const payload = cast.payload
    const spot = await cast.makeSpot()
    const [make] = await rawRows<{ name: string }>(sql`select mk.name from cars c join makes mk on mk.id = c.make_id where c.status = 'active' order by c.id limit 1`)
    const req = await createLocalReq({}, payload)
    const plans = (tx: Tx) => tx.execute(sql`select name, statement, generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements`)
    const { before, after } = await withTransaction(req, async (tx) => {
      const before = (await plans(tx)).rows as unknown as Prepared[]
      for (let i = 0; i < 10; i++) {
        expect(await findSpot(req, spot.id, ['active', 'owner', 'openingHours', 'timezone', 'payOnSite', 'price', 'priceType', 'totalSlots'])).toMatchObject({ id: spot.id, totalSlots: 3 }) // the booking's read
        expect((await occupanciesBySpot(tx, [spot.id], new Date(H(1)), new Date(H(2 + i)))).get(spot.id) ?? []).toEqual([])
        expect((await search(tx, make.name, 'all', pageOf(1, 5))).hits.length).toBeGreaterThan(0)
        await suggest(tx, make.name.slice(0, 3).toLowerCase(), 8)
      }
      return { before, after: (await plans(tx)).rows as unknown as Prepared[] }
    })
    // the transaction's connection may have run some of them before (the flows): what these ten rounds ran
    const runs = (p: Prepared) => p.custom + p.generic
    const ranHere = after.filter((p) => runs(p) - runs(before.find((b) => b.name === p.name) ?? { ...p, custom: 0, generic: 0 }) >= 9)
    expect(ranHere.filter((p) => p.custom > 5).map(textOf)).toEqual([])
    for (const shape of SHAPES) {
      const prepared = ranHere.filter((p) => shape.test(textOf(p)))
      expect(prepared, String(shape)).toHaveLength(1)
      expect(prepared[0].custom, String(shape)).toBeLessThanOrEqual(5)
      expect(prepared[0].generic, String(shape)).toBeGreaterThanOrEqual(4)
    }
  })

  it('after the hot flows, no connection planned a named statement more than five times (Payload list pages aside)', async () => {
    const prepared = (await preparedOnEveryConnection(cast.payload)).filter((p) => !p.statement.includes('"autohub_page"'))
    // the shapes above ran a dozen times in the flows, on whichever connections the pool handed out
    for (const shape of SHAPES) {
      const runs = prepared.filter((p) => shape.test(textOf(p))).reduce((sum, p) => sum + p.custom + p.generic, 0)
      expect(runs, String(shape)).toBeGreaterThanOrEqual(10)
    }
    const replanned = prepared.filter((p) => p.custom > 5).map((p) => `${p.name}: ${p.custom} custom plans, ${p.generic} generic: ${textOf(p).slice(0, 200)}`)
    expect(replanned).toEqual([])
  })

  it('hold no array the planner sees: with `= any($n)` every custom plan looks cheaper than the generic one', async () => {
    const prepared = await preparedOnEveryConnection(cast.payload)
    const visibleArrays = prepared.filter((p) => !p.statement.includes('"autohub_page"') && /= any\(\$\d+/.test(p.statement)).map((p) => `${p.name}: ${p.statement.slice(0, 200)}`)
    expect(prepared.filter((p) => /= any\(\(select \$\d+::\w+\[\]\)/.test(p.statement)).length).toBeGreaterThan(3)
    expect([...new Set(visibleArrays)]).toEqual([])
  })
})
