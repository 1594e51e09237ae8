import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { get, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, createUsers, type TestUser } from '../../helpers/users'

let payload: Payload
let seller: TestUser

const counters = async (table: string, id: number) => {
  const res = await (payload.db as any).drizzle.execute(`select helpful_count, unhelpful_count from ${table} where id = ${id}`)
  return { helpful: Number(res.rows[0].helpful_count), unhelpful: Number(res.rows[0].unhelpful_count) }
}
const voteRows = async (collection: string, id: number) =>
  (await payload.count({ collection: 'votes' as never, where: { targetCollection: { equals: collection }, targetId: { equals: id } } as never, overrideAccess: true })).totalDocs

let lastAuthorToken = ''
async function newReview(): Promise<number> {
  lastAuthorToken = (await createUser()).token
  const r = await post('/reviews', { target: { relationTo: 'users', value: seller.id }, rating: 4 }, { token: lastAuthorToken })
  expect(r.status).toBe(201)
  return r.body.doc.id
}

beforeAll(async () => {
  payload = await testPayload()
  seller = await createUser({ roles: ['seller'] })
})

describe('votes', () => {
  it('toggles and replaces a vote, keeping the counters exact', async () => {
    const review = await newReview()
    const voter = await createUser()
    const target = { relationTo: 'reviews', value: review }
    const v1 = await post('/votes', { target, value: 'helpful' }, { token: voter.token })
    expect(v1.status).toBe(201)
    expect(v1.body).toMatchObject({ action: 'create', counts: { helpful: 1, unhelpful: 0 } })
    expect(await counters('reviews', review)).toEqual({ helpful: 1, unhelpful: 0 })

    const v2 = await post('/votes', { target, value: 'unhelpful' }, { token: voter.token })
    expect(v2.body).toMatchObject({ action: 'replace', counts: { helpful: 0, unhelpful: 1 } })
    expect(await voteRows('reviews', review)).toBe(1)

    const v3 = await post('/votes', { target, value: 'unhelpful' }, { token: voter.token })
    expect(v3.body).toMatchObject({ action: 'remove', counts: { helpful: 0, unhelpful: 0 } })
    expect(await voteRows('reviews', review)).toBe(0)
    expect(await counters('reviews', review)).toEqual({ helpful: 0, unhelpful: 0 })

    // the review as read through REST shows the counters
    await post('/votes', { target, value: 'helpful' }, { token: voter.token })
    expect((await get(`/reviews/${review}`)).body.helpfulCount).toBe(1)
    // an author editing the review does not clobber the counters
    expect((await patch(`/reviews/${review}`, { content: 'Edited', helpfulCount: 40 }, { token: lastAuthorToken })).status).toBe(200)
    const reviewDoc = (await payload.findByID({ collection: 'reviews' as never, id: review, overrideAccess: true, depth: 0 })) as any
    expect(reviewDoc.helpfulCount).toBe(1)
  })

  it('concurrent votes of many users (and double clicks) leave exact counters', { timeout: 240_000 }, async () => {
    const review = await newReview()
    const voters = await createUsers(14)
    const values = voters.map((_, i) => (i % 4 === 0 ? 'unhelpful' : 'helpful'))
    // every voter votes; the first 5 also send the same vote twice at once (toggle: they end with no vote)
    const calls = voters.flatMap((v, i) => {
      const one = () => post('/votes', { target: { relationTo: 'reviews', value: review }, value: values[i] }, { token: v.token })
      return i < 5 ? [one(), one()] : [one()]
    })
    const results = await Promise.all(calls)
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true)
    const expected = { helpful: 0, unhelpful: 0 }
    voters.forEach((_, i) => {
      if (i >= 5) expected[values[i] as 'helpful' | 'unhelpful']++
    })
    expect(await counters('reviews', review)).toEqual(expected)
    expect(await voteRows('reviews', review)).toBe(9)
  })

  it('refuses bad values, unknown targets, own posts and anonymous callers, writing nothing', async () => {
    const review = await newReview()
    const voter = await createUser()
    const bad = await post('/votes', { target: { relationTo: 'reviews', value: review }, value: 'like' }, { token: voter.token })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('value')
    const badTarget = await post('/votes', { target: { relationTo: 'posts', value: 1 }, value: 'helpful' }, { token: voter.token })
    expect(badTarget.status).toBe(400)
    expect(JSON.stringify(badTarget.body)).toContain('target.relationTo')
    const missing = await post('/votes', { target: { relationTo: 'reviews', value: 999999 }, value: 'helpful' }, { token: voter.token })
    expect(missing.status).toBe(404)
    const anon = await post('/votes', { target: { relationTo: 'reviews', value: review }, value: 'helpful' })
    expect(anon.status).toBe(401)
    const reviewDoc = (await payload.findByID({ collection: 'reviews' as never, id: review, overrideAccess: true, depth: 0 })) as any
    const ownerToken = (
      await payload.login({
        collection: 'users',
        data: { email: (await payload.findByID({ collection: 'users', id: reviewDoc.author, overrideAccess: true })).email as string, password: 'password123' },
      })
    ).token!
    const own = await post('/votes', { target: { relationTo: 'reviews', value: review }, value: 'helpful' }, { token: ownerToken })
    expect(own.status).toBe(403)
    expect(await voteRows('reviews', review)).toBe(0)
  })

  it('votes are private to the voter and cannot be moved to another target', async () => {
    const review = await newReview()
    const voter = await createUser()
    const other = await createUser()
    const v = await post('/votes', { target: { relationTo: 'reviews', value: review }, value: 'helpful' }, { token: voter.token })
    const id = v.body.vote.id
    expect((await get(`/votes/${id}`, { token: other.token })).status).toBe(404)
    expect((await get('/votes', { token: other.token })).body.docs.map((d: any) => d.id)).not.toContain(id)
    const moved = await patch(`/votes/${id}`, { value: 'unhelpful', targetId: 12345 }, { token: voter.token })
    expect(moved.status).toBe(200)
    expect(moved.body.doc.targetId).toBe(review)
    expect(await counters('reviews', review)).toEqual({ helpful: 0, unhelpful: 1 })
  })
})
