/**
 * Comments: guests moderated, replies threaded on the same target, commentsCount exact under concurrent
 * moderation, honeypot, per-IP rate limit, guest emails never public.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { del, get, gql, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { makePost } from './fixtures'

let payload: Payload
let editor: TestUser
let buyer: TestUser
let postId: number

let ipCounter = 0
const freshIp = () => ({ 'x-real-ip': `10.${process.pid % 250}.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}` })

const target = (id: number) => ({ relationTo: 'posts', value: id })
const guest = (id: number, extra: Record<string, unknown> = {}) => ({
  target: target(id),
  body: 'Great article!',
  guestName: 'Gina Guest',
  guestEmail: 'gina.guest@example.org',
  ...extra,
})

async function commentsCount(id: number): Promise<number> {
  const doc = await payload.findByID({ collection: 'posts', id, overrideAccess: true, depth: 0 })
  return (doc as { commentsCount: number }).commentsCount
}
async function approvedCount(id: number): Promise<number> {
  const res = await payload.count({
    collection: 'comments',
    overrideAccess: true,
    where: { and: [{ 'target.value': { equals: id } }, { 'target.relationTo': { equals: 'posts' } }, { status: { equals: 'approved' } }] },
  })
  return res.totalDocs
}
const totalComments = async () => (await payload.count({ collection: 'comments', overrideAccess: true })).totalDocs

beforeAll(async () => {
  payload = await testPayload()
  editor = await createUser({ roles: ['editor'] })
  buyer = await createUser({ roles: ['buyer'] })
  postId = (await makePost(editor.id, { status: 'published' })).id
})

describe('guest comments and moderation', () => {
  it('a guest comment is pending and invisible until approved; the guest email is never public', async () => {
    const res = await post('/comments', guest(postId, { status: 'approved' }), { headers: freshIp() })
    expect(res.status).toBe(201)
    const id = res.body.doc.id
    expect(res.body.doc.status).toBe('pending') // a guest cannot approve their own comment
    expect(res.body.doc.guestEmail).toBeUndefined()
    expect(res.body.doc.ip).toBeUndefined()

    expect((await get(`/comments/${id}`)).status).toBe(404)
    const list = await get(`/comments?where[target.value][equals]=${postId}`)
    expect(list.body.docs.map((c: { id: number }) => c.id)).not.toContain(id)
    expect(await commentsCount(postId)).toBe(0)

    const approved = await patch(`/comments/${id}`, { status: 'approved' }, { token: editor.token })
    expect(approved.status).toBe(200)
    const pub = await get(`/comments/${id}`)
    expect(pub.status).toBe(200)
    expect(pub.body.guestName).toBe('Gina Guest')
    expect(JSON.stringify(pub.body)).not.toContain('gina.guest@example.org')
    const g = await gql(`{ Comment(id: ${id}) { body guestName guestEmail ip } }`)
    expect(g.body.data?.Comment.guestName).toBe('Gina Guest')
    expect(g.body.data?.Comment.guestEmail ?? null).toBeNull()
    expect(JSON.stringify(g.body)).not.toContain('gina.guest@example.org')
    // Editors moderate and see it.
    expect((await get(`/comments/${id}`, { token: editor.token })).body.guestEmail).toBe('gina.guest@example.org')
    expect(await commentsCount(postId)).toBe(1)
  })

  it('guests must give name and email; bad input is a 400 naming the field and writes nothing', async () => {
    const before = await totalComments()
    const res = await post('/comments', { target: target(postId), body: 'hi', guestName: 'G' }, { headers: freshIp() })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/guestEmail/)
    const bad = await post('/comments', { target: { relationTo: 'posts', value: 999999 }, body: 'hi', guestName: 'G', guestEmail: 'g@x.io' }, { headers: freshIp() })
    expect(bad.status).toBe(400)
    expect(await totalComments()).toBe(before)
  })

  it('a filled honeypot is refused and nothing is stored', async () => {
    const before = await totalComments()
    const res = await post('/comments', guest(postId, { website: 'http://cheap-pills.example' }), { headers: freshIp() })
    expect(res.status).toBe(400)
    expect(await totalComments()).toBe(before)
  })

  it('drafts cannot be commented by the public', async () => {
    const draft = await makePost(editor.id)
    const res = await post('/comments', guest(draft.id), { headers: freshIp() })
    expect(res.status).toBe(400)
  })

  it('signed-in users see their own pending comment, others do not; the author is stamped', async () => {
    const res = await post('/comments', { target: target(postId), body: 'Mine', author: editor.id }, { token: buyer.token, headers: freshIp() })
    expect(res.status).toBe(201)
    expect(res.body.doc.author.id ?? res.body.doc.author).toBe(buyer.id)
    expect((await get(`/comments/${res.body.doc.id}`, { token: buyer.token })).status).toBe(200)
    const other = await createUser({ roles: ['buyer'] })
    expect((await get(`/comments/${res.body.doc.id}`, { token: other.token })).status).toBe(404)
    expect((await patch(`/comments/${res.body.doc.id}`, { status: 'approved' }, { token: buyer.token })).status).toBe(403)
  })

  it('with moderation off, new comments are approved at once', async () => {
    await payload.updateGlobal({ slug: 'platform-settings', data: { commentModeration: false } as never, overrideAccess: true })
    try {
      const p = await makePost(editor.id, { status: 'published' })
      const res = await post('/comments', guest(p.id), { headers: freshIp() })
      expect(res.body.doc.status).toBe('approved')
      expect(await commentsCount(p.id)).toBe(1)
    } finally {
      await payload.updateGlobal({ slug: 'platform-settings', data: { commentModeration: true } as never, overrideAccess: true })
    }
  })
})

describe('threads', () => {
  it('an approved reply appears under its parent; replies must stay on the parent target', async () => {
    const p = await makePost(editor.id, { status: 'published' })
    const parent = (await post('/comments', { target: target(p.id), body: 'Question?' }, { token: buyer.token, headers: freshIp() })).body.doc
    // Replies to a pending comment are refused for non-moderators.
    const early = await post('/comments', guest(p.id, { parent: parent.id, body: 'Answer' }), { headers: freshIp() })
    expect(early.status).toBe(400)
    await patch(`/comments/${parent.id}`, { status: 'approved' }, { token: editor.token })

    const reply = await post('/comments', guest(p.id, { parent: parent.id, body: 'Answer' }), { headers: freshIp() })
    expect(reply.status).toBe(201)
    const wrong = await post('/comments', guest(postId, { parent: parent.id, body: 'Elsewhere' }), { headers: freshIp() })
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(wrong.body)).toMatch(/parent/)

    const replies = () => get(`/comments?where[parent][equals]=${parent.id}&depth=0`)
    expect((await replies()).body.docs).toEqual([])
    await patch(`/comments/${reply.body.doc.id}`, { status: 'approved' }, { token: editor.token })
    const after = (await replies()).body.docs
    expect(after.map((c: { id: number; body: string; parent: number }) => [c.id, c.body, c.parent])).toEqual([[reply.body.doc.id, 'Answer', parent.id]])
    expect(await commentsCount(p.id)).toBe(2)
  })
})

describe('commentsCount', () => {
  it('stays exact under concurrent approvals, rejection, spam, deletion and re-approval', async () => {
    const p = await makePost(editor.id, { status: 'published' })
    const ids: number[] = []
    for (let i = 0; i < 8; i++) {
      const res = await post('/comments', guest(p.id, { body: `c${i}` }), { headers: freshIp() })
      ids.push(res.body.doc.id)
    }
    expect(await commentsCount(p.id)).toBe(0)

    const results = await Promise.all(ids.map((id) => patch(`/comments/${id}`, { status: 'approved' }, { token: editor.token })))
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200))
    expect(await commentsCount(p.id)).toBe(8)
    // Approving an already approved comment changes nothing.
    await Promise.all(ids.slice(0, 3).map((id) => patch(`/comments/${id}`, { status: 'approved', body: 'edited' }, { token: editor.token })))
    expect(await commentsCount(p.id)).toBe(8)

    await Promise.all([
      patch(`/comments/${ids[0]}`, { status: 'rejected' }, { token: editor.token }),
      patch(`/comments/${ids[1]}`, { status: 'spam' }, { token: editor.token }),
      del(`/comments/${ids[2]}`, { token: editor.token }),
    ])
    expect(await commentsCount(p.id)).toBe(5)
    await del(`/comments/${ids[0]}`, { token: editor.token }) // already not counted
    expect(await commentsCount(p.id)).toBe(5)
    await patch(`/comments/${ids[1]}`, { status: 'approved' }, { token: editor.token })
    expect(await commentsCount(p.id)).toBe(6)
    expect(await approvedCount(p.id)).toBe(6)

    // An editor saving the post (with a stale or forged count) does not overwrite it.
    const saved = await patch(`/posts/${p.id}`, { title: 'Renamed', commentsCount: 0 }, { token: editor.token })
    expect(saved.body.doc.commentsCount).toBe(6)
    expect((await get(`/posts/${p.id}`)).body.commentsCount).toBe(6)
  })
})

describe('rate limit', () => {
  it('at most COMMENT_RATE_LIMIT (5) comments per IP per minute, even when sent at once', async () => {
    const p = await makePost(editor.id, { status: 'published' })
    const headers = { 'x-real-ip': `192.0.2.${process.pid % 200}` }
    const before = await totalComments()
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => post('/comments', guest(p.id, { body: `burst ${i}` }), { headers })))
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(5)
    expect(statuses.filter((s) => s === 429)).toHaveLength(3)
    expect(await totalComments()).toBe(before + 5)
    // Another address is not affected.
    expect((await post('/comments', guest(p.id), { headers: freshIp() })).status).toBe(201)
  })
})

describe('nightly recount', () => {
  it('content-recount-comments repairs a commentsCount edited by hand, through the jobs queue', async () => {
    const p = await makePost(editor.id, { status: 'published' })
    const c = await post('/comments', guest(p.id), { headers: freshIp() })
    await patch(`/comments/${c.body.doc.id}`, { status: 'approved' }, { token: editor.token })
    expect(await commentsCount(p.id)).toBe(1)

    const { sql } = await import('@payloadcms/db-postgres')
    await (payload.db as any).drizzle.execute(sql`update posts set comments_count = 40 where id = ${p.id}`)
    expect(await commentsCount(p.id)).toBe(40)
    await payload.jobs.queue({ task: 'content-recount-comments', input: {} } as never)
    await payload.jobs.run({ queue: 'default' })
    expect(await commentsCount(p.id)).toBe(1)
    expect(await commentsCount(postId)).toBe(await approvedCount(postId))
  })
})
