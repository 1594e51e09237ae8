/**
 * Listing states mean one thing (issue 15, item 10): `pending_review` is "awaiting moderation" and never
 * public; `sale_pending` is an approved listing reserved by a sale (public). No owner action makes a
 * never-approved listing public.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { get, gql, patch, post } from '../../helpers/api'
import { createUser, type TestUser } from '../../helpers/users'
import { makeWithModels, setModeration } from './fixtures'

process.env.FREE_PLAN_MAX_LISTINGS = '1000'

let seller: TestUser, buyer: TestUser, editor: TestUser
let make: { make: number; models: Record<string, number> }
let n = 0

async function createCar(over: Record<string, unknown> = {}) {
  const title = `Zyxquartz Listing ${++n} ${Date.now()}`
  const res = await post(
    '/cars',
    {
      title,
      make: make.make,
      model: make.models.Sierra,
      year: 2018,
      price: 20000,
      mileage: 1000,
      condition: 'used',
      negotiable: true,
      ...over,
    },
    { token: seller.token },
  )
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as Record<string, any>
}

const statusOf = async (id: number) => (await get(`/cars/${id}?depth=0`, { token: editor.token })).body.status as string
const anonymousSees = async (id: number) => (await get(`/cars/${id}?depth=0`)).status === 200
const inPublicList = async (id: number) => ((await get(`/cars?where[id][equals]=${id}&depth=0`)).body.docs as unknown[]).length === 1
const inSearch = async (title: string, id: number) => {
  const res = await get(`/search?q=${encodeURIComponent(title)}&type=cars&includeSold=true`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  const docs = (res.body.docs ?? res.body.results ?? []) as { id: number }[]
  return docs.some((d) => Number(d.id) === Number(id))
}
const inSitemap = async (slug: string) => String((await get('/sitemap.xml')).body).includes(`/cars/${encodeURIComponent(slug)}`)

beforeAll(async () => {
  ;[seller, buyer, editor] = await Promise.all([createUser({ roles: ['seller'] }), createUser({ roles: ['buyer'] }), createUser({ roles: ['editor'] })])
  make = await makeWithModels('Listingstate', ['Sierra'])
  await setModeration(true)
})

describe('listing states: awaiting review is never public', () => {
  it('a moderated new listing is pending_review and hidden from anonymous reads, lists and GraphQL', async () => {
    const car = await createCar({ status: 'active' })
    expect(car.status).toBe('pending_review')
    expect(await anonymousSees(car.id)).toBe(false)
    expect(await inPublicList(car.id)).toBe(false)
    const q = await gql(`{ Cars(where: { id: { equals: ${car.id} } }) { docs { id status } } }`)
    expect(q.body.data?.Cars?.docs ?? []).toHaveLength(0)
  })

  it.each(['sold', 'active', 'sale_pending'])("the owner's PATCH from pending_review to %s is refused and changes nothing", async (to) => {
    const car = await createCar({ status: 'pending_review' })
    const res = await patch(`/cars/${car.id}`, { status: to }, { token: seller.token })
    expect([403, 409]).toContain(res.status)
    expect(await statusOf(car.id)).toBe('pending_review')
    expect(await anonymousSees(car.id)).toBe(false)
    expect(await inPublicList(car.id)).toBe(false)
  })

  it('no owner detour through draft or archived reaches sold or sale_pending', async () => {
    const car = await createCar({ status: 'pending_review' })
    expect((await patch(`/cars/${car.id}`, { status: 'archived' }, { token: seller.token })).status).toBe(200)
    for (const to of ['sold', 'sale_pending']) expect((await patch(`/cars/${car.id}`, { status: to }, { token: seller.token })).status).toBe(409)
    const republish = await patch(`/cars/${car.id}`, { status: 'active' }, { token: seller.token })
    expect(republish.status).toBe(200)
    expect(republish.body.doc.status).toBe('pending_review')
    expect(await anonymousSees(car.id)).toBe(false)
  })

  it('an unapproved listing stays out of search and the sitemap', async () => {
    const car = await createCar({ status: 'active' })
    await patch(`/cars/${car.id}`, { status: 'sold' }, { token: seller.token })
    expect(await inSearch(car.title, car.id)).toBe(false)
    expect(await inSitemap(car.slug)).toBe(false)
  })
})

describe('listing states: after approval the normal flow works', () => {
  it('approve → active (public) → sold by the owner (public)', async () => {
    const car = await createCar({ status: 'active' })
    const approved = await post(`/cars/${car.id}/approve`, {}, { token: editor.token })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    expect(approved.body.doc.status).toBe('active')
    expect(await anonymousSees(car.id)).toBe(true)
    expect(await inSitemap(car.slug)).toBe(true)
    const sold = await patch(`/cars/${car.id}`, { status: 'sold' }, { token: seller.token })
    expect(sold.status, JSON.stringify(sold.body)).toBe(200)
    expect(sold.body.doc.status).toBe('sold')
    expect(await anonymousSees(car.id)).toBe(true)
    expect(await inSearch(car.title, car.id)).toBe(true)
  })

  it('the owner may reserve and release an approved listing without a new review', async () => {
    const car = await createCar({ status: 'active' })
    expect((await post(`/cars/${car.id}/approve`, {}, { token: editor.token })).status).toBe(200)
    const reserved = await patch(`/cars/${car.id}`, { status: 'sale_pending' }, { token: seller.token })
    expect(reserved.body.doc?.status, JSON.stringify(reserved.body)).toBe('sale_pending')
    expect(await anonymousSees(car.id)).toBe(true)
    const released = await patch(`/cars/${car.id}`, { status: 'active' }, { token: seller.token })
    expect(released.body.doc?.status, JSON.stringify(released.body)).toBe('active')
  })

  it('negotiation accept moves an approved car to sale_pending, which stays public and in search', async () => {
    const car = await createCar({ status: 'active' })
    expect((await post(`/cars/${car.id}/approve`, {}, { token: editor.token })).status).toBe(200)
    const offer = await post('/negotiations', { car: car.id, amount: 18000 }, { token: buyer.token })
    expect(offer.status, JSON.stringify(offer.body)).toBe(201)
    const id = (offer.body.doc ?? offer.body).id
    const accepted = await post(`/negotiations/${id}/accept`, {}, { token: seller.token })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    expect(await statusOf(car.id)).toBe('sale_pending')
    expect(await anonymousSees(car.id)).toBe(true)
    expect(await inPublicList(car.id)).toBe(true)
    expect(await inSearch(car.title, car.id)).toBe(true)
    // the owner completes the sale
    const sold = await patch(`/cars/${car.id}`, { status: 'sold' }, { token: seller.token })
    expect(sold.body.doc?.status, JSON.stringify(sold.body)).toBe('sold')
  })

  it('the admin select offers both states with distinct labels', async () => {
    const { testPayload } = await import('../../helpers/payload')
    const payload = await testPayload()
    const field = payload.collections.cars.config.fields.find((f) => 'name' in f && f.name === 'status') as { options: { value: string; label: string }[] }
    const values = field.options.map((o) => o.value)
    expect(values).toEqual(expect.arrayContaining(['pending_review', 'sale_pending']))
    expect(values).not.toContain('pending')
  })
})
