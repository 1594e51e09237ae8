import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { del, get, gql, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { count, makeWithModels, setModeration } from './fixtures'

// Listing quotas are the commerce domain's (tested there); these tests create more than the free plan's 3.
process.env.FREE_PLAN_MAX_LISTINGS = '1000'

let payload: Payload
let seller: TestUser, otherSeller: TestUser, buyer: TestUser, editor: TestUser, admin: TestUser
let toyota: { make: number; models: Record<string, number> }
let bmw: { make: number; models: Record<string, number> }

const carBody = (over: Record<string, unknown> = {}) => ({
  title: 'Toyota Camry SE',
  make: toyota.make,
  model: toyota.models.Camry,
  year: 2019,
  price: 21500,
  mileage: 42000,
  condition: 'used',
  fuelType: 'petrol',
  transmission: 'automatic',
  bodyType: 'sedan',
  location: { city: 'Dubai', country: 'United Arab Emirates', latitude: 25.2, longitude: 55.27 },
  contactPhone: '+971 50 123 4567',
  ...over,
})

async function createCar(user: TestUser, over: Record<string, unknown> = {}) {
  const res = await post('/cars', carBody(over), { token: user.token })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as Record<string, any>
}

beforeAll(async () => {
  payload = await testPayload()
  ;[seller, otherSeller, buyer, editor, admin] = await Promise.all([
    createUser({ roles: ['seller'] }),
    createUser({ roles: ['seller'] }),
    createUser({ roles: ['buyer'] }),
    createUser({ roles: ['editor'] }),
    createUser({ roles: ['admin'] }),
  ])
  toyota = await makeWithModels('Toyota', ['Camry', 'Corolla'])
  bmw = await makeWithModels('BMW', ['X5'])
})

describe('cars: validation', () => {
  it('rejects a model of another make with 400 naming model, and writes nothing', async () => {
    const before = await count('cars')
    const res = await post('/cars', carBody({ model: bmw.models.X5 }), { token: seller.token })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toMatch(/model/)
    expect(JSON.stringify(res.body.errors)).toMatch(/does not belong to the selected make/)
    expect(await count('cars')).toBe(before)
  })

  it('rejects bad input with 400 and writes nothing', async () => {
    const before = await count('cars')
    for (const bad of [
      { price: -5 },
      { vin: '1HGCM82643A004352' }, // wrong check digit
      { vin: 'WVWZZZ1JZXW00000O' }, // contains O
      { make: undefined },
      { year: 1700 },
      { currency: 'dollars' },
      { autoAcceptPrice: 1000, autoDeclinePrice: 2000 },
    ]) {
      const res = await post('/cars', carBody(bad), { token: seller.token })
      expect(res.status, JSON.stringify(bad)).toBe(400)
    }
    expect(await count('cars')).toBe(before)
  })

  it('stores a normalized VIN and refuses a duplicate VIN', async () => {
    const car = await createCar(seller, { vin: '1hgcm826-33a004352' })
    expect(car.vin).toBe('1HGCM82633A004352')
    const before = await count('cars')
    const dup = await post('/cars', carBody({ vin: '1HGCM82633A004352' }), { token: otherSeller.token })
    expect(dup.status).toBe(400)
    expect(await count('cars')).toBe(before)
  })

  it('generates unique slugs', async () => {
    const a = await createCar(seller, { title: 'Slug Test Car', year: 2020 })
    const b = await createCar(seller, { title: 'Slug Test Car', year: 2020 })
    const c = await createCar(otherSeller, { title: 'Whatever', slug: a.slug })
    expect(a.slug).toBe('slug-test-car-2020')
    expect(b.slug).toBe('slug-test-car-2020-2')
    expect(c.slug).toBe('slug-test-car-2020-3')
    const renamed = await patch(`/cars/${a.id}`, { title: 'Renamed' }, { token: seller.token })
    expect(renamed.body.doc.slug).toBe('slug-test-car-2020')
  })

  it('derives the whatsapp link from the phone', async () => {
    const car = await createCar(seller, { contactPhone: '+971 50 765 4321' })
    expect(car.whatsappLink).toBe('https://wa.me/971507654321')
  })
})

describe('cars: access', () => {
  it('a buyer cannot list a car', async () => {
    const res = await post('/cars', carBody(), { token: buyer.token })
    expect(res.status).toBe(403)
  })

  it('stamps the seller from the caller, never from the body', async () => {
    const car = await createCar(seller, { seller: otherSeller.id })
    expect(car.seller.id ?? car.seller).toBe(seller.id)
  })

  it('buyers and anonymous users cannot see drafts, in lists or by id; the seller and editors can', async () => {
    const draft = await createCar(seller, { title: 'Hidden Draft Car' })
    expect(draft.status).toBe('draft')
    for (const token of [buyer.token, undefined, otherSeller.token]) {
      const byId = await get(`/cars/${draft.id}`, { token })
      expect(byId.status).toBe(404)
      const list = await get(`/cars?where[title][equals]=Hidden Draft Car&limit=50`, { token })
      expect(list.status).toBe(200)
      expect(list.body.docs).toHaveLength(0)
    }
    expect((await get(`/cars/${draft.id}`, { token: seller.token })).status).toBe(200)
    expect((await get(`/cars/${draft.id}`, { token: editor.token })).status).toBe(200)
    const own = await get(`/cars?where[title][equals]=Hidden Draft Car`, { token: seller.token })
    expect(own.body.docs.map((d: any) => d.id)).toEqual([draft.id])
  })

  it("a buyer or another seller cannot edit or delete someone else's listing (403), nothing changes", async () => {
    const car = await createCar(seller, { title: 'Mine Only' })
    for (const u of [buyer, otherSeller]) {
      expect((await patch(`/cars/${car.id}`, { price: 1 }, { token: u.token })).status).toBe(403)
      expect((await del(`/cars/${car.id}`, { token: u.token })).status).toBe(403)
    }
    const fresh = await payload.findByID({ collection: 'cars', id: car.id, overrideAccess: true, depth: 0 })
    expect(fresh.price).toBe(21500)
    expect((await patch(`/cars/${car.id}`, { price: 20999 }, { token: seller.token })).status).toBe(200)
  })

  it('seller-private thresholds are absent for others in REST and GraphQL, present for the seller and admins', async () => {
    await setModeration(false)
    const car = await createCar(seller, { title: 'Private Thresholds', status: 'active', negotiable: true, autoAcceptPrice: 21000, autoDeclinePrice: 18000 })
    await setModeration(true)
    expect(car.status).toBe('active')
    for (const token of [buyer.token, otherSeller.token, undefined]) {
      const res = await get(`/cars/${car.id}`, { token })
      expect(res.status).toBe(200)
      expect(res.body.negotiable).toBe(true)
      expect(res.body).not.toHaveProperty('autoAcceptPrice')
      expect(res.body).not.toHaveProperty('autoDeclinePrice')
      const list = await get(`/cars?where[id][equals]=${car.id}`, { token })
      expect(list.body.docs[0]).not.toHaveProperty('autoAcceptPrice')
    }
    for (const token of [seller.token, admin.token]) {
      const res = await get(`/cars/${car.id}`, { token })
      expect(res.body.autoAcceptPrice).toBe(21000)
      expect(res.body.autoDeclinePrice).toBe(18000)
    }
    const q = `query($id: Int!) { Car(id: $id) { id title autoAcceptPrice autoDeclinePrice } }`
    const asBuyer = await gql(q, { id: car.id }, { token: buyer.token })
    expect(asBuyer.body.data?.Car?.title).toBe('Private Thresholds')
    expect(asBuyer.body.data?.Car?.autoAcceptPrice ?? null).toBeNull()
    expect(asBuyer.body.data?.Car?.autoDeclinePrice ?? null).toBeNull()
    const asSeller = await gql(q, { id: car.id }, { token: seller.token })
    expect(asSeller.body.data?.Car?.autoAcceptPrice).toBe(21000)
    const listQ = `{ Cars(where: { title: { equals: "Private Thresholds" } }) { docs { id autoAcceptPrice } } }`
    const listed = await gql(listQ, {}, { token: otherSeller.token })
    expect(listed.body.data?.Cars?.docs).toHaveLength(1)
    expect(listed.body.data?.Cars?.docs[0].autoAcceptPrice ?? null).toBeNull()
  })
})

describe('cars: moderation', () => {
  it('a seller listing asking to be active goes to pending_review; only editors/admins approve', async () => {
    const car = await createCar(seller, { title: 'Needs Approval', status: 'active' })
    expect(car.status).toBe('pending_review')
    expect((await get(`/cars/${car.id}`, { token: buyer.token })).status).toBe(404)
    const selfApprove = await patch(`/cars/${car.id}`, { status: 'active' }, { token: seller.token })
    expect(selfApprove.status).toBe(403)
    expect((await post(`/cars/${car.id}/approve`, {}, { token: seller.token })).status).toBe(403)
    expect((await post(`/cars/${car.id}/approve`, {}, { token: buyer.token })).status).toBe(403)
    const approved = await post(`/cars/${car.id}/approve`, {}, { token: editor.token })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    expect(approved.body.doc.status).toBe('active')
    expect(approved.body.doc.publishedAt).toBeTruthy()
    expect((await get(`/cars/${car.id}`, { token: buyer.token })).status).toBe(200)
    expect((await post(`/cars/${car.id}/approve`, {}, { token: editor.token })).status).toBe(409)
    const notes = await payload.find({ collection: 'notifications', where: { user: { equals: seller.id }, type: { equals: 'listing_update' } }, overrideAccess: true })
    expect(notes.totalDocs).toBeGreaterThanOrEqual(1)
  })

  it('editors reject with a reason back to draft', async () => {
    const car = await createCar(seller, { title: 'To Reject', status: 'pending_review' })
    expect((await post(`/cars/${car.id}/reject`, {}, { token: editor.token })).status).toBe(400)
    const res = await post(`/cars/${car.id}/reject`, { reason: 'Photos missing' }, { token: editor.token })
    expect(res.status).toBe(200)
    expect(res.body.doc.status).toBe('draft')
    expect(res.body.doc.moderationNote).toBe('Photos missing')
  })

  it("a verified dealer's listing goes straight to active", async () => {
    const dealerUser = await createUser({ roles: ['seller'] })
    const profile = await post('/dealers', { name: 'Gulf Motors' }, { token: dealerUser.token })
    expect(profile.status).toBe(201)
    const pendingDealerCar = await createCar(dealerUser, { title: 'Dealer Car Before Verification', status: 'active' })
    expect(pendingDealerCar.status).toBe('pending_review')
    expect((await patch(`/dealers/${profile.body.doc.id}`, { verificationStatus: 'verified' }, { token: admin.token })).status).toBe(200)
    const car = await createCar(dealerUser, { title: 'Verified Dealer Car', status: 'active' })
    expect(car.status).toBe('active')
    expect(car.dealer.id ?? car.dealer).toBe(profile.body.doc.id)
  })

  it('with listingModeration off, a new listing is active at once', async () => {
    await setModeration(false)
    try {
      const car = await createCar(seller, { title: 'No Moderation', status: 'active' })
      expect(car.status).toBe('active')
    } finally {
      await setModeration(true)
    }
    const moderated = await createCar(seller, { title: 'Moderated Again', status: 'active' })
    expect(moderated.status).toBe('pending_review')
  })
})

describe('cars: price history and counters', () => {
  it('appends to priceHistory when the price changes, ignoring client-sent history', async () => {
    const car = await createCar(seller, { title: 'Price Watch', priceHistory: [{ price: 1, changedAt: '2000-01-01T00:00:00.000Z' }] })
    expect(car.priceHistory.map((h: any) => h.price)).toEqual([21500])
    await patch(`/cars/${car.id}`, { price: 19900 }, { token: seller.token })
    await patch(`/cars/${car.id}`, { title: 'Price Watch 2' }, { token: seller.token })
    const res = await patch(`/cars/${car.id}`, { price: 19900, priceHistory: [] }, { token: seller.token })
    expect(res.body.doc.priceHistory.map((h: any) => h.price)).toEqual([21500, 19900])
    expect(res.body.doc.priceHistory[1].changedAt).toBeTruthy()
  })

  it('viewsCount and favoritesCount cannot be written by clients (REST or GraphQL)', async () => {
    const car = await createCar(seller, { title: 'Counter Car', viewsCount: 999, favoritesCount: 50 })
    expect(car.viewsCount).toBe(0)
    expect(car.favoritesCount).toBe(0)
    await patch(`/cars/${car.id}`, { viewsCount: 5, favoritesCount: 7 }, { token: seller.token })
    await patch(`/cars/${car.id}`, { viewsCount: 5 }, { token: admin.token })
    const m = await gql(`mutation($id: Int!) { updateCar(id: $id, data: { viewsCount: 42 }) { id viewsCount } }`, { id: car.id }, { token: seller.token })
    expect(m.body.data?.updateCar?.viewsCount ?? 0).toBe(0)
    const fresh = await payload.findByID({ collection: 'cars', id: car.id, overrideAccess: true, depth: 0 })
    expect(fresh.viewsCount).toBe(0)
    expect(fresh.favoritesCount).toBe(0)
  })

  it('featured is admin-only', async () => {
    const car = await createCar(seller, { title: 'Feature Me', featured: true })
    expect(car.featured).toBe(false)
    const res = await patch(`/cars/${car.id}`, { featured: true, featuredUntil: '2099-01-01T00:00:00.000Z' }, { token: admin.token })
    expect(res.body.doc.featured).toBe(true)
  })
})

describe('cars: featured expiry job', () => {
  it('clears featured once featuredUntil has passed, and only then', async () => {
    const { expireFeaturedListings } = await import('../../../endpoints/catalog/jobs')
    const car = await createCar(seller, { title: 'Featured Until' })
    await patch(`/cars/${car.id}`, { featured: true, featuredUntil: '2030-01-01T00:00:00.000Z' }, { token: admin.token })
    await expireFeaturedListings(payload, new Date('2029-12-31T23:00:00.000Z'))
    expect((await payload.findByID({ collection: 'cars', id: car.id, overrideAccess: true })).featured).toBe(true)
    expect(await expireFeaturedListings(payload, new Date('2030-01-01T00:00:01.000Z'))).toBeGreaterThanOrEqual(1)
    expect((await payload.findByID({ collection: 'cars', id: car.id, overrideAccess: true })).featured).toBe(false)
  })
})
