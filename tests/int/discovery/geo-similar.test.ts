/** Nearby cars (radius, distance order, index), similar cars, and REST filters + sort over public cars. */
import { beforeAll, describe, expect, it } from 'vitest'

import { distanceKm } from '../../../src/domain/geo'
import { get } from '../../helpers/api'
import { createUser, type TestUser } from '../../helpers/users'
import { createCar, makeModel, planOf, sql } from './fixtures'

let seller: TestUser
const ids: Record<string, number> = {}
const DUBAI = { lat: 25.2048, lng: 55.2708 }
let toyota: { make: number; models: Record<string, number> }
let honda: { make: number; models: Record<string, number> }

const at = (lat: number, lng: number, city = 'Dubai') => ({ location: { latitude: lat, longitude: lng, city } })

beforeAll(async () => {
  seller = await createUser({ roles: ['seller'] })
  toyota = await makeModel('Toyota', ['Camry', 'Corolla'])
  honda = await makeModel('Honda', ['Accord'])
  const base = { make: toyota.make, model: toyota.models.Camry, seller: seller.id }
  ids.near = (await createCar({ ...base, title: 'Near', ...at(25.21, 55.28) })).id // ~1.2 km
  ids.mid = (await createCar({ ...base, title: 'Mid', ...at(25.3, 55.35) })).id // ~13 km
  ids.far = (await createCar({ ...base, title: 'Far (Abu Dhabi)', ...at(24.4539, 54.3773, 'Abu Dhabi') })).id // ~120 km
  ids.draftNear = (await createCar({ ...base, title: 'Draft near', status: 'draft', ...at(25.205, 55.271) })).id
  ids.noLocation = (await createCar({ ...base, title: 'Nowhere' })).id
})

describe('GET /api/cars/nearby', () => {
  it('returns only active cars inside the radius, nearest first, with distanceKm', async () => {
    const res = await get(`/cars/nearby?lat=${DUBAI.lat}&lng=${DUBAI.lng}&radiusKm=20`)
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: { id: number }) => d.id)).toEqual([ids.near, ids.mid])
    const [near, mid] = res.body.docs
    expect(near.distanceKm).toBeCloseTo(distanceKm(DUBAI, { lat: 25.21, lng: 55.28 }), 1)
    expect(mid.distanceKm).toBeGreaterThan(near.distanceKm)
    expect(mid.distanceKm).toBeLessThan(20)
    expect(near.autoAcceptPrice).toBeUndefined()
    const wide = await get(`/cars/nearby?lat=${DUBAI.lat}&lng=${DUBAI.lng}&radiusKm=200`)
    expect(wide.body.docs.map((d: { id: number }) => d.id)).toEqual([ids.near, ids.mid, ids.far])
    const one = await get(`/cars/nearby?lat=${DUBAI.lat}&lng=${DUBAI.lng}&radiusKm=200&limit=1&depth=0`)
    expect(one.body.docs.map((d: { id: number }) => d.id)).toEqual([ids.near])
    const tight = await get(`/cars/nearby?lat=${DUBAI.lat}&lng=${DUBAI.lng}&radiusKm=0.5`)
    expect(tight.body.docs).toEqual([])
  })

  it('bad lat/lng/radius → 400 naming the field', async () => {
    for (const [q, field] of [
      ['lng=55', 'lat'],
      ['lat=91&lng=55', 'lat'],
      ['lat=25&lng=-181', 'lng'],
      ['lat=abc&lng=55', 'lat'],
      ['lat=25&lng=55&radiusKm=0', 'radiusKm'],
      ['lat=25&lng=55&radiusKm=501', 'radiusKm'],
      ['lat=25&lng=55&limit=0', 'limit'],
    ]) {
      const res = await get(`/cars/nearby?${q}`)
      expect(res.status, q).toBe(400)
      expect(
        res.body.errors[0].data.errors.map((e: { path: string }) => e.path),
        q,
      ).toContain(field)
    }
  })

  it('the distance filter can use the earthdistance GiST index', async () => {
    const plan = await planOf(
      sql`select id from cars where status = 'active' and location_latitude is not null and location_longitude is not null
        and earth_box(ll_to_earth(25.2::float8, 55.27::float8), 20000::float8) @> ll_to_earth(location_latitude::float8, location_longitude::float8)`,
      { seqScan: false },
    )
    expect(plan).toMatch(/cars_location_earth_idx/)
  })
})

describe('GET /api/cars/:id/similar', () => {
  it('same make/body/price band, active only, never the car itself', async () => {
    const base = { seller: seller.id, bodyType: 'sedan', year: 2020 }
    const target = (await createCar({ ...base, title: 'Target Camry', make: toyota.make, model: toyota.models.Camry, price: 20000 })).id
    const sameModel = (await createCar({ ...base, title: 'Twin Camry', make: toyota.make, model: toyota.models.Camry, price: 20500 })).id
    const sameMake = (await createCar({ ...base, title: 'Corolla', make: toyota.make, model: toyota.models.Corolla, price: 18000, bodyType: 'hatchback' })).id
    const sameBody = (await createCar({ ...base, title: 'Accord', make: honda.make, model: honda.models.Accord, price: 21000 })).id
    const tooDear = (await createCar({ ...base, title: 'Pricey Camry', make: toyota.make, model: toyota.models.Camry, price: 60000 })).id
    const otherBody = (await createCar({ ...base, title: 'Accord SUV?', make: honda.make, model: honda.models.Accord, price: 20000, bodyType: 'suv' })).id
    const draft = (await createCar({ ...base, title: 'Draft Camry', make: toyota.make, model: toyota.models.Camry, price: 20000, status: 'draft' })).id
    const res = await get(`/cars/${target}/similar?limit=10`)
    expect(res.status).toBe(200)
    const found = res.body.docs.map((d: { id: number }) => d.id)
    expect(found[0]).toBe(sameModel)
    expect(found).toEqual(expect.arrayContaining([sameMake, sameBody]))
    for (const excluded of [target, tooDear, otherBody, draft]) expect(found).not.toContain(excluded)
    expect(res.body.docs[0].similarityScore).toBeGreaterThan(res.body.docs[res.body.docs.length - 1].similarityScore - 1)
    expect((await get(`/cars/${draft}/similar`)).status).toBe(404)
    expect((await get('/cars/999999/similar')).status).toBe(404)
  })
})

describe('REST filters and sort over cars (catalog indexes)', () => {
  it('a combined filter + sort returns only public cars, in order', async () => {
    const base = { make: honda.make, model: honda.models.Accord, seller: seller.id, fuelType: 'hybrid', transmission: 'automatic', bodyType: 'sedan', condition: 'used' }
    const a = (await createCar({ ...base, title: 'F1', year: 2019, price: 15000, mileage: 40000, ...at(25, 55, 'Sharjah') })).id
    const b = (await createCar({ ...base, title: 'F2', year: 2021, price: 19000, mileage: 20000, ...at(25, 55, 'Sharjah') })).id
    await createCar({ ...base, title: 'F3 draft', year: 2021, price: 17000, mileage: 20000, status: 'draft', ...at(25, 55, 'Sharjah') })
    await createCar({ ...base, title: 'F4 pending', year: 2021, price: 17500, mileage: 20000, status: 'pending_review', ...at(25, 55, 'Sharjah') })
    await createCar({ ...base, title: 'F5 diesel', fuelType: 'diesel', year: 2021, price: 16000, mileage: 20000, ...at(25, 55, 'Sharjah') })
    await createCar({ ...base, title: 'F6 old', year: 2010, price: 16000, mileage: 20000, ...at(25, 55, 'Sharjah') })
    await createCar({ ...base, title: 'F7 high miles', year: 2020, price: 16000, mileage: 200000, ...at(25, 55, 'Sharjah') })
    const sold = (await createCar({ ...base, title: 'F8 sold', year: 2020, price: 18000, mileage: 1000, status: 'sold', ...at(25, 55, 'Sharjah') })).id
    const where = [
      `where[make][equals]=${honda.make}`,
      `where[model][equals]=${honda.models.Accord}`,
      'where[year][greater_than_equal]=2015',
      'where[year][less_than_equal]=2022',
      'where[price][greater_than_equal]=10000',
      'where[price][less_than_equal]=20000',
      'where[mileage][less_than_equal]=50000',
      'where[fuelType][equals]=hybrid',
      'where[transmission][equals]=automatic',
      'where[bodyType][equals]=sedan',
      'where[condition][equals]=used',
      'where[location.city][equals]=Sharjah',
    ].join('&')
    const res = await get(`/cars?${where}&sort=-price&depth=0`)
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: { id: number }) => d.id)).toEqual([b, sold, a])
    expect(res.body.docs.every((d: { status: string }) => ['active', 'sold'].includes(d.status))).toBe(true)
    const asc = await get(`/cars?${where}&where[status][equals]=active&sort=price&depth=0`)
    expect(asc.body.docs.map((d: { id: number }) => d.id)).toEqual([a, b])
  })
})
