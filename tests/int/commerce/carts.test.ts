/** Carts: guest tokens (stored hashed), stock checks, line edits, no lost updates, merge into the user's cart on login. */
import { createHash } from 'node:crypto'

import { beforeAll, describe, expect, it } from 'vitest'

import { del, get, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { writesBy } from '../../helpers/sql'
import { createUser, type TestUser } from '../../helpers/users'
import { addToCart, count, createPart } from './fixtures'

let seller: TestUser
const guest = (token: string) => ({ headers: { 'X-Cart-Token': token } })

beforeAll(async () => {
  await testPayload()
  seller = await createUser({ roles: ['seller'] })
})

describe('guest carts', () => {
  it('issues a token on first use, stores only its hash, and reads the cart back with it', async () => {
    const part = await createPart(seller.id, { price: 12.5, stockQuantity: 10 })
    const first = await post('/carts/mine/items', { part: part.id, quantity: 2 })
    expect(first.status).toBe(200)
    const token = first.body.cartToken as string
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect(first.headers.get('x-cart-token')).toBe(token)
    expect(first.body.cart).toMatchObject({ itemCount: 2, subtotal: 25 })

    const payload = await testPayload()
    const stored = await payload.findByID({ collection: 'carts' as never, id: first.body.cart.id, overrideAccess: true, depth: 0 })
    expect((stored as any).tokenHash).toBe(createHash('sha256').update(token).digest('hex'))
    expect(JSON.stringify(stored)).not.toContain(token)

    const again = await get('/carts/mine', guest(token))
    expect(again.body.cart.items).toHaveLength(1)
    expect(again.body.cart.items[0]).toMatchObject({ quantity: 2, unitPrice: 12.5, total: 25 })
    expect((await get('/carts/mine')).body.cart.items).toEqual([])
    expect((await get('/carts/mine', guest('not-a-real-token-but-plausible'))).body.cart.items).toEqual([])

    // an unknown token never adopts someone's cart: a fresh token is issued
    const other = await post('/carts/mine/items', { part: part.id, quantity: 1 }, guest('unknown-token-unknown-token'))
    expect(other.body.cartToken).toBeTruthy()
    expect(other.body.cartToken).not.toBe('unknown-token-unknown-token')
  })

  it('quantity above stock → 409 naming the line; edits and removals; bad input → 400', async () => {
    const part = await createPart(seller.id, { price: 3, stockQuantity: 4 })
    const draft = await createPart(seller.id, { price: 3, stockQuantity: 4, status: 'draft' })
    const start = await post('/carts/mine/items', { part: part.id, quantity: 3 })
    const token = start.body.cartToken
    const over = await post('/carts/mine/items', { part: part.id, quantity: 2 }, guest(token))
    expect(over.status).toBe(409)
    expect(over.body.errors[0].data.lines).toEqual([{ part: part.id, requested: 5, available: 4 }])
    expect((await get('/carts/mine', guest(token))).body.cart.items[0].quantity).toBe(3)

    expect((await patch(`/carts/mine/items/${part.id}`, { quantity: 9 }, guest(token))).status).toBe(409)
    const set = await patch(`/carts/mine/items/${part.id}`, { quantity: 4 }, guest(token))
    expect(set.status).toBe(200)
    expect(set.body.cart.items[0].quantity).toBe(4)
    expect((await patch(`/carts/mine/items/${part.id}`, { quantity: 1.5 }, guest(token))).status).toBe(400)
    expect((await post('/carts/mine/items', { part: 'abc', quantity: 0 }, guest(token))).status).toBe(400)
    expect((await post('/carts/mine/items', { part: draft.id, quantity: 1 }, guest(token))).status).toBe(404)
    expect((await post('/carts/mine/items', { part: 99_999_999, quantity: 1 }, guest(token))).status).toBe(404)

    const removed = await del(`/carts/mine/items/${part.id}`, guest(token))
    expect(removed.status).toBe(200)
    expect(removed.body.cart.items).toEqual([])
    expect((await del(`/carts/mine/items/${part.id}`, guest(token))).status).toBe(404)
  })

  it('concurrent adds to one cart lose no update', async () => {
    const buyer = await createUser({ roles: ['buyer'] })
    const part = await createPart(seller.id, { price: 1, stockQuantity: 50 })
    const results = await Promise.all(Array.from({ length: 6 }, () => post('/carts/mine/items', { part: part.id, quantity: 1 }, { token: buyer.token })))
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200))
    expect((await get('/carts/mine', { token: buyer.token })).body.cart.items[0].quantity).toBe(6)
    expect(await count('carts', { user: { equals: buyer.id } })).toBe(1)
  })

  it("adding to a cart reads the part in the cart lock's write and not again for the answer; other lines are read", async () => {
    const buyer = await createUser({ roles: ['buyer'] })
    const first = await createPart(seller.id, { price: 3, stockQuantity: 10 })
    const added = await createPart(seller.id, { price: 4.5, stockQuantity: 10 })
    await addToCart(buyer.token, first.id, 2)
    let res: Awaited<ReturnType<typeof addToCart>> | undefined
    const writes = await writesBy(async () => (res = await addToCart(buyer.token, added.id, 1)))
    // The answer carries both lines with their parts: the added one as read in the transaction, the other read after.
    expect(res?.body.cart.items.map((i: { part: { id: number; title: string }; quantity: number; unitPrice: number }) => [i.part.id, i.part.title, i.quantity, i.unitPrice])).toEqual([
      [first.id, first.title, 2, 3],
      [added.id, added.title, 1, 4.5],
    ])
    expect(res?.body.cart.subtotal).toBe(10.5)
    const partReads = (w: string[]) => w.filter((s) => s.startsWith(`select jsonb_build_object('id', "parts".id`)).length
    const lockWrite = writes.find((w) => w.some((s) => s.startsWith('select pg_advisory_xact_lock')))
    expect(lockWrite && partReads(lockWrite)).toBe(1)
    const commitAt = writes.findIndex((w) => w.includes('commit'))
    expect(writes.slice(commitAt + 1).map(partReads)).toEqual([1])
    // One line only: its part is not read again after the commit.
    const alone = await createUser({ roles: ['buyer'] })
    await addToCart(alone.token, first.id, 1)
    const again = await writesBy(() => addToCart(alone.token, first.id, 1))
    expect(again.slice(again.findIndex((w) => w.includes('commit')) + 1).map(partReads)).toEqual([])
    expect(again.flat().filter((s) => s.startsWith(`select jsonb_build_object('id', "parts".id`))).toHaveLength(1)
  })

  it('sellers cannot buy their own parts; carts are private', async () => {
    const part = await createPart(seller.id, { price: 5, stockQuantity: 5 })
    expect((await post('/carts/mine/items', { part: part.id, quantity: 1 }, { token: seller.token })).status).toBe(409)
    const buyer = await createUser({ roles: ['buyer'] })
    const other = await createUser({ roles: ['buyer'] })
    const res = await addToCart(buyer.token, part.id, 1)
    expect((await get(`/carts/${res.body.cart.id}`, { token: other.token })).status).toBe(404)
    const own = await get(`/carts/${res.body.cart.id}`, { token: buyer.token })
    expect(own.status).toBe(200)
    expect(own.body).not.toHaveProperty('tokenHash')
  })
})

describe('merge on login', () => {
  it('a guest cart merges into the user cart when the login carries X-Cart-Token', async () => {
    const a = await createPart(seller.id, { price: 10, stockQuantity: 10 })
    const b = await createPart(seller.id, { price: 20, stockQuantity: 2 })
    const user = await createUser({ roles: ['buyer'] })
    await addToCart(user.token, a.id, 1)

    const g = await post('/carts/mine/items', { part: a.id, quantity: 2 })
    const token = g.body.cartToken
    await post('/carts/mine/items', { part: b.id, quantity: 2 }, guest(token))
    const payload = await testPayload()
    await payload.update({ collection: 'parts', id: b.id, overrideAccess: true, data: { stockQuantity: 1 } as never })
    const guestCartId = g.body.cart.id

    const login = await post('/users/login', { email: user.email, password: user.password }, guest(token))
    expect(login.status).toBe(200)

    const cart = await get('/carts/mine', { token: login.body.token })
    const lines = Object.fromEntries(cart.body.cart.items.map((i: any) => [i.part.id, i.quantity]))
    expect(lines).toEqual({ [a.id]: 3, [b.id]: 1 }) // b clamped to the stock left
    expect(await count('carts', { id: { equals: guestCartId } })).toBe(0)
    expect((await get('/carts/mine', guest(token))).body.cart.items).toEqual([])

    // a login with a bogus token still succeeds
    const again = await post('/users/login', { email: user.email, password: user.password }, guest('bogus-token-bogus-token'))
    expect(again.status).toBe(200)
  })
})
