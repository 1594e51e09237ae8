import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { get, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, createUsers, type TestUser } from '../../helpers/users'

let payload: Payload
let admin: TestUser
let editor: TestUser
let category: number

const notificationsOf = async (user: number, type: string) =>
  (await payload.find({ collection: 'notifications', where: { user: { equals: user }, type: { equals: type } }, overrideAccess: true, depth: 0 })).docs as any[]

async function newThread(author: TestUser, extra: Record<string, unknown> = {}) {
  const t = await post('/forum-threads', { title: 'Engine knocks when cold', body: 'What could it be?', category, ...extra }, { token: author.token })
  expect(t.status).toBe(201)
  return t.body.doc
}

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser({ roles: ['admin'] })
  editor = await createUser({ roles: ['editor'] })
  const c = await post('/forum-categories', { name: 'Mechanics', slug: 'mechanics', order: 1 }, { token: editor.token })
  expect(c.status).toBe(201)
  category = c.body.doc.id
})

describe('forum', () => {
  it('threads: counters and pin flags are server-side; buyers cannot manage categories', async () => {
    const buyer = await createUser()
    expect((await post('/forum-categories', { name: 'X', slug: 'x' }, { token: buyer.token })).status).toBe(403)
    const t = await newThread(buyer, { pinned: true, viewsCount: 50, responsesCount: 9, status: 'open' })
    expect(t).toMatchObject({ pinned: false, viewsCount: 0, responsesCount: 0, status: 'open' })
    expect(t.author.id ?? t.author).toBe(buyer.id)
    const v = await post(`/forum-threads/${t.id}/view`, {})
    expect(v.body.viewsCount).toBe(1)
    const pinned = await patch(`/forum-threads/${t.id}`, { pinned: true }, { token: editor.token })
    expect(pinned.body.doc.pinned).toBe(true)
  })

  it('responses notify the thread author, count exactly, and carry the expert badge from an approved verification', async () => {
    const asker = await createUser()
    const expert = await createUser({ roles: ['technician'] })
    const t = await newThread(asker)

    // expert verification: request → admin approves → user notified
    const req = await post('/expert-verifications', { expertiseAreas: ['engine'], yearsOfExperience: 12, credentials: 'ASE master' }, { token: expert.token })
    expect(req.status).toBe(201)
    expect(req.body.doc.status).toBe('pending')
    expect((await post('/expert-verifications', { expertiseAreas: ['brakes'], yearsOfExperience: 3 }, { token: expert.token })).status).toBe(409)
    expect((await post(`/expert-verifications/${req.body.doc.id}/approve`, {}, { token: editor.token })).status).toBe(403)
    const ok = await post(`/expert-verifications/${req.body.doc.id}/approve`, {}, { token: admin.token })
    expect(ok.status).toBe(200)
    expect(ok.body.doc.status).toBe('approved')
    expect(await notificationsOf(expert.id, 'verification_status')).toHaveLength(1)
    // other users cannot read someone's verification
    expect((await get(`/expert-verifications/${req.body.doc.id}`, { token: asker.token })).status).toBe(404)

    const others = await createUsers(8)
    const results = await Promise.all([
      post('/forum-responses', { thread: t.id, body: 'Check the timing chain.', isExpert: false }, { token: expert.token }),
      ...others.map((o) => post('/forum-responses', { thread: t.id, body: 'Maybe the lifters.', isExpert: true, isAccepted: true }, { token: o.token })),
    ])
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201))
    expect(results[0].body.doc.isExpert).toBe(true)
    expect(results.slice(1).every((r) => r.body.doc.isExpert === false && r.body.doc.isAccepted === false)).toBe(true)
    const thread = (await get(`/forum-threads/${t.id}`)).body
    expect(thread.responsesCount).toBe(9)
    // A verified expert's answer is an expert_response; the others are forum_reply.
    const replies = await notificationsOf(asker.id, 'forum_reply')
    expect(replies).toHaveLength(8)
    expect(replies.every((n) => n.data.isExpert === false)).toBe(true)
    const expertReplies = await notificationsOf(asker.id, 'expert_response')
    expect(expertReplies).toHaveLength(1)
    expect(expertReplies[0].data.isExpert).toBe(true)
  })

  it('the thread author accepts an answer: it is marked and the thread resolved; others may not', async () => {
    const asker = await createUser()
    const a = await createUser()
    const b = await createUser()
    const t = await newThread(asker)
    const r1 = await post('/forum-responses', { thread: t.id, body: 'Answer one' }, { token: a.token })
    const r2 = await post('/forum-responses', { thread: t.id, body: 'Answer two' }, { token: b.token })
    expect((await post(`/forum-threads/${t.id}/accept`, { response: r1.body.doc.id }, { token: a.token })).status).toBe(403)
    expect((await post(`/forum-threads/${t.id}/accept`, {}, { token: asker.token })).status).toBe(400)
    const acc = await post(`/forum-threads/${t.id}/accept`, { response: r1.body.doc.id }, { token: asker.token })
    expect(acc.status).toBe(200)
    expect(acc.body.doc.status).toBe('resolved')
    expect((await get(`/forum-responses/${r1.body.doc.id}`)).body.isAccepted).toBe(true)
    // changing the accepted answer moves the mark
    await post(`/forum-threads/${t.id}/accept`, { response: r2.body.doc.id }, { token: asker.token })
    expect((await get(`/forum-responses/${r1.body.doc.id}`)).body.isAccepted).toBe(false)
    expect((await get(`/forum-responses/${r2.body.doc.id}`)).body.isAccepted).toBe(true)
    expect((await get(`/forum-threads/${t.id}`)).body.acceptedResponse.id ?? (await get(`/forum-threads/${t.id}`)).body.acceptedResponse).toBe(r2.body.doc.id)
    // a response from another thread cannot be accepted here
    const other = await newThread(b)
    const foreign = await post('/forum-responses', { thread: other.id, body: 'Elsewhere' }, { token: a.token })
    expect((await post(`/forum-threads/${t.id}/accept`, { response: foreign.body.doc.id }, { token: asker.token })).status).toBe(400)
    // closed threads take no new answers
    expect((await post(`/forum-threads/${t.id}/close`, {}, { token: asker.token })).status).toBe(200)
    expect((await post('/forum-responses', { thread: t.id, body: 'Too late' }, { token: b.token })).status).toBe(409)
    expect((await post(`/forum-threads/${t.id}/close`, {}, { token: asker.token })).status).toBe(409)
  })

  it('flags hide an answer after three users, and it leaves the count', async () => {
    const asker = await createUser()
    const a = await createUser()
    const t = await newThread(asker)
    const r = await post('/forum-responses', { thread: t.id, body: 'Buy my stuff at spam.example' }, { token: a.token })
    const flaggers = await Promise.all([createUser(), createUser(), createUser()])
    for (const f of flaggers) expect((await post(`/forum-responses/${r.body.doc.id}/flag`, { reason: 'spam' }, { token: f.token })).status).toBe(200)
    expect((await get(`/forum-responses/${r.body.doc.id}`)).status).toBe(404)
    expect((await get(`/forum-responses/${r.body.doc.id}`, { token: a.token })).body.status).toBe('hidden')
    expect((await get(`/forum-threads/${t.id}`)).body.responsesCount).toBe(0)
    // helpful votes on forum responses
    const r2 = await post('/forum-responses', { thread: t.id, body: 'Real answer' }, { token: a.token })
    await post('/votes', { target: { relationTo: 'forum-responses', value: r2.body.doc.id }, value: 'helpful' }, { token: asker.token })
    expect((await get(`/forum-responses/${r2.body.doc.id}`)).body.helpfulCount).toBe(1)
  })
})
