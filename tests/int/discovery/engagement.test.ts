/** Listing views (dedup, atomic counter, recently viewed), wishlists by share token, saved-search alerts, comparisons. */
import { beforeAll, describe, expect, it } from 'vitest'

import { runSavedSearchAlerts } from '../../../endpoints/discovery/jobs'
import { get, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { count, createCar, makeModel, query, sql } from './fixtures'

let seller: TestUser
let buyer: TestUser
let toyota: { make: number; models: Record<string, number> }
let honda: { make: number; models: Record<string, number> }
const viewsCount = async (id: number) => Number((await query(sql`select views_count from cars where id = ${id}`))[0].views_count)

beforeAll(async () => {
  seller = await createUser({ roles: ['seller'] })
  buyer = await createUser({ roles: ['buyer'] })
  toyota = await makeModel('Toyota', ['Camry', 'Corolla'])
  honda = await makeModel('Honda', ['Civic'])
})

describe('POST /api/cars/:id/view and GET /api/recently-viewed', () => {
  it('counts one view per viewer per 30 minutes, atomically under concurrency', async () => {
    const car = (await createCar({ title: 'Viewed', make: toyota.make, model: toyota.models.Camry, seller: seller.id })).id
    const burst = await Promise.all(Array.from({ length: 10 }, () => post(`/cars/${car}/view`, {}, { token: buyer.token })))
    expect(burst.filter((r) => r.body.counted).length).toBe(1)
    expect(await viewsCount(car)).toBe(1)
    // anonymous viewers are told apart by IP + user agent
    const anonA = { headers: { 'x-real-ip': '10.0.0.1', 'user-agent': 'A' } }
    const anonB = { headers: { 'x-real-ip': '10.0.0.2', 'user-agent': 'A' } }
    expect((await post(`/cars/${car}/view`, {}, anonA)).body).toEqual({ counted: true, viewsCount: 2 })
    expect((await post(`/cars/${car}/view`, {}, anonA)).body).toEqual({ counted: false, viewsCount: 2 })
    expect((await post(`/cars/${car}/view`, {}, anonB)).body).toEqual({ counted: true, viewsCount: 3 })
    // the seller's own views never count
    expect((await post(`/cars/${car}/view`, {}, { token: seller.token })).body.counted).toBe(false)
    // 31 minutes later the same viewer counts again
    await query(sql`update listing_views set created_at = created_at - interval '31 minutes' where car_id = ${car}`)
    expect((await post(`/cars/${car}/view`, {}, { token: buyer.token })).body).toEqual({ counted: true, viewsCount: 4 })
    expect(await count('listing-views', { car: { equals: car } })).toBe(4)
    const raw = await query(sql`select viewer_key from listing_views where car_id = ${car}`)
    expect(raw.some((r) => String(r.viewer_key).includes('10.0.0.1'))).toBe(false)
  })

  it('hidden or missing cars → 404 and nothing written', async () => {
    const draft = (await createCar({ title: 'Draft', make: toyota.make, model: toyota.models.Camry, seller: seller.id, status: 'draft' })).id
    const before = await count('listing-views')
    expect((await post(`/cars/${draft}/view`, {}, { token: buyer.token })).status).toBe(404)
    expect((await post('/cars/999999/view', {}, { token: buyer.token })).status).toBe(404)
    expect((await post('/cars/abc/view', {})).status).toBe(404)
    expect(await count('listing-views')).toBe(before)
  })

  it('recently viewed: the caller’s distinct cars, newest first', async () => {
    const viewer = await createUser()
    const cars = []
    for (const t of ['R1', 'R2', 'R3']) cars.push((await createCar({ title: t, make: toyota.make, model: toyota.models.Camry, seller: seller.id })).id)
    for (const c of [cars[0], cars[1], cars[2]]) expect((await post(`/cars/${c}/view`, {}, { token: viewer.token })).status).toBe(200)
    await query(sql`update listing_views set created_at = created_at - interval '40 minutes' where car_id = ${cars[0]} and user_id = ${viewer.id}`)
    await post(`/cars/${cars[0]}/view`, {}, { token: viewer.token }) // viewed again: newest now
    await query(sql`update listing_views set created_at = now() - interval '1 hour' where car_id = ${cars[2]} and user_id = ${viewer.id}`)
    const res = await get('/recently-viewed', { token: viewer.token })
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: { id: number }) => d.id)).toEqual([cars[0], cars[1], cars[2]])
    expect(res.body.docs[0].viewedAt).toBeTruthy()
    expect((await get('/recently-viewed')).status).toBe(401)
    expect((await get('/recently-viewed', { token: buyer.token })).body.docs.map((d: { id: number }) => d.id)).not.toContain(cars[1])
  })
})

describe('wishlists', () => {
  it('server-generated share token; public read by token; private lists stay private', async () => {
    const car = (await createCar({ title: 'Wish car', make: toyota.make, model: toyota.models.Camry, seller: seller.id })).id
    const draft = (await createCar({ title: 'Wish draft', make: toyota.make, model: toyota.models.Camry, seller: seller.id, status: 'draft' })).id
    const res = await post('/wishlists', { name: 'Dream cars', items: [{ relationTo: 'cars', value: car }], isPublic: true, shareToken: 'mine-please-1234567890' }, { token: buyer.token })
    expect(res.status).toBe(201)
    const token = res.body.doc.shareToken
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(token).not.toBe('mine-please-1234567890')
    const second = await post('/wishlists', { name: 'Second', isPublic: false }, { token: buyer.token })
    expect(second.status).toBe(201)
    expect(second.body.doc.shareToken).not.toBe(token)

    const shared = await get(`/wishlists/shared/${token}`)
    expect(shared.status).toBe(200)
    expect(shared.body).toMatchObject({ name: 'Dream cars', items: [{ relationTo: 'cars', value: { id: car, title: 'Wish car' } }] })
    expect(shared.body.user).toBeUndefined()
    // the owner cannot change the token; a hidden item does not leak through the share link
    await patch(`/wishlists/${res.body.doc.id}`, { shareToken: 'x'.repeat(32), items: [{ relationTo: 'cars', value: car }] }, { token: buyer.token })
    const payload = await testPayload()
    await payload.update({
      collection: 'wishlists' as never,
      id: res.body.doc.id,
      overrideAccess: true,
      data: {
        items: [
          { relationTo: 'cars', value: car },
          { relationTo: 'cars', value: draft },
        ],
      } as never,
    })
    const again = await get(`/wishlists/shared/${token}`)
    expect(again.body.items.map((i: { value: { id: number } }) => i.value.id)).toEqual([car])
    expect((await get(`/wishlists/shared/${second.body.doc.shareToken}`)).status).toBe(404)
    expect((await get('/wishlists/shared/nonexistent-token-000000')).status).toBe(404)
    // other users do not see the list; the token is hidden from them too
    const other = await createUser()
    expect((await get('/wishlists', { token: other.token })).body.docs).toEqual([])
    expect((await get(`/wishlists/${res.body.doc.id}`, { token: other.token })).status).toBe(404)
    // private: unshared → 404
    await patch(`/wishlists/${res.body.doc.id}`, { isPublic: false }, { token: buyer.token })
    expect((await get(`/wishlists/shared/${token}`)).status).toBe(404)
  })

  it('a shared list longer than the maximum page size answers every item, in its order (read in pages)', async () => {
    const cars = await Promise.all(Array.from({ length: 5 }, (_, i) => createCar({ title: `Long list ${i}`, make: toyota.make, model: toyota.models.Camry, seller: seller.id })))
    const order = [cars[3], cars[0], cars[4], cars[1], cars[2]].map((c) => c.id)
    const res = await post('/wishlists', { name: 'Long', isPublic: true, items: order.map((value) => ({ relationTo: 'cars', value })) }, { token: buyer.token })
    expect(res.status).toBe(201)
    process.env.MAX_PAGE_SIZE = '2'
    try {
      const shared = await get(`/wishlists/shared/${res.body.doc.shareToken}`)
      expect(shared.status).toBe(200)
      expect(shared.body.items.map((i: { value: { id: number } }) => i.value.id)).toEqual(order)
    } finally {
      delete process.env.MAX_PAGE_SIZE
    }
  })
})

describe('saved-search alerts', () => {
  it('notifies exactly the owners whose filters match new active listings since the last check', async () => {
    const [alice, bob, carol, dave] = await Promise.all([createUser(), createUser(), createUser(), createUser()])
    const mk = (u: TestUser, name: string, filters: unknown, alertFrequency = 'instant') => post('/saved-searches', { name, filters, alertFrequency }, { token: u.token })
    expect((await mk(alice, 'Cheap Toyotas', { make: toyota.make, priceMax: 15000 })).status).toBe(201)
    expect((await mk(bob, 'Hondas', { make: honda.make })).status).toBe(201)
    expect((await mk(carol, 'Recent hybrids', { fuelType: ['hybrid'], yearMin: 2020 }, 'daily')).status).toBe(201)
    expect((await mk(dave, 'Toyota sedans', { make: toyota.make, bodyType: 'sedan' }, 'weekly')).status).toBe(201)
    // bad filters → 400 naming the field, nothing saved
    const before = await count('saved-searches')
    const bad = await mk(alice, 'Bad', { priceMin: 'cheap', colour: 'red' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['filters.colour', 'filters.priceMin'])
    expect(await count('saved-searches')).toBe(before)

    const base = { seller: seller.id, bodyType: 'hatchback' as const }
    const cheapToyota = (await createCar({ ...base, title: 'Cheap Corolla', make: toyota.make, model: toyota.models.Corolla, price: 12000, fuelType: 'petrol' })).id
    await createCar({ ...base, title: 'Dear Corolla', make: toyota.make, model: toyota.models.Corolla, price: 30000, fuelType: 'petrol' })
    await createCar({ ...base, title: 'Draft cheap Corolla', make: toyota.make, model: toyota.models.Corolla, price: 9000, status: 'draft' })
    const hybrid = (await createCar({ ...base, title: 'Civic hybrid', make: honda.make, model: honda.models.Civic, price: 22000, fuelType: 'hybrid', year: 2022 })).id

    const alerts = async (u: TestUser) => count('notifications', { and: [{ user: { equals: u.id } }, { type: { equals: 'saved_search_match' } }] })
    const run1 = await runSavedSearchAlerts(await testPayload(), new Date())
    expect(await alerts(alice)).toBe(1)
    expect(await alerts(bob)).toBe(1)
    expect(await alerts(carol)).toBe(1)
    expect(await alerts(dave)).toBe(0) // no Toyota sedan
    expect(Object.values(run1.matches).sort()).toEqual(expect.arrayContaining([[cheapToyota], [hybrid]]))
    const payload = await testPayload()
    const note = await payload.find({ collection: 'notifications', where: { user: { equals: alice.id } }, overrideAccess: true, depth: 0 })
    expect(note.docs[0]).toMatchObject({ type: 'saved_search_match', data: { cars: [cheapToyota], count: 1 } })

    // nothing new → nobody is notified again; a new match reaches only the instant owner it matches
    await runSavedSearchAlerts(payload, new Date())
    expect([await alerts(alice), await alerts(bob), await alerts(carol)]).toEqual([1, 1, 1])
    await createCar({ ...base, title: 'Another cheap Corolla', make: toyota.make, model: toyota.models.Corolla, price: 11000 })
    await createCar({ ...base, title: 'New hybrid Corolla', make: toyota.make, model: toyota.models.Corolla, price: 25000, fuelType: 'hybrid', year: 2023 })
    await runSavedSearchAlerts(payload, new Date())
    expect(await alerts(alice)).toBe(2)
    expect(await alerts(bob)).toBe(1)
    expect(await alerts(carol)).toBe(1) // daily: not due yet
    await runSavedSearchAlerts(payload, new Date(Date.now() + 25 * 3600_000))
    expect(await alerts(carol)).toBe(2)
    // the job task runs the same logic
    await payload.jobs.queue({ task: 'saved-search-alerts', input: {} } as never)
    await payload.jobs.run()
    expect(await alerts(alice)).toBe(2)
  })
})

describe('comparisons', () => {
  it('aligns up to four cars; a fifth is refused (400 on write, 409 on add)', async () => {
    const cars: number[] = []
    for (let i = 0; i < 5; i++)
      cars.push((await createCar({ title: `Cmp ${i}`, make: toyota.make, model: toyota.models.Camry, seller: seller.id, year: 2018 + i, price: 10000 + i * 1000, bodyType: 'sedan' })).id)
    const created = await post('/comparisons', { name: 'Shortlist', cars: cars.slice(0, 3) }, { token: buyer.token })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const added = await post(`/comparisons/${id}/cars`, { car: cars[3] }, { token: buyer.token })
    expect(added.status).toBe(200)
    const fifth = await post(`/comparisons/${id}/cars`, { car: cars[4] }, { token: buyer.token })
    expect(fifth.status).toBe(409)
    const tooMany = await post('/comparisons', { cars }, { token: buyer.token })
    expect(tooMany.status).toBe(400)
    expect((await patch(`/comparisons/${id}`, { cars }, { token: buyer.token })).status).toBe(400)

    const table = await get(`/comparisons/${id}/table`, { token: buyer.token })
    expect(table.status).toBe(200)
    expect(table.body.cars.map((c: { id: number }) => c.id)).toEqual(cars.slice(0, 4))
    const year = table.body.rows.find((r: { field: string }) => r.field === 'year')
    expect(year).toMatchObject({ label: 'Year', values: [2018, 2019, 2020, 2021], differs: true })
    expect(table.body.rows.find((r: { field: string }) => r.field === 'make')).toMatchObject({ values: ['Toyota', 'Toyota', 'Toyota', 'Toyota'], differs: false })
    for (const row of table.body.rows) expect(row.values).toHaveLength(4)
    expect(Array.isArray(table.body.features)).toBe(true)

    // others: 404; with the share token: readable
    const other = await createUser()
    expect((await get(`/comparisons/${id}/table`, { token: other.token })).status).toBe(404)
    expect((await get(`/comparisons/${id}/table`)).status).toBe(404)
    expect((await post(`/comparisons/${id}/cars`, { car: cars[4] }, { token: other.token })).status).toBe(404)
    const shareToken = created.body.doc.shareToken
    expect((await get(`/comparisons/${id}/table?token=${shareToken}`)).status).toBe(200)
    expect((await get(`/comparisons/${id}/table?token=wrong${shareToken.slice(5)}`)).status).toBe(404)
  })

  it('a features matrix shows which car has which feature', async () => {
    const payload = await testPayload()
    const sunroof = (await payload.create({ collection: 'features' as never, overrideAccess: true, data: { name: 'Sunroof', category: 'comfort' } as never })) as unknown as { id: number }
    const abs = (await payload.create({ collection: 'features' as never, overrideAccess: true, data: { name: 'ABS', category: 'safety' } as never })) as unknown as { id: number }
    const a = (await createCar({ title: 'With both', make: honda.make, model: honda.models.Civic, seller: seller.id, features: [sunroof.id, abs.id] })).id
    const b = (await createCar({ title: 'ABS only', make: honda.make, model: honda.models.Civic, seller: seller.id, features: [abs.id] })).id
    const c = await post('/comparisons', { cars: [a, b] }, { token: buyer.token })
    const table = await get(`/comparisons/${c.body.doc.id}/table`, { token: buyer.token })
    expect(table.body.features).toEqual([
      { id: abs.id, name: 'ABS', values: [true, true] },
      { id: sunroof.id, name: 'Sunroof', values: [true, false] },
    ])
  })
})
