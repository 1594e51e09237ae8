/**
 * Moderation queues: counts per queue for the caller's roles, a paginated list per queue, approve / reject with a
 * reason in one call, the author notified once; review pre-approval switched in platform settings.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { get, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { exec, insert, sql } from './fixtures'

let admin: TestUser, editor: TestUser, seller: TestUser, buyer: TestUser
let make = 0
let model = 0

const notificationsOf = async (user: number) =>
  (await testPayload()).find({ collection: 'notifications', where: { user: { equals: user } }, sort: 'createdAt', depth: 0, overrideAccess: true, limit: 50 }).then((r) => r.docs)

const pendingCar = (title: string) => insert('cars', { title, make_id: make, model_id: model, year: 2020, condition: 'used', price: 15000, status: 'pending_review', seller_id: seller.id })

beforeAll(async () => {
  admin = await createUser({ roles: ['admin'] })
  editor = await createUser({ roles: ['editor'] })
  seller = await createUser({ roles: ['seller'] })
  buyer = await createUser({ roles: ['buyer'] })
  make = await insert('makes', { name: 'Queue Make' })
  model = await insert('models', { name: 'Queue Model', make_id: make })
})

describe('the listings queue', () => {
  it('lists pending listings oldest first; approving one makes it live and notifies the seller once', async () => {
    const first = await pendingCar('First pending')
    const second = await pendingCar('Second pending')
    const counts = await get('/moderation', { token: editor.token })
    expect(counts.status).toBe(200)
    expect(counts.body.queues.map((q: { key: string }) => q.key)).toEqual(['listings', 'comments', 'reviews', 'forum']) // editors: no verification queues
    expect(counts.body.queues.find((q: { key: string }) => q.key === 'listings').pending).toBe(2)
    const adminCounts = await get('/moderation', { token: admin.token })
    expect(adminCounts.body.queues.map((q: { key: string }) => q.key)).toEqual(['listings', 'comments', 'reviews', 'dealers', 'experts', 'forum'])

    const list = await get('/moderation/listings?limit=1', { token: editor.token })
    expect(list.body).toMatchObject({ totalDocs: 2, totalPages: 2, docs: [{ id: first, title: 'First pending', author: seller.id }] })

    const before = (await notificationsOf(seller.id)).length
    const res = await post(`/moderation/listings/${first}/approve`, {}, { token: editor.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ queue: 'listings', id: first, decision: 'approve', doc: { status: 'active' } })
    const [car] = await exec(sql`select status, published_at from cars where id = ${first}`)
    expect(car.status).toBe('active')
    expect(car.published_at).not.toBeNull()
    const after = await notificationsOf(seller.id)
    expect(after.length).toBe(before + 1)
    expect(after.at(-1)).toMatchObject({ type: 'listing_update' })

    expect((await post(`/moderation/listings/${first}/approve`, {}, { token: editor.token })).status).toBe(409) // no longer pending
    expect((await post('/moderation/listings/99999999/approve', {}, { token: editor.token })).status).toBe(404)
    expect((await post(`/moderation/listings/${second}/approve`, {}, { token: buyer.token })).status).toBe(403)
    expect((await get('/moderation', { token: seller.token })).status).toBe(403)
  })

  it('a rejection needs a reason (400, nothing written); with one, the listing returns to draft and the seller reads why', async () => {
    const car = await pendingCar('To reject')
    const bad = await post(`/moderation/listings/${car}/reject`, {}, { token: admin.token })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors[0]).toMatchObject({ path: 'reason', message: 'reason is required.' })
    expect((await exec(sql`select status from cars where id = ${car}`))[0].status).toBe('pending_review')
    const res = await post(`/moderation/listings/${car}/reject`, { reason: 'Photos missing' }, { token: admin.token })
    expect(res.status).toBe(200)
    const [row] = await exec(sql`select status, moderation_note from cars where id = ${car}`)
    expect(row).toEqual({ status: 'draft', moderation_note: 'Photos missing' })
    expect(JSON.stringify((await notificationsOf(seller.id)).at(-1))).toContain('Photos missing')
  })
})

describe('reviews: pre-approval switch and the queue', () => {
  it('off: a review is public at once; on: it waits in the queue, and a rejection with a reason notifies its author', async () => {
    const payload = await testPayload()
    const target = { relationTo: 'users', value: seller.id }
    const live = await post('/reviews', { target, rating: 5, title: 'Live at once' }, { token: buyer.token })
    expect(live.status, JSON.stringify(live.body)).toBe(201)
    expect(live.body.doc.status).toBe('approved')

    await payload.updateGlobal({ slug: 'platform-settings', data: { reviewPreApproval: true } as never, overrideAccess: true })
    const other = await createUser({ roles: ['buyer'] })
    const held = await post('/reviews', { target, rating: 1, title: 'Held back' }, { token: other.token })
    expect(held.status).toBe(201)
    expect(held.body.doc.status).toBe('pending')
    const queue = await get('/moderation/reviews', { token: editor.token })
    expect(queue.body.docs.map((d: { id: number }) => d.id)).toEqual([held.body.doc.id])

    const res = await post(`/moderation/reviews/${held.body.doc.id}/reject`, { reason: 'Abusive language' }, { token: editor.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const [row] = await exec(sql`select status, moderation_note from reviews where id = ${held.body.doc.id}`)
    expect(row).toEqual({ status: 'rejected', moderation_note: 'Abusive language' })
    const notes = await notificationsOf(other.id)
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ type: 'account_alert' })
    expect(JSON.stringify(notes[0])).toContain('Abusive language')
    expect((await get('/moderation/reviews', { token: editor.token })).body.totalDocs).toBe(0)
    await payload.updateGlobal({ slug: 'platform-settings', data: { reviewPreApproval: false } as never, overrideAccess: true })
  })
})

describe('dealer verifications (admins only)', () => {
  it("approving verifies the dealer; the owner gets the dealer domain's one notification; editors get 403", async () => {
    const dealerOwner = await createUser({ roles: ['seller'] })
    const dealer = await insert('dealers', { name: 'Queue Motors', owner_id: dealerOwner.id, verification_status: 'pending' })
    expect((await post(`/moderation/dealers/${dealer}/approve`, {}, { token: editor.token })).status).toBe(403)
    const res = await post(`/moderation/dealers/${dealer}/approve`, {}, { token: admin.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect((await exec(sql`select verification_status from dealers where id = ${dealer}`))[0].verification_status).toBe('verified')
    const notes = await notificationsOf(dealerOwner.id)
    expect(notes.map((n) => n.type)).toEqual(['verification_status'])
  })
})
