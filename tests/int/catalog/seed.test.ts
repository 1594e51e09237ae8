import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { seedCatalog, SEED_CARS, SEED_PARTS } from '../../../seed/catalog'
import { seedIdentity } from '../../../seed/identity'
import { get } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'

let payload: Payload
let seconds = 0

beforeAll(async () => {
  payload = await testPayload()
  await seedIdentity(payload)
  const t0 = Date.now()
  await seedCatalog(payload)
  seconds = (Date.now() - t0) / 1000
  if (process.env.TEST_VERBOSE) console.info(`[catalog seed] ${seconds.toFixed(1)} s`)
})

const total = async (collection: string, where: Record<string, unknown> = {}) => (await payload.count({ collection: collection as never, where: where as never, overrideAccess: true })).totalDocs

describe('catalog seed', () => {
  it('is fast and large enough', async () => {
    // well under a minute even on a loaded 2-core machine (≈5-10 s alone)
    expect(seconds, `seed took ${seconds.toFixed(1)} s`).toBeLessThan(45)
    expect(await total('makes')).toBeGreaterThanOrEqual(40)
    expect(await total('models')).toBeGreaterThanOrEqual(300)
    expect(await total('features')).toBeGreaterThanOrEqual(60)
    expect(await total('cars')).toBeGreaterThanOrEqual(SEED_CARS)
    expect(await total('parts')).toBeGreaterThanOrEqual(SEED_PARTS)
    expect(await total('dealers', { verificationStatus: { equals: 'verified' } })).toBeGreaterThanOrEqual(3)
  })

  it('spreads cars over many cities with coordinates, models of the right make', async () => {
    const db = (payload.db as any).drizzle
    const { sql } = await import('../../../src/db/transaction')
    const cities = await db.execute(sql`select count(distinct location_city) as n from cars where location_latitude is not null`)
    expect(Number(cities.rows[0].n)).toBeGreaterThanOrEqual(20)
    const wrong = await db.execute(sql`select count(*) as n from cars c join models m on m.id = c.model_id where m.make_id <> c.make_id`)
    expect(Number(wrong.rows[0].n)).toBe(0)
    const vins = await db.execute(sql`select count(distinct vin) as n, count(*) as total from cars`)
    expect(Number(vins.rows[0].n)).toBe(Number(vins.rows[0].total))
  })

  it("marks the demo seller's cars negotiable with private thresholds, and hooks ran on Local API ones", async () => {
    const seller = await payload.find({ collection: 'users', where: { email: { equals: 'seller@example.com' } }, overrideAccess: true })
    const id = seller.docs[0].id
    expect(await total('cars', { seller: { equals: id }, negotiable: { equals: false } })).toBe(0)
    expect(await total('cars', { seller: { equals: id }, autoAcceptPrice: { exists: true } })).toBeGreaterThan(100)
    const viaApi = await payload.find({ collection: 'cars', where: { title: { equals: '2022 Toyota Camry Hybrid XLE' } }, overrideAccess: true })
    expect(viaApi.docs[0].status).toBe('pending_review') // moderation: the demo seller is not a verified dealer
    expect(viaApi.docs[0].slug).toBe('2022-toyota-camry-hybrid-xle-2022')
    expect(viaApi.docs[0].priceHistory).toHaveLength(1)
  })

  it('serves the seeded data through the public API', async () => {
    const list = await get('/cars?where[status][equals]=active&sort=-price&limit=5&depth=0')
    expect(list.status).toBe(200)
    expect(list.body.totalDocs).toBeGreaterThan(1000)
    expect(list.body.docs[0]).not.toHaveProperty('autoAcceptPrice')
    const anyPart = await payload.find({ collection: 'parts', where: { 'compatibility.model': { exists: true }, status: { equals: 'active' } }, limit: 1, overrideAccess: true, depth: 0 })
    const row = (anyPart.docs[0] as any).compatibility[0]
    const compat = await get(`/parts/compatible?make=${row.make}&model=${row.model}&year=${row.yearFrom}`)
    expect(compat.status).toBe(200)
    expect(compat.body.docs.map((d: any) => d.id)).toContain(anyPart.docs[0].id)
  })
})
