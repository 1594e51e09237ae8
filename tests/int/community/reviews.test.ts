import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { summarize } from '../../../src/domain/community/reviews'
import { api, del, get, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, createUsers, type TestUser } from '../../helpers/users'

let payload: Payload
let admin: TestUser
let editor: TestUser

async function ratingRow(table: string, id: number) {
  const res = await (payload.db as any).drizzle.execute(
    `select rating_average, rating_count, rating_distribution_one, rating_distribution_two, rating_distribution_three, rating_distribution_four, rating_distribution_five, rating_aspects_communication, rating_aspects_value from ${table} where id = ${id}`,
  )
  const r = res.rows[0]
  return {
    average: Number(r.rating_average),
    count: Number(r.rating_count),
    distribution: [r.rating_distribution_one, r.rating_distribution_two, r.rating_distribution_three, r.rating_distribution_four, r.rating_distribution_five].map(Number),
    communication: r.rating_aspects_communication === null ? null : Number(r.rating_aspects_communication),
    value: r.rating_aspects_value === null ? null : Number(r.rating_aspects_value),
  }
}

const reviewsCount = async (where: Record<string, unknown> = {}) => (await payload.count({ collection: 'reviews' as never, where: where as never, overrideAccess: true })).totalDocs

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser({ roles: ['admin'] })
  editor = await createUser({ roles: ['editor'] })
})

describe('reviews: rating summary', () => {
  it('keeps the target summary exact after create, edit, moderation and delete', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const [a, b, c] = await Promise.all([createUser(), createUser(), createUser()])
    const target = { relationTo: 'users', value: seller.id }

    const r1 = await post('/reviews', { target, rating: 5, title: 'Great', aspects: { communication: 4 } }, { token: a.token })
    expect(r1.status).toBe(201)
    expect(r1.body.doc.status).toBe('approved')
    const r2 = await post('/reviews', { target, rating: 2, aspects: { communication: 2, value: 3 } }, { token: b.token })
    expect(r2.status).toBe(201)
    expect(await ratingRow('users', seller.id)).toEqual({ average: 3.5, count: 2, distribution: [0, 1, 0, 0, 1], communication: 3, value: 3 })

    // edit by the author
    const e = await patch(`/reviews/${r2.body.doc.id}`, { rating: 4 }, { token: b.token })
    expect(e.status).toBe(200)
    expect(await ratingRow('users', seller.id)).toMatchObject({ average: 4.5, count: 2, distribution: [0, 0, 0, 1, 1] })

    // another user cannot edit it
    const notMine = await patch(`/reviews/${r2.body.doc.id}`, { rating: 1 }, { token: c.token })
    expect([403, 404]).toContain(notMine.status)

    const r3 = await post('/reviews', { target, rating: 1 }, { token: c.token })
    expect(await ratingRow('users', seller.id)).toMatchObject({ average: 3.33, count: 3, distribution: [1, 0, 0, 1, 1] })

    // moderation: rejected reviews leave the summary, approved ones come back
    const rej = await post(`/reviews/${r3.body.doc.id}/reject`, { note: 'abusive' }, { token: editor.token })
    expect(rej.status).toBe(200)
    expect(await ratingRow('users', seller.id)).toMatchObject({ average: 4.5, count: 2 })
    const rejAgain = await post(`/reviews/${r3.body.doc.id}/reject`, {}, { token: editor.token })
    expect(rejAgain.status).toBe(409)
    const byBuyer = await post(`/reviews/${r3.body.doc.id}/approve`, {}, { token: a.token })
    expect(byBuyer.status).toBe(403)
    await post(`/reviews/${r3.body.doc.id}/approve`, {}, { token: admin.token })
    expect(await ratingRow('users', seller.id)).toMatchObject({ average: 3.33, count: 3 })

    // a rejected review is hidden from the public, visible to its author
    await post(`/reviews/${r3.body.doc.id}/reject`, {}, { token: admin.token })
    expect((await get(`/reviews/${r3.body.doc.id}`)).status).toBe(404)
    expect((await get(`/reviews/${r3.body.doc.id}`, { token: c.token })).status).toBe(200)

    // delete by the author
    const d = await del(`/reviews/${r1.body.doc.id}`, { token: a.token })
    expect(d.status).toBe(200)
    expect(await ratingRow('users', seller.id)).toEqual({ average: 4, count: 1, distribution: [0, 0, 0, 1, 0], communication: 2, value: 3 })
  })

  it('30 concurrent reviews on one target by 30 users give an exact summary', { timeout: 240_000 }, async () => {
    const seller = await createUser({ roles: ['seller'] })
    const users = await createUsers(30)
    const ratings = users.map((_, i) => ((i * 7) % 5) + 1)
    const aspects = users.map((_, i) => (i % 3 === 0 ? { communication: (i % 5) + 1 } : {}))
    const results = await Promise.all(users.map((u, i) => post('/reviews', { target: { relationTo: 'users', value: seller.id }, rating: ratings[i], aspects: aspects[i] }, { token: u.token })))
    expect(results.map((r) => r.status)).toEqual(users.map(() => 201))
    const expected = summarize(ratings.map((rating, i) => ({ rating, aspects: aspects[i] })))
    const row = await ratingRow('users', seller.id)
    expect(row.count).toBe(30)
    expect(row.average).toBe(expected.average)
    expect(row.distribution).toEqual([expected.distribution.one, expected.distribution.two, expected.distribution.three, expected.distribution.four, expected.distribution.five])
    expect(row.communication).toBe(expected.aspects.communication)
    // the REST read of the target shows the same summary
    const read = await get(`/users/${seller.id}`, { token: admin.token })
    expect(read.body.rating.count).toBe(30)
    expect(read.body.rating.average).toBe(expected.average)
  })
})

describe('reviews: rules', () => {
  it('a second review by the same author on the same target is a 409, also when sent concurrently', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const a = await createUser()
    const target = { relationTo: 'users', value: seller.id }
    const first = await post('/reviews', { target, rating: 4 }, { token: a.token })
    expect(first.status).toBe(201)
    const second = await post('/reviews', { target, rating: 1 }, { token: a.token })
    expect(second.status).toBe(409)
    const b = await createUser()
    const racing = await Promise.all([1, 2, 3, 4].map((n) => post('/reviews', { target, rating: n }, { token: b.token })))
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409, 409])
    expect(await reviewsCount({ targetId: { equals: seller.id }, targetCollection: { equals: 'users' } })).toBe(2)
    expect(await ratingRow('users', seller.id)).toMatchObject({ count: 2 })
  })

  it('verifiedPurchase, status, counters and owner fields cannot be set by the client', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const a = await createUser()
    const res = await post(
      '/reviews',
      { target: { relationTo: 'users', value: seller.id }, rating: 3, verifiedPurchase: true, status: 'approved', helpfulCount: 99, author: admin.id, reportsCount: 7 },
      { token: a.token },
    )
    expect(res.status).toBe(201)
    expect(res.body.doc.verifiedPurchase).toBe(false)
    expect(res.body.doc.helpfulCount).toBe(0)
    expect(res.body.doc.reportsCount).toBe(0)
    expect(res.body.doc.author.id ?? res.body.doc.author).toBe(a.id)
    const upd = await patch(`/reviews/${res.body.doc.id}`, { verifiedPurchase: true, helpfulCount: 50 }, { token: a.token })
    expect(upd.status).toBe(200)
    const stored = (await payload.findByID({ collection: 'reviews' as never, id: res.body.doc.id, overrideAccess: true })) as any
    expect(stored.verifiedPurchase).toBe(false)
    expect(stored.helpfulCount).toBe(0)
    // a buyer's status change is refused
    const st = await patch(`/reviews/${res.body.doc.id}`, { status: 'rejected' }, { token: a.token })
    expect(st.status).toBe(200)
    expect(((await payload.findByID({ collection: 'reviews' as never, id: res.body.doc.id, overrideAccess: true })) as any).status).toBe('approved')
  })

  it('bad input is a 400 naming the field and writes nothing; self-reviews are 403', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const a = await createUser()
    const before = await reviewsCount()
    const cases = [
      [{ target: { relationTo: 'users', value: seller.id }, rating: 6 }, 'rating'],
      [{ target: { relationTo: 'users', value: seller.id }, rating: 2.5 }, 'rating'],
      [{ target: { relationTo: 'users', value: 999999 }, rating: 3 }, 'target'],
      [{ target: { relationTo: 'services', value: 1 }, rating: 3, aspects: { shipping: 3 } }, 'target'],
      [{ target: { relationTo: 'users', value: seller.id }, rating: 3, aspects: { communication: 9 } }, 'aspects.communication'],
    ] as const
    for (const [body, field] of cases) {
      const res = await post('/reviews', body, { token: a.token })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(JSON.stringify(res.body)).toContain(field)
    }
    const self = await post('/reviews', { target: { relationTo: 'users', value: seller.id }, rating: 5 }, { token: seller.token })
    expect(self.status).toBe(403)
    const anon = await post('/reviews', { target: { relationTo: 'users', value: seller.id }, rating: 5 })
    expect(anon.status).toBe(403)
    expect(await reviewsCount()).toBe(before)
  })

  it('only the reviewed owner may respond; the author is notified', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const a = await createUser()
    const other = await createUser({ roles: ['seller'] })
    const r = await post('/reviews', { target: { relationTo: 'users', value: seller.id }, rating: 4 }, { token: a.token })
    const bad = await post(`/reviews/${r.body.doc.id}/respond`, { content: 'Not me' }, { token: other.token })
    expect(bad.status).toBe(403)
    const viaPatch = await patch(`/reviews/${r.body.doc.id}`, { sellerResponse: { content: 'Sneaky' } }, { token: a.token })
    expect(viaPatch.status).toBe(403)
    const ok = await post(`/reviews/${r.body.doc.id}/respond`, { content: 'Thanks for buying!' }, { token: seller.token })
    expect(ok.status).toBe(200)
    expect(ok.body.doc.sellerResponse.content).toBe('Thanks for buying!')
    expect(ok.body.doc.sellerResponse.at).toBeTruthy()
    const notes = await payload.find({ collection: 'notifications', where: { user: { equals: a.id }, type: { equals: 'seller_response' } }, overrideAccess: true })
    expect(notes.totalDocs).toBe(1)
    const received = await payload.find({ collection: 'notifications', where: { user: { equals: seller.id }, type: { equals: 'review_received' } }, overrideAccess: true })
    expect(received.totalDocs).toBe(1)
  })

  it('reports: once per user; three reports send the review back to moderation and out of the summary', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const a = await createUser()
    const reporters = await Promise.all([createUser(), createUser(), createUser()])
    const r = await post('/reviews', { target: { relationTo: 'users', value: seller.id }, rating: 1 }, { token: a.token })
    const id = r.body.doc.id
    expect((await post(`/reviews/${id}/report`, {}, { token: reporters[0].token })).status).toBe(400)
    expect((await post(`/reviews/${id}/report`, { reason: 'mine' }, { token: a.token })).status).toBe(403)
    const first = await post(`/reviews/${id}/report`, { reason: 'spam' }, { token: reporters[0].token })
    expect(first.body).toMatchObject({ reportsCount: 1, status: 'approved' })
    expect((await post(`/reviews/${id}/report`, { reason: 'spam' }, { token: reporters[0].token })).status).toBe(409)
    await post(`/reviews/${id}/report`, { reason: 'fake' }, { token: reporters[1].token })
    const third = await post(`/reviews/${id}/report`, { reason: 'fake' }, { token: reporters[2].token })
    expect(third.body).toMatchObject({ reportsCount: 3, status: 'pending' })
    expect(await ratingRow('users', seller.id)).toMatchObject({ count: 0, average: 0 })
    // reports are visible to moderators only
    expect((await get(`/reviews/${id}`, { token: a.token })).body.reports ?? []).toEqual([])
    expect((await get(`/reviews/${id}`, { token: editor.token })).body.reports).toHaveLength(3)
  })

  it('verifiedPurchase is computed from completed business when those collections exist', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const a = await createUser()
    const res = await api('POST', '/reviews', { token: a.token, body: { target: { relationTo: 'users', value: seller.id }, rating: 5 } })
    expect(res.status).toBe(201)
    // with no order, booking or accepted negotiation between them, it is not verified
    expect(res.body.doc.verifiedPurchase).toBe(false)
  })
})
