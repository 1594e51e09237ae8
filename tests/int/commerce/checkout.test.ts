/**
 * Checkout: atomic stock under concurrency, nothing written on a short line, server-side prices, gap-free
 * order numbers, seller visibility and fulfilment (cash on delivery).
 */
import { sql } from '@payloadcms/db-postgres'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { get, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { currentOrderNumberSql, numberOrderStatement } from '../../../src/db/commerce'
import { formatOrderNumber } from '../../../src/domain/commerce'
import { queryCallsBy, statementsSentBy, writesBy } from '../../helpers/sql'
import { startAppSmtp, type TestSmtp } from '../../helpers/smtp'
import { createUser, createUsers, type TestUser } from '../../helpers/users'
import { ADDRESS, addToCart, count, createPart, rawRows, setPlatform, stockOf } from './fixtures'

let seller: TestUser
let smtp: TestSmtp

beforeAll(async () => {
  smtp = await startAppSmtp()
  await testPayload()
  seller = await createUser({ roles: ['seller'] })
  await setPlatform({ taxRatePercent: 10, flatShipping: 10, freeShippingThreshold: 200 })
})

afterAll(async () => {
  await smtp?.close()
})

const checkout = (token: string, body: Record<string, unknown> = {}) => post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery', ...body }, { token })

describe('checkout under concurrency', () => {
  it('40 concurrent checkouts of a part with stock 5 → exactly 5 orders, stock 0, 35 × 409', async () => {
    const part = await createPart(seller.id, { price: 20, stockQuantity: 5 })
    const buyers = await createUsers(40, { roles: ['buyer'] })
    await Promise.all(buyers.map((b) => addToCart(b.token, part.id, 1)))
    const ordersBefore = await count('orders')

    const t0 = Date.now()
    const results = await Promise.all(buyers.map((b) => checkout(b.token)))
    if (process.env.TEST_VERBOSE) console.info(`40 checkouts in ${Date.now() - t0} ms`)

    const ok = results.filter((r) => r.status === 201)
    const refused = results.filter((r) => r.status === 409)
    expect(ok).toHaveLength(5)
    expect(refused).toHaveLength(35)
    for (const r of refused) expect(r.body.errors[0].data.lines).toEqual([{ part: part.id, requested: 1, available: 0 }])
    expect(await stockOf(part.id)).toBe(0)
    expect(await count('orders')).toBe(ordersBefore + 5)
    expect(await count('payments', { 'target.relationTo': { equals: 'orders' } })).toBe(ordersBefore + 5)
    // Gap-free, unique order numbers despite 35 rolled-back checkouts.
    const numbers = ok.map((r) => r.body.order.orderNumber as string).sort()
    const year = new Date().getUTCFullYear()
    const seqs = numbers.map((n) => Number(n.split('-')[2]))
    expect(numbers.every((n) => new RegExp(`^ORD-${year}-\\d{6}$`).test(n))).toBe(true)
    expect(seqs).toEqual(Array.from({ length: 5 }, (_, i) => seqs[0] + i))
    const stockStatus = await rawRows<{ stock_status: string }>(sql`select stock_status from parts where id = ${part.id}`)
    expect(stockStatus[0].stock_status).toBe('out_of_stock')
    // Each order and its ledger entry are written under a provisional number and numbered after the stock: what
    // committed carries the number answered, and no provisional number is left by the 35 rolled back.
    const ids = ok.map((r) => Number(r.body.order.id))
    const stored = await rawRows<{ n: string; d: string }>(
      sql`select o.order_number as n, p.description as d from orders o join payments_rels r on r.orders_id = o.id and r.path = 'target' join payments p on p.id = r.parent_id where o.id in ${sql.raw(`(${ids.join(',')})`)} order by o.order_number`,
    )
    expect(stored).toEqual(numbers.map((n) => ({ n, d: `Order ${n} (cash on delivery)` })))
    expect(await rawRows(sql`select id from orders where order_number like 'ORD-PROVISIONAL-%' union all select id from payments where description like '%PROVISIONAL%'`)).toEqual([])
  }, 240_000)
})

describe('checkout effects', () => {
  it('outside a request (the Local API) the emails wait for the commit and carry the final number; refused checkouts mail nobody', async () => {
    const part = await createPart(seller.id, { price: 20, stockQuantity: 1 })
    const buyers = await createUsers(6, { roles: ['buyer'] })
    await Promise.all(buyers.map((b) => addToCart(b.token, part.id, 1)))
    const results = await Promise.all(buyers.map((b) => checkout(b.token)))
    const ok = results.filter((r) => r.status === 201)
    expect(ok).toHaveLength(1)
    expect(results.filter((r) => r.status === 409)).toHaveLength(5)
    const orderNumber = ok[0].body.order.orderNumber as string
    const buyer = buyers[results.indexOf(ok[0])]
    await smtp.waitFor((m) => m.to.includes(buyer.email) && m.subject.includes(orderNumber))
    await smtp.waitFor((m) => m.to.includes(seller.email) && m.subject.includes(orderNumber))
    // the five refused checkouts had prepared their emails too: dropped (every response is in, so every effect ran)
    expect(smtp.messages.filter((m) => buyers.some((b) => m.to.includes(b.email)))).toHaveLength(1)
    expect(smtp.messages.filter((m) => m.raw.includes('PROVISIONAL'))).toEqual([])
  })
})

describe('checkout cost', () => {
  /** The statements of a new buyer's cash checkout of one line (asserted to succeed); `calls`: its writes to PostgreSQL. */
  async function oneLineCheckout(): Promise<string[] & { calls?: number }> {
    const buyer = await createUser()
    const part = await createPart(seller.id, { price: 20, stockQuantity: 3 })
    await addToCart(buyer.token, part.id, 1)
    let res: Awaited<ReturnType<typeof checkout>> | undefined
    let statements: string[] = []
    const calls = await queryCallsBy(async () => {
      statements = await statementsSentBy(async () => {
        res = await checkout(buyer.token)
      })
    })
    expect(res?.status, JSON.stringify(res?.body)).toBe(201)
    return Object.assign(statements, { calls: calls.length })
  }

  it('reads the parts and the cart narrowly: no whole part, no count of carts (30 statements for one line)', async () => {
    const statements = await oneLineCheckout()
    expect(statements.some((s) => s.startsWith('insert into "orders"'))).toBe(true)
    expect(statements.filter((s) => /"parts"\."description"|count\(\*\) from "carts"/.test(s))).toEqual([])
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(30)
    // The order number comes from the year's counter row: nothing else reads the year's orders (the numbering
    // statement's own maximum runs only for the year's first order: the next test).
    expect(statements.filter((s) => /from "?orders"? where order_number/.test(s) && !s.startsWith('with bumped as'))).toEqual([])
  })

  it('holds the hot rows for PostgreSQL alone: the stock, the number and its renaming go in the write that carries the commit', async () => {
    const buyer = await createUser()
    const part = await createPart(seller.id, { price: 20, stockQuantity: 3 })
    await addToCart(buyer.token, part.id, 1)
    let res: Awaited<ReturnType<typeof checkout>> | undefined
    const writes = await writesBy(async () => (res = await checkout(buyer.token)))
    expect(res?.status, JSON.stringify(res?.body)).toBe(201)
    // The part's stock row and the year's counter stay locked from their update to the commit: both are in the last
    // write, with what the number goes into (the order, its ledger entry, the notifications' texts) and the commit.
    const last = writes[writes.length - 1]
    expect(last).toEqual([
      // the audit entry (nothing waits for its answer: src/db/transaction.ts `sendWithNext`)
      expect.stringMatching(/^insert into audit_log /),
      expect.stringMatching(/^with taken as \(update parts set stock_quantity = stock_quantity - /),
      expect.stringMatching(/^with bumped as \(update commerce_order_counters set last_value = last_value \+ 1 /),
      expect.stringMatching(/^with t as materialized \(select .*update notifications_locales /),
      'commit',
    ])
    const before = writes.slice(0, -1).flat()
    expect(before.filter((s) => /update parts set stock_quantity|commerce_order_counters/.test(s))).toEqual([])
    // Everything else was written before, under the provisional number: the order, its payment, the audit entry, the
    // loyalty quote, the two notifications.
    expect(before.filter((s) => /^insert into "orders" |^insert into "payments" |loyalty_points/.test(s))).toHaveLength(3)
    expect(before.filter((s) => s.startsWith('with targets as (select $1::int as id), ins as ( insert into notifications'))).toHaveLength(2)
    // 11 writes: it was 21 when the stock and the counter, the numbering with the notifications, and the commit each
    // went in a write of their own (and each email's outcome was recorded in the transaction: now after the commit),
    // 16 while the cart's emptying, the recipients' read and the loyalty lock and read went one after another, and 13
    // while the cart's lock and the audit entry each went alone (now with the cart's read and with the COMMIT).
    expect(writes.length).toBeLessThanOrEqual(11)
    const cartWrite = writes.find((w) => w.includes('begin'))
    expect(cartWrite).toEqual(['begin', 'select pg_advisory_xact_lock(hashtext($1), hashtext($2))', expect.stringMatching(/^select jsonb_build_object\('id', "carts"\.id/)])
    // The loyalty lock and the balance it guards go in one write, with the recipients' reads issued beside them.
    const loyaltyWrite = writes.find((w) => w.some((s) => s.startsWith('select coalesce(loyalty_points, 0)')))
    expect(loyaltyWrite?.some((s) => s.startsWith('select pg_advisory_xact_lock'))).toBe(true)
    expect(loyaltyWrite?.some((s) => s.startsWith('select id, endpoint, p256dh, auth from push_subscriptions'))).toBe(true)
    expect(writes.length).toBeLessThan(writes.flat().length)
    // What carries the number carries the final one: the order and its ledger entry, the notifications in both
    // languages and their data; nothing provisional is left.
    const orderNumber = res?.body.order.orderNumber as string
    expect(orderNumber).toMatch(/^ORD-\d{4}-\d{6}$/)
    const texts = await rawRows<{ title: string; message: string; locale: string; data: { orderNumber?: string } }>(
      sql`select l.title, l.message, l._locale as locale, n.data from notifications n join notifications_locales l on l._parent_id = n.id
        where n.data->>'order' = ${String(res?.body.order.id)} order by n.user_id, l._locale`,
    )
    expect(texts).toHaveLength(4)
    for (const t of texts) {
      expect(t.title).toContain(orderNumber)
      expect(t.data.orderNumber).toBe(orderNumber)
    }
    expect(await rawRows(sql`select id from notifications_locales where title like '%PROVISIONAL%' or message like '%PROVISIONAL%'`)).toEqual([])
    expect(await rawRows(sql`select id from notifications where data::text like '%PROVISIONAL%'`)).toEqual([])
  })

  /** Runs `fn` on a connection of its own in a transaction that is rolled back; `text` renders a statement of drizzle's. */
  async function rolledBack<T>(fn: (client: pg.PoolClient, text: (q: ReturnType<typeof sql>) => { sql: string; params: unknown[] }) => Promise<T>): Promise<T> {
    const payload = await testPayload()
    const db = payload.db as unknown as { pool: pg.Pool; drizzle: { dialect: { sqlToQuery: (q: unknown) => { sql: string; params: unknown[] } } } }
    const client = await db.pool.connect()
    try {
      await client.query('begin')
      return await fn(client, (q) => db.drizzle.dialect.sqlToQuery(q))
    } finally {
      await client.query('rollback')
      client.release()
    }
  }

  it("the numbering statement reads the year's orders only for the year's first order (its maximum is never executed otherwise)", async () => {
    const year = new Date().getUTCFullYear()
    const [order] = await rawRows<{ id: number }>(sql`select id from orders order by id desc limit 1`)
    /** The loops of the maximum's scan of the year's orders when `order` is numbered (given a provisional number). */
    const ordersScans = (counter: 'kept' | 'deleted') =>
      rolledBack(async (client, text) => {
        if (counter === 'deleted') await client.query('delete from commerce_order_counters where year = $1', [year])
        await client.query(`update orders set order_number = 'ORD-PROVISIONAL-plan' where id = $1`, [order.id])
        const q = text(numberOrderStatement({ year, order: order.id, payment: null, provisional: 'ORD-PROVISIONAL-plan' }).byKey)
        const plan = (await client.query(`explain (analyze, format json) ${q.sql}`, q.params)).rows[0]['QUERY PLAN'][0].Plan
        const scans: number[] = []
        const walk = (node: { 'Relation Name'?: string; 'Actual Loops': number; Plans?: unknown[] }) => {
          // the maximum's scan: its condition is the year's numbers (`order_number like …`, the operator ~~)
          const { Plans: _children, ...own } = node
          if (node['Relation Name'] === 'orders' && JSON.stringify(own).includes('~~')) scans.push(node['Actual Loops'])
          for (const child of node.Plans ?? []) walk(child as typeof node)
        }
        walk(plan)
        return scans
      })
    // the scan for the maximum is in the plan either way; it runs (a loop) only when the year has no counter row
    const kept = await ordersScans('kept')
    const deleted = await ordersScans('deleted')
    expect(kept.length).toBeGreaterThan(0)
    expect(kept.filter((loops) => loops > 0)).toEqual([])
    expect(deleted.filter((loops) => loops > 0).length).toBeGreaterThan(0)
  })

  it("the number written in SQL is formatOrderNumber's: six digits, more once the year passes 999,999", async () => {
    const year = new Date().getUTCFullYear()
    const orders = await rawRows<{ id: number }>(sql`select id from orders order by id desc limit 2`)
    const numbers = await rolledBack(async (client, text) => {
      await client.query(`insert into commerce_order_counters (year, last_value) values ($1, 999998) on conflict (year) do update set last_value = 999998`, [year])
      const out: string[] = []
      for (const o of orders) {
        await client.query(`update orders set order_number = 'ORD-PROVISIONAL-form' where id = $1`, [o.id])
        const q = text(numberOrderStatement({ year, order: o.id, payment: null, provisional: 'ORD-PROVISIONAL-form' }).byKey)
        out.push(String((await client.query(q.sql, q.params)).rows[0].order_number))
        const current = text(sql`select ${currentOrderNumberSql(year)} as n`)
        expect((await client.query(current.sql, current.params)).rows[0].n).toBe(out[out.length - 1])
      }
      return out
    })
    expect(numbers).toEqual([formatOrderNumber(year, 999_999), formatOrderNumber(year, 1_000_000)])
    expect(numbers).toEqual([`ORD-${year}-999999`, `ORD-${year}-1000000`])
  })

  it("the year's first order creates the counter after the highest number its orders carry; the next only increments", async () => {
    const year = new Date().getUTCFullYear()
    const highest = async () =>
      Math.max(0, ...(await rawRows<{ n: string }>(sql`select order_number as n from orders where order_number like ${`ORD-${year}-%`}`)).map((r) => Number(r.n.split('-')[2])))
    const part = await createPart(seller.id, { price: 20, stockQuantity: 5 })
    const [first, second] = await createUsers(2, { roles: ['buyer'] })
    await addToCart(first.token, part.id, 1)
    await addToCart(second.token, part.id, 1)
    const before = await highest()
    expect(before).toBeGreaterThan(0)
    await rawRows(sql`delete from commerce_order_counters where year = ${year} returning year`)

    const a = await checkout(first.token)
    const b = await checkout(second.token)
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.body.order.orderNumber).toBe(`ORD-${year}-${String(before + 1).padStart(6, '0')}`)
    expect(b.body.order.orderNumber).toBe(`ORD-${year}-${String(before + 2).padStart(6, '0')}`)
    expect(await rawRows(sql`select last_value from commerce_order_counters where year = ${year}`)).toEqual([{ last_value: before + 2 }])
  })
})

describe('checkout refusals', () => {
  it('a cart with one short line writes nothing and names the line', async () => {
    const buyer = await createUser({ roles: ['buyer'] })
    const plenty = await createPart(seller.id, { price: 15, stockQuantity: 10 })
    const scarce = await createPart(seller.id, { price: 5, stockQuantity: 3 })
    await addToCart(buyer.token, plenty.id, 2)
    await addToCart(buyer.token, scarce.id, 3)
    const payload = await testPayload()
    await payload.update({ collection: 'parts', id: scarce.id, overrideAccess: true, data: { stockQuantity: 1 } as never })
    const before = {
      orders: await count('orders'),
      payments: await count('payments'),
      notifications: await count('notifications', { user: { equals: buyer.id } }),
      counters: await rawRows(sql`select year, last_value from commerce_order_counters order by year`),
    }

    const res = await checkout(buyer.token)

    expect(res.status).toBe(409)
    expect(res.body.errors[0].data.lines).toEqual([{ part: scarce.id, requested: 3, available: 1 }])
    expect(res.body.errors[0].message).toContain(`part ${scarce.id}`)
    expect(await count('orders')).toBe(before.orders)
    expect(await count('payments')).toBe(before.payments)
    expect(await count('notifications', { user: { equals: buyer.id } })).toBe(before.notifications)
    expect(await rawRows(sql`select year, last_value from commerce_order_counters order by year`)).toEqual(before.counters)
    expect(await stockOf(plenty.id)).toBe(10)
    expect(await stockOf(scarce.id)).toBe(1)
    const cart = await get('/carts/mine', { token: buyer.token })
    expect(cart.body.cart.items).toHaveLength(2)
  })

  it('validates input with 400s naming the fields, and refuses an empty cart', async () => {
    const buyer = await createUser({ roles: ['buyer'] })
    const bad = await post('/orders/checkout', { paymentMethod: 'bitcoin', shippingAddress: { line1: 'x' } }, { token: buyer.token })
    expect(bad.status).toBe(400)
    const paths = bad.body.errors[0].data.errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['paymentMethod', 'shippingAddress.fullName', 'shippingAddress.city', 'shippingAddress.country']))
    const empty = await checkout(buyer.token)
    expect(empty.status).toBe(400)
    expect(empty.body.errors[0].message).toMatch(/empty/)
    const anon = await post('/orders/checkout', { shippingAddress: ADDRESS, paymentMethod: 'cash_on_delivery' })
    expect(anon.status).toBe(401)
  })

  it('card checkout without Stripe keys → 400 saying card payments are disabled, nothing written', async () => {
    const buyer = await createUser({ roles: ['buyer'] })
    const part = await createPart(seller.id, { price: 10, stockQuantity: 2 })
    await addToCart(buyer.token, part.id, 1)
    const orders = await count('orders')
    const res = await checkout(buyer.token, { paymentMethod: 'card' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/Card payments are disabled/)
    expect(await count('orders')).toBe(orders)
    expect(await stockOf(part.id)).toBe(2)
  })

  it('without Stripe keys the webhook route exists and answers 400 "not configured"; plans save without Stripe', async () => {
    const res = await post('/stripe/webhooks', { id: 'evt_unconfigured', type: 'payment_intent.succeeded', data: { object: {} } }, { headers: { 'Stripe-Signature': 't=1,v1=x' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/not configured/)
    const plan = await (await testPayload()).create({ collection: 'plans', overrideAccess: true, data: { slug: 'no-stripe', name: 'No Stripe', price: 5, billingPeriod: 'monthly', active: true } })
    expect(plan).toMatchObject({ stripeID: null, stripePriceId: null })
  })
})

describe('prices', () => {
  it('ignores prices sent by the client; charges the current sale price; tax and shipping from settings', async () => {
    const buyer = await createUser({ roles: ['buyer'] })
    const part = await createPart(seller.id, { price: 100, salePrice: 80, stockQuantity: 5 })
    const added = await post('/carts/mine/items', { part: part.id, quantity: 1, unitPrice: 0.01, price: 0.01 }, { token: buyer.token })
    expect(added.status).toBe(200)
    expect(added.body.cart.items[0].unitPrice).toBe(80)
    const payload = await testPayload()
    await payload.update({ collection: 'parts', id: part.id, overrideAccess: true, data: { salePrice: 75 } as never })

    const res = await checkout(buyer.token, { total: 0.01, subtotal: 0.01, items: [{ part: part.id, quantity: 1, unitPrice: 0.01 }], discount: 999 })

    expect(res.status).toBe(201)
    const order = res.body.order
    expect(order.items).toHaveLength(1)
    expect(order.items[0]).toMatchObject({ part: part.id, title: part.title, seller: seller.id, quantity: 1, unitPrice: 75, total: 75 })
    // 75 + 10 % tax (7.50) + flat shipping 10 (below the 200 threshold)
    expect(order).toMatchObject({ subtotal: 75, tax: 7.5, shipping: 10, discount: 0, total: 92.5, status: 'pending', paymentMethod: 'cash_on_delivery' })
    expect(res.body.payment).toMatchObject({ provider: 'cash', status: 'requires_payment', amount: 92.5 })
    const cart = await get('/carts/mine', { token: buyer.token })
    expect(cart.body.cart.items).toEqual([])
  })
})

describe('sellers and fulfilment', () => {
  it('a seller sees only its lines; sellers ship their lines; the customer confirms delivery of a COD order', async () => {
    const s1 = await createUser({ roles: ['seller'] })
    const s2 = await createUser({ roles: ['seller'] })
    const s3 = await createUser({ roles: ['seller'] })
    const buyer = await createUser({ roles: ['buyer'] })
    const p1 = await createPart(s1.id, { price: 30, stockQuantity: 5 })
    const p2 = await createPart(s2.id, { price: 40, stockQuantity: 5 })
    await addToCart(buyer.token, p1.id, 2)
    await addToCart(buyer.token, p2.id, 1)
    const placed = await checkout(buyer.token)
    expect(placed.status).toBe(201)
    const id = placed.body.order.id

    const list = await get('/orders/seller', { token: s1.token })
    expect(list.status).toBe(200)
    expect(list.body.docs).toHaveLength(1)
    expect(list.body.docs[0].items.map((i: { part: number }) => i.part)).toEqual([p1.id])
    expect(list.body.docs[0].sellerSubtotal).toBe(60)
    expect(list.body.docs[0]).not.toHaveProperty('total')

    const rest = await get(`/orders/${id}?depth=0`, { token: s1.token })
    expect(rest.status).toBe(200)
    expect(rest.body.items.map((i: { part: number }) => i.part)).toEqual([p1.id])
    expect(rest.body).not.toHaveProperty('total')
    expect((await get('/orders', { token: s1.token })).body.docs.map((o: { id: number }) => o.id)).toEqual([id])
    expect((await get(`/orders/${id}`, { token: s3.token })).status).toBe(404)
    expect((await get('/orders', { token: s3.token })).body.docs).toEqual([])
    const mine = await get(`/orders/${id}?depth=0`, { token: buyer.token })
    expect(mine.body.items).toHaveLength(2)
    expect(mine.body.total).toBe(100 + 10 + 10) // subtotal + 10 % tax + flat shipping

    expect((await post(`/orders/${id}/ship`, {}, { token: s3.token })).status).toBe(404)
    const first = await post(`/orders/${id}/ship`, { trackingNumber: 'TRK-1' }, { token: s1.token })
    expect(first.status).toBe(200)
    expect(first.body.order.status).toBe('processing')
    expect(first.body.order.items).toHaveLength(1)
    expect((await post(`/orders/${id}/ship`, {}, { token: s1.token })).status).toBe(409)
    const second = await post(`/orders/${id}/ship`, { trackingNumber: 'TRK-2' }, { token: s2.token })
    expect(second.body.order.status).toBe('shipped')
    expect(await count('notifications', { and: [{ user: { equals: buyer.id } }, { type: { equals: 'order_status' } }, { title: { like: 'shipped' } }] })).toBe(1)
    expect((await post(`/orders/${id}/cancel`, {}, { token: buyer.token })).status).toBe(409)

    const delivered = await post(`/orders/${id}/deliver`, {}, { token: buyer.token })
    expect(delivered.status).toBe(200)
    expect(delivered.body.order).toMatchObject({ status: 'delivered', paymentStatus: 'paid' })
    const payload = await testPayload()
    const pay = await payload.find({ collection: 'payments' as never, where: { 'target.value': { equals: id } }, overrideAccess: true })
    expect(pay.docs.map((p) => (p as { status?: string }).status)).toEqual(['succeeded'])
  })

  it("a part's stock status follows its stock both ways: out of stock at checkout, in stock again when the order is cancelled", async () => {
    const buyer = await createUser({ roles: ['buyer'] })
    const part = await createPart(seller.id, { price: 12, stockQuantity: 6 })
    const status = async () => (await rawRows<{ stock_status: string }>(sql`select stock_status from parts where id = ${part.id}`))[0].stock_status
    expect(await status()).toBe('in_stock')
    await addToCart(buyer.token, part.id, 6)
    const placed = await checkout(buyer.token)
    expect(placed.status, JSON.stringify(placed.body)).toBe(201)
    expect([await stockOf(part.id), await status()]).toEqual([0, 'out_of_stock'])
    expect((await post(`/orders/${placed.body.order.id}/cancel`, {}, { token: buyer.token })).status).toBe(200)
    expect([await stockOf(part.id), await status()]).toEqual([6, 'in_stock'])
  })

  it('the customer cancels a pending COD order: stock returns once; others cannot see it; status changes obey the table', async () => {
    const buyer = await createUser({ roles: ['buyer'] })
    const other = await createUser({ roles: ['buyer'] })
    const part = await createPart(seller.id, { price: 12, stockQuantity: 4 })
    await addToCart(buyer.token, part.id, 3)
    const placed = await checkout(buyer.token)
    expect(await stockOf(part.id)).toBe(1)
    const id = placed.body.order.id
    expect((await post(`/orders/${id}/cancel`, {}, { token: other.token })).status).toBe(404)
    expect((await post(`/orders/${id}/cancel`, {}, { token: seller.token })).status).toBe(403)
    const cancelled = await post(`/orders/${id}/cancel`, { reason: 'changed my mind' }, { token: buyer.token })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.order).toMatchObject({ status: 'cancelled', stockReturned: true, paymentStatus: 'voided', cancelReason: 'changed my mind' })
    expect(await stockOf(part.id)).toBe(4)
    expect((await post(`/orders/${id}/cancel`, {}, { token: buyer.token })).status).toBe(409)
    expect(await stockOf(part.id)).toBe(4)
    // Even an admin cannot jump states through a plain update.
    const payload = await testPayload()
    const admin = await createUser({ roles: ['admin'] })
    const { patch } = await import('../../helpers/api')
    expect((await patch(`/orders/${id}`, { status: 'delivered' }, { token: admin.token })).status).toBe(409)
    expect(((await payload.findByID({ collection: 'orders', id, overrideAccess: true })) as { status: string }).status).toBe('cancelled')
  })
})
