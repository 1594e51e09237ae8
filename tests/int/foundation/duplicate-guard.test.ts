/**
 * Payload's duplicate (`POST /api/<slug>/<id>/duplicate`, GraphQL `duplicate<Slug>`, the panel's Duplicate) is a
 * create whose values come from the original. A client's copy takes only what the caller could write on a create and
 * may read on the original (src/plugins/input-guards.ts `duplicateGuard`, first in every collection's beforeChange).
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { duplicateGuard } from '../../../src/plugins/input-guards'
import { get, gql, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { createCar } from '../negotiation/fixtures'

let payload: Payload
let seller: TestUser, other: TestUser, admin: TestUser

const stored = async (id: number) => (await payload.findByID({ collection: 'cars', id, overrideAccess: true, depth: 0 })) as unknown as Record<string, any>

beforeAll(async () => {
  payload = await testPayload()
  ;[seller, other, admin] = await Promise.all([createUser({ roles: ['seller'] }), createUser({ roles: ['seller'] }), createUser({ roles: ['admin'] })])
})

describe('a client’s duplicate', () => {
  it('every collection runs the guard first among its beforeChange hooks', () => {
    const missing = payload.config.collections.filter((c) => c.hooks.beforeChange?.[0] !== duplicateGuard).map((c) => c.slug)
    expect(missing).toEqual([])
  })

  it('of another seller’s car: the copy is the caller’s and does not carry that seller’s private thresholds (REST and GraphQL)', async () => {
    const car = await createCar({ seller: other.id, autoAcceptPrice: 19_000, autoDeclinePrice: 9_000 })
    expect((await stored(car.id)).autoAcceptPrice).toBe(19_000)
    const rest = await post(`/cars/${car.id}/duplicate`, {}, { token: seller.token })
    expect(rest.status, JSON.stringify(rest.body)).toBe(200)
    const input = 'title: "Copy", year: 2020, condition: used, price: 20000, status: draft'
    const viaGraphql = await gql(`mutation { duplicateCar(id: ${car.id}, data: { ${input} }) { id } }`, {}, { token: seller.token })
    expect(viaGraphql.body.errors, JSON.stringify(viaGraphql.body)).toBeUndefined()
    for (const id of [rest.body.doc.id as number, viaGraphql.body.data.duplicateCar.id as number]) {
      const copy = await stored(id)
      expect(copy.seller).toBe(seller.id)
      expect(copy.autoAcceptPrice ?? null).toBeNull()
      expect(copy.autoDeclinePrice ?? null).toBeNull()
      expect(['draft', 'pending_review']).toContain(copy.status) // never the original's active
      const read = await get(`/cars/${id}?depth=0`, { token: seller.token })
      expect(read.body.autoAcceptPrice ?? null).toBeNull()
    }
  })

  it('a duplicate refused before its hooks leaves no mark: the next create in the same GraphQL request keeps its own values', async () => {
    const author = await createUser({ roles: ['seller'] })
    const { make, model } = await stored((await createCar({ seller: author.id })).id)
    const input = `title: "Own", year: 2020, condition: used, price: 20000, status: draft, negotiable: true, autoAcceptPrice: 19000, make: ${make}, model: ${model}`
    // the first mutation fails (no such car), the second is a plain create by the same seller in the same request
    const res = await gql(`mutation { a: duplicateCar(id: 99999999, data: { ${input} }) { id } b: createCar(data: { ${input} }) { id } }`, {}, { token: author.token })
    expect(res.body.errors?.length, JSON.stringify(res.body)).toBe(1)
    expect((await stored(res.body.data.b.id)).autoAcceptPrice).toBe(19_000)
  })

  it('of an own featured listing: not featured, no published date or price history of the original; what the seller may write is copied', async () => {
    const car = await createCar({ seller: seller.id, autoAcceptPrice: 18_500 })
    await payload.update({ collection: 'cars', id: car.id, overrideAccess: true, data: { featured: true, featuredUntil: new Date(Date.now() + 86_400_000).toISOString(), price: 19_500 } as never })
    const original = await stored(car.id)
    expect(original.featured).toBe(true)
    expect(original.publishedAt).toBeTruthy()
    expect(original.priceHistory.length).toBeGreaterThan(0)
    const res = await post(`/cars/${car.id}/duplicate`, {}, { token: seller.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const copy = await stored(res.body.doc.id)
    expect(copy).toMatchObject({ seller: seller.id, featured: false, featuredUntil: null, publishedAt: null, status: 'pending_review', price: 19_500, autoAcceptPrice: 18_500 })
    // its own history: the price it was created at
    expect((copy.priceHistory ?? []).map((h: { price: number }) => h.price)).toEqual([19_500])
    expect(copy.title).toBe(original.title)
    // an admin may write all of it: the admin's copy keeps it
    const byAdmin = await post(`/cars/${car.id}/duplicate`, {}, { token: admin.token })
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200)
    expect((await stored(byAdmin.body.doc.id)).featured).toBe(true)
  })
})
