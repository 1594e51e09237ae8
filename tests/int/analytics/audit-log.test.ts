/**
 * The audit log: entries for a role change, a price change and a refund (actor, IP, before/after); entries
 * cannot be updated or deleted by anyone, through REST, GraphQL or the Local API with overrideAccess; retention
 * purges old entries only.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { purgeExpiredAuditEntries } from '../../../endpoints/analytics/jobs'
import { del, get, gql, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { statementsSentBy } from '../../helpers/sql'
import { createUser, type TestUser } from '../../helpers/users'
import { exec, insert, sql } from './fixtures'

let admin: TestUser, seller: TestUser, buyer: TestUser, editor: TestUser
const IP = '203.0.113.7'

async function entries(entity: string, docId: number | string) {
  const payload = await testPayload()
  return (
    await payload.find({
      collection: 'audit-log',
      where: { and: [{ entity: { equals: entity } }, { docId: { equals: String(docId) } }] },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
      limit: 100,
    })
  ).docs
}

beforeAll(async () => {
  admin = await createUser({ roles: ['admin'] })
  seller = await createUser({ roles: ['seller'] })
  buyer = await createUser({ roles: ['buyer'] })
  editor = await createUser({ roles: ['editor'] })
})

describe('audit entries for sensitive changes', () => {
  it('a role change: the admin, the IP and the roles before and after', async () => {
    const target = await createUser({ roles: ['buyer'] })
    expect(await entries('users', target.id)).toEqual([]) // creating an account is not a sensitive change
    const res = await patch(`/users/${target.id}`, { roles: ['buyer', 'seller'] }, { token: admin.token, headers: { 'x-real-ip': IP } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const [entry, ...more] = await entries('users', target.id)
    expect(more).toEqual([])
    expect(entry).toMatchObject({ action: 'update', actor: admin.id, ip: IP, changes: { roles: { before: ['buyer'], after: ['buyer', 'seller'] } } })
    expect(Date.now() - Date.parse(entry.createdAt)).toBeLessThan(60_000)
    // An edit of a field that is not sensitive writes nothing.
    expect((await patch(`/users/${target.id}`, { bio: 'hello' }, { token: admin.token })).status).toBe(200)
    expect(await entries('users', target.id)).toHaveLength(1)
  })

  it('a price change by the seller', async () => {
    const payload = await testPayload()
    const make = await insert('makes', { name: 'Audit Make' })
    const model = await insert('models', { name: 'Audit Model', make_id: make })
    const car = await payload.create({
      collection: 'cars',
      overrideAccess: true,
      depth: 0,
      data: { title: 'Audited car', make, model, year: 2020, price: 20000, status: 'active', condition: 'used', mileage: 1000, seller: seller.id } as never,
    })
    let res: Awaited<ReturnType<typeof patch>> | undefined
    const statements = await statementsSentBy(async () => {
      res = await patch(`/cars/${car.id}`, { price: 18500 }, { token: seller.token })
    })
    expect(res?.status, JSON.stringify(res?.body)).toBe(200)
    // One statement appends the entry (no read-back through Payload).
    expect(statements.filter((st) => st.includes('audit_log'))).toEqual([expect.stringMatching(/^insert into audit_log /)])
    const list = await entries('cars', car.id)
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ action: 'update', actor: seller.id, changes: { price: { before: 20000, after: 18500 } } })
    expect(list[0].summary).toContain('price')
  })

  it('a refund: the payment entry records the refunded amount and the admin who refunded', async () => {
    const payload = await testPayload()
    const part = await payload.create({
      collection: 'parts',
      overrideAccess: true,
      data: { title: 'Audit part', sku: `AUD-${process.pid}`, price: 40, stockQuantity: 5, manageStock: true, status: 'active', condition: 'new', seller: seller.id } as never,
    })
    expect((await post('/carts/mine/items', { part: part.id, quantity: 1 }, { token: buyer.token })).status).toBe(200)
    const checkout = await post(
      '/orders/checkout',
      { shippingAddress: { fullName: 'B', line1: '1 St', city: 'Amman', country: 'JO', phone: '+962700000000' }, paymentMethod: 'cash_on_delivery' },
      { token: buyer.token },
    )
    expect(checkout.status, JSON.stringify(checkout.body)).toBe(201)
    const orderId = checkout.body.order.id
    const total = checkout.body.order.total
    expect((await post(`/orders/${orderId}/ship`, {}, { token: seller.token })).status).toBe(200)
    const delivered = await post(`/orders/${orderId}/deliver`, {}, { token: admin.token })
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200)
    const refund = await post(`/orders/${orderId}/refund`, { reason: 'damaged' }, { token: admin.token, headers: { 'x-real-ip': IP } })
    expect(refund.status, JSON.stringify(refund.body)).toBe(200)

    const [payment] = (await payload.find({ collection: 'payments', where: { 'target.value': { equals: orderId } }, depth: 0, overrideAccess: true })).docs
    const list = await entries('payments', payment.id)
    expect(list[0]).toMatchObject({ action: 'create', actor: buyer.id, changes: { amount: { before: null, after: total }, status: { before: null, after: 'requires_payment' } } })
    const refundEntry = list.find((e) => e.action === 'update' && (e.changes as Record<string, unknown>)?.refundedAmount)
    expect(refundEntry).toMatchObject({ actor: admin.id, ip: IP, changes: { refundedAmount: { before: 0, after: total }, status: { before: 'succeeded', after: 'refunded' } } })
    const orderEntries = await entries('orders', orderId)
    expect(orderEntries.map((e) => (e.changes as Record<string, { after: unknown }>).status?.after).filter(Boolean)).toEqual(['shipped', 'delivered', 'refunded'])
  })

  it('platform settings changes are audited', async () => {
    const payload = await testPayload()
    const before = (await payload.findGlobal({ slug: 'platform-settings', overrideAccess: true })) as { offerTtlHours: number }
    const res = await post('/globals/platform-settings', { offerTtlHours: before.offerTtlHours + 1 }, { token: admin.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const all = (await payload.find({ collection: 'audit-log', where: { entity: { equals: 'platform-settings' } }, depth: 0, overrideAccess: true })).docs
    expect(all).toHaveLength(1)
    expect(all[0]).toMatchObject({ actor: admin.id, changes: { offerTtlHours: { before: before.offerTtlHours, after: before.offerTtlHours + 1 } } })
  })
})

describe('entries are append-only', () => {
  let id: number
  let snapshot: Record<string, unknown>
  beforeAll(async () => {
    const target = await createUser({ roles: ['buyer'] })
    await patch(`/users/${target.id}`, { status: 'suspended', suspendedUntil: new Date(Date.now() + 86_400_000).toISOString() }, { token: admin.token })
    const [entry] = await entries('users', target.id)
    id = entry.id
    snapshot = (await exec(sql`select * from audit_log where id = ${id}`))[0]
    expect(snapshot).toMatchObject({ entity: 'users', doc_id: String(target.id) })
  })

  it('REST: update, delete and create are refused for every role, admins included', async () => {
    for (const u of [admin, editor, seller, buyer]) {
      expect((await patch(`/audit-log/${id}`, { summary: 'x' }, { token: u.token })).status).toBe(403)
      expect((await del(`/audit-log/${id}`, { token: u.token })).status).toBe(403)
      expect((await post('/audit-log', { entity: 'users', action: 'update', summary: 'forged' }, { token: u.token })).status).toBe(403)
    }
    expect((await patch(`/audit-log/${id}`, { summary: 'x' })).status).toBe(403)
    const bulk = await del(`/audit-log?where[id][equals]=${id}`, { token: admin.token })
    expect(bulk.status).not.toBe(200)
  })

  it('GraphQL: update and delete mutations fail for an admin', async () => {
    const up = await gql(`mutation { updateAuditLog(id: ${id}, data: { summary: "x" }) { id } }`, {}, { token: admin.token })
    expect(up.body.errors?.length).toBeGreaterThan(0)
    const dl = await gql(`mutation { deleteAuditLog(id: ${id}) { id } }`, {}, { token: admin.token })
    expect(dl.body.errors?.length).toBeGreaterThan(0)
  })

  it('Local API with overrideAccess: update, delete (by id and by where) and a forged create are refused', async () => {
    const payload = await testPayload()
    await expect(payload.update({ collection: 'audit-log', id, data: { summary: 'x' }, overrideAccess: true })).rejects.toThrow(/cannot be changed/)
    await expect(payload.update({ collection: 'audit-log', where: { id: { equals: id } }, data: { summary: 'x' }, overrideAccess: true })).rejects.toThrow(/cannot be changed/)
    await expect(payload.delete({ collection: 'audit-log', id, overrideAccess: true })).rejects.toThrow(/cannot be changed/)
    await expect(payload.delete({ collection: 'audit-log', where: { id: { equals: id } }, overrideAccess: true })).rejects.toThrow(/cannot be changed/)
    await expect(payload.create({ collection: 'audit-log', data: { entity: 'users', action: 'update', summary: 'forged' }, overrideAccess: true })).rejects.toThrow(/written by the platform/)
    expect((await exec(sql`select * from audit_log where id = ${id}`))[0]).toEqual(snapshot)
    expect((await exec(sql`select count(*)::int as n from audit_log where summary = 'forged'`))[0].n).toBe(0)
  })

  it('only admins read it', async () => {
    expect((await get(`/audit-log/${id}`, { token: admin.token })).body).toMatchObject({ id, entity: 'users' })
    for (const u of [editor, seller, buyer]) expect((await get('/audit-log', { token: u.token })).status).toBe(403)
  })

  it('retention purges entries older than auditRetentionDays, nothing newer', async () => {
    const payload = await testPayload()
    const old = await insert('audit_log', { entity: 'users', doc_id: '1', action: 'update', summary: 'old', created_at: new Date(Date.now() - 40 * 86_400_000).toISOString() })
    const recent = await insert('audit_log', { entity: 'users', doc_id: '1', action: 'update', summary: 'recent', created_at: new Date(Date.now() - 20 * 86_400_000).toISOString() })
    expect(await purgeExpiredAuditEntries(payload)).toBe(0) // default 365 days
    await payload.updateGlobal({ slug: 'platform-settings', data: { auditRetentionDays: 30 } as never, overrideAccess: true })
    expect(await purgeExpiredAuditEntries(payload)).toBe(1)
    const left = (await exec(sql`select id from audit_log where id in (${old}, ${recent})`)).map((r) => Number(r.id))
    expect(left).toEqual([recent])
    expect((await exec(sql`select count(*)::int as n from audit_log where id = ${id}`))[0].n).toBe(1)
  })
})
