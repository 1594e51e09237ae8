/** Favorites: exact counters under concurrency, 409 on duplicates, own rows only; price-drop alerts. */
import { beforeAll, describe, expect, it } from 'vitest'

import { del, get, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, createUsers, type TestUser } from '../../helpers/users'
import { count, createCar, makeModel, query, sql } from './fixtures'

let seller: TestUser
let buyer: TestUser
let car: number
let toyota: { make: number; models: Record<string, number> }
const crowd: TestUser[] = []

const favoritesCount = async (id: number) => Number((await query(sql`select favorites_count from cars where id = ${id}`))[0].favorites_count)

beforeAll(async () => {
  seller = await createUser({ roles: ['seller'] })
  buyer = await createUser({ roles: ['buyer'] })
  toyota = await makeModel('Toyota', ['Camry'])
  car = (await createCar({ title: 'Camry 2020', make: toyota.make, model: toyota.models.Camry, seller: seller.id, price: 20000 })).id
  // 50 signed-in users, made once, up front
  crowd.push(...(await createUsers(50, { roles: ['buyer'] })))
})

describe('favorites', () => {
  it('50 concurrent adds by 50 users → favoritesCount 50; 50 concurrent removes → 0', async () => {
    const target = (await createCar({ title: 'Popular Camry', make: toyota.make, model: toyota.models.Camry, seller: seller.id })).id
    const users = crowd
    expect(users).toHaveLength(50)
    const added = await Promise.all(users.map((u) => post('/favorites', { item: { relationTo: 'cars', value: target } }, { token: u.token })))
    expect(added.map((r) => r.status)).toEqual(Array(50).fill(201))
    expect(await favoritesCount(target)).toBe(50)
    expect(await count('favorites', { itemId: { equals: target } })).toBe(50)
    const removed = await Promise.all(added.map((r, i) => del(`/favorites/${r.body.doc.id}`, { token: users[i].token })))
    expect(removed.map((r) => r.status)).toEqual(Array(50).fill(200))
    expect(await favoritesCount(target)).toBe(0)
    expect(await count('favorites', { itemId: { equals: target } })).toBe(0)
  })

  it('a duplicate is a 409 — also when sent concurrently — and the count moves once', async () => {
    const [u, u2] = crowd
    const target = (await createCar({ title: 'Dup Camry', make: toyota.make, model: toyota.models.Camry, seller: seller.id })).id
    const first = await post('/favorites', { item: { relationTo: 'cars', value: target } }, { token: u.token })
    expect(first.status).toBe(201)
    const again = await post('/favorites', { item: { relationTo: 'cars', value: target } }, { token: u.token })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].data).toMatchObject({ favorite: first.body.doc.id })
    const burst = await Promise.all(Array.from({ length: 5 }, () => post('/favorites', { item: { relationTo: 'cars', value: target } }, { token: u2.token })))
    expect(burst.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409])
    expect(await favoritesCount(target)).toBe(2)
    expect(await count('favorites', { itemId: { equals: target } })).toBe(2)
  })

  it('stamps the owner, ignores a client-sent user, and shows users only their own', async () => {
    const other = crowd[2]
    const res = await post('/favorites', { user: other.id, item: { relationTo: 'cars', value: car } }, { token: buyer.token })
    expect(res.status).toBe(201)
    expect(res.body.doc.user.id ?? res.body.doc.user).toBe(buyer.id)
    expect(res.body.doc).toMatchObject({ itemType: 'cars', itemId: car })
    const mine = await get('/favorites', { token: buyer.token })
    expect(mine.body.docs.map((d: { id: number }) => d.id)).toEqual([res.body.doc.id])
    expect((await get('/favorites', { token: other.token })).body.docs).toEqual([])
    expect((await del(`/favorites/${res.body.doc.id}`, { token: other.token })).status).toBe(403)
    expect(await count('favorites', { id: { equals: res.body.doc.id } })).toBe(1)
    expect((await get('/favorites')).status).toBe(403)
    // a favorite is never edited (the counter follows inserts and deletes only)
    expect((await patch(`/favorites/${res.body.doc.id}`, { item: { relationTo: 'cars', value: 1 } }, { token: buyer.token })).status).toBe(403)
  })

  it('works for parts; bad or invisible items are a 400 and nothing is written', async () => {
    const payload = await testPayload()
    const part = await payload.create({
      collection: 'parts',
      overrideAccess: true,
      data: { title: 'Oil filter', sku: 'OF-1', price: 10, stockQuantity: 3, status: 'active', seller: seller.id } as never,
    })
    const res = await post('/favorites', { item: { relationTo: 'parts', value: part.id } }, { token: buyer.token })
    expect(res.status).toBe(201)
    expect(Number((await query(sql`select favorites_count from parts where id = ${part.id}`))[0].favorites_count)).toBe(1)
    const draft = (await createCar({ title: 'Draft', make: toyota.make, model: toyota.models.Camry, seller: seller.id, status: 'draft' })).id
    const before = await count('favorites')
    for (const item of [{ relationTo: 'cars', value: draft }, { relationTo: 'cars', value: 999999 }, { relationTo: 'users', value: buyer.id }, 'x', null]) {
      const bad = await post('/favorites', { item }, { token: buyer.token })
      expect(bad.status, JSON.stringify(item)).toBe(400)
    }
    expect(await count('favorites')).toBe(before)
    expect(await favoritesCount(draft)).toBe(0)
  })
})

describe('price-drop alerts', () => {
  it('notifies exactly the users who favorited the car when its price goes down', async () => {
    const target = (await createCar({ title: 'Price Camry', make: toyota.make, model: toyota.models.Camry, seller: seller.id, price: 20000 })).id
    const fans = [crowd[3], crowd[4]]
    const bystander = crowd[5]
    for (const f of fans) expect((await post('/favorites', { item: { relationTo: 'cars', value: target } }, { token: f.token })).status).toBe(201)
    const alerts = async (userId: number) => count('notifications', { and: [{ user: { equals: userId } }, { type: { equals: 'price_alert' } }] })

    // a rise does not alert
    expect((await patch(`/cars/${target}`, { price: 21000 }, { token: seller.token })).status).toBe(200)
    expect(await alerts(fans[0].id)).toBe(0)

    expect((await patch(`/cars/${target}`, { price: 18900 }, { token: seller.token })).status).toBe(200)
    for (const f of fans) expect(await alerts(f.id)).toBe(1)
    expect(await alerts(bystander.id)).toBe(0)
    expect(await alerts(seller.id)).toBe(0)
    const payload = await testPayload()
    const n = await payload.find({ collection: 'notifications', where: { user: { equals: fans[0].id } }, overrideAccess: true, depth: 0 })
    expect(n.docs[0]).toMatchObject({ type: 'price_alert', data: { car: target, oldPrice: 21000, newPrice: 18900, dropPercent: 10 } })
    expect(String(n.docs[0].title)).toContain('Price Camry')
  })
})
