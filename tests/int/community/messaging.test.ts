import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { get, gql, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'

let payload: Payload
let seller: TestUser
let buyer: TestUser
let stranger: TestUser
let admin: TestUser

/** A listing with a seller: a car when the catalog's collection has a seller field, else a part. */
async function listing(): Promise<{ relationTo: 'cars' | 'parts'; value: number }> {
  for (const slug of ['cars', 'parts'] as const) {
    const fields: any[] = (payload.collections as any)[slug]?.config.flattenedFields ?? []
    if (!fields.some((f: any) => f.name === 'seller')) continue
    const required = Object.fromEntries(fields.filter((f: any) => f.required && !['seller'].includes(f.name)).map((f: any) => [f.name, f]))
    const data: Record<string, unknown> = { seller: seller.id, title: `Listing ${Math.random()}`, status: 'active' }
    for (const [name, f] of Object.entries<any>(required)) {
      if (name in data) continue
      if (f.type === 'number') data[name] = 1000
      else if (f.type === 'text' || f.type === 'textarea') data[name] = `${name}-${Math.random().toString(36).slice(2, 8)}`
      else if (f.type === 'select') data[name] = f.options[0].value ?? f.options[0]
    }
    const doc = await payload.create({ collection: slug as never, data: data as never, overrideAccess: true, context: { seed: true } }).catch(() => null)
    if (doc) return { relationTo: slug, value: (doc as any).id }
  }
  throw new Error('no listing collection with a seller yet')
}

beforeAll(async () => {
  payload = await testPayload()
  ;[seller, buyer, stranger, admin] = await Promise.all([createUser({ roles: ['seller'] }), createUser(), createUser(), createUser({ roles: ['admin'] })])
})

describe('conversations', () => {
  it('only participants read a conversation and its messages; others get 404 and never see it in lists', async () => {
    const c = await post('/conversations', { participants: [buyer.id, seller.id], subject: 'Hello' }, { token: buyer.token })
    expect(c.status).toBe(201)
    const id = c.body.doc.id
    const m = await post(`/conversations/${id}/messages`, { body: 'Is it still available?' }, { token: buyer.token })
    expect(m.status).toBe(201)

    expect((await get(`/conversations/${id}`, { token: stranger.token })).status).toBe(404)
    expect((await get(`/conversations/${id}`)).status).toBe(403)
    expect((await get('/conversations', { token: stranger.token })).body.docs).toEqual([])
    expect((await get(`/messages/${m.body.doc.id}`, { token: stranger.token })).status).toBe(404)
    expect((await get('/messages', { token: stranger.token })).body.docs).toEqual([])
    expect((await post(`/conversations/${id}/messages`, { body: 'let me in' }, { token: stranger.token })).status).toBe(404)
    expect((await post(`/conversations/${id}/read`, {}, { token: stranger.token })).status).toBe(404)
    const gql = await post('/graphql', { query: `{ Conversations { docs { id } } }` }, { token: stranger.token })
    expect(JSON.stringify(gql.body)).not.toContain(`"id":${id}`)

    expect((await get(`/conversations/${id}`, { token: seller.token })).status).toBe(200)
    expect((await get('/conversations', { token: seller.token })).body.docs.map((d: any) => d.id)).toContain(id)
    expect((await get(`/conversations/${id}`, { token: admin.token })).status).toBe(200)
  })

  it('a conversation has exactly two participants and includes the creator', async () => {
    expect((await post('/conversations', { participants: [buyer.id] }, { token: buyer.token })).status).toBe(400)
    expect((await post('/conversations', { participants: [buyer.id, buyer.id] }, { token: buyer.token })).status).toBe(400)
    expect((await post('/conversations', { participants: [seller.id, stranger.id] }, { token: buyer.token })).status).toBe(403)
    expect((await post('/conversations', { participants: [buyer.id, seller.id, stranger.id] }, { token: buyer.token })).status).toBe(400)
  })

  it('keeps unread counts per participant exact, also under concurrent messages', async () => {
    const c = await post('/conversations', { participants: [buyer.id, seller.id] }, { token: buyer.token })
    const id = c.body.doc.id
    await Promise.all(Array.from({ length: 12 }, (_, i) => post(`/conversations/${id}/messages`, { body: `msg ${i}` }, { token: buyer.token })))
    await post(`/conversations/${id}/messages`, { body: 'reply' }, { token: seller.token })
    const asSeller = (await get(`/conversations/${id}`, { token: seller.token })).body
    const asBuyer = (await get(`/conversations/${id}`, { token: buyer.token })).body
    expect(asSeller.unreadCount).toBe(12)
    expect(asBuyer.unreadCount).toBe(1)
    expect(asSeller.lastMessagePreview).toBe('reply')
    const read = await post(`/conversations/${id}/read`, {}, { token: seller.token })
    expect(read.body).toMatchObject({ marked: 12, unread: 0 })
    expect((await get(`/conversations/${id}`, { token: seller.token })).body.unreadCount).toBe(0)
    expect((await get(`/conversations/${id}`, { token: buyer.token })).body.unreadCount).toBe(1)
    const msgs = await get(`/messages?where[conversation][equals]=${id}&limit=50`, { token: seller.token })
    expect(msgs.body.docs.filter((d: any) => (d.sender.id ?? d.sender) === buyer.id).every((d: any) => d.readAt)).toBe(true)
    // the seller was notified of each new message
    const notes = await payload.count({ collection: 'notifications', where: { user: { equals: seller.id }, type: { equals: 'new_message' } }, overrideAccess: true })
    expect(notes.totalDocs).toBeGreaterThanOrEqual(13)
  })

  it('empty message bodies are a 400 and write nothing', async () => {
    const c = await post('/conversations', { participants: [buyer.id, seller.id] }, { token: buyer.token })
    const before = (await payload.count({ collection: 'messages' as never, overrideAccess: true })).totalDocs
    const res = await post(`/conversations/${c.body.doc.id}/messages`, { body: '   ' }, { token: buyer.token })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('body')
    expect((await payload.count({ collection: 'messages' as never, overrideAccess: true })).totalDocs).toBe(before)
  })
})

describe('contact-seller', () => {
  it('opens a conversation with the seller, then reuses it (also when sent concurrently)', async () => {
    const l = await listing()
    const b = await createUser()
    const first = await post('/contact-seller', { listing: l, message: 'Hi, is the price negotiable?' }, { token: b.token })
    expect(first.status).toBe(201)
    expect(first.body.reused).toBe(false)
    const convId = first.body.conversation.id
    const again = await post('/contact-seller', { listing: l, message: 'Still there?' }, { token: b.token })
    expect(again.status).toBe(200)
    expect(again.body.reused).toBe(true)
    expect(again.body.conversation.id).toBe(convId)
    const racing = await Promise.all([1, 2, 3].map((i) => post('/contact-seller', { listing: l, message: `ping ${i}` }, { token: b.token })))
    expect(racing.every((r) => r.body.conversation?.id === convId)).toBe(true)
    const convs = await payload.count({ collection: 'conversations' as never, where: { initiator: { equals: b.id } }, overrideAccess: true })
    expect(convs.totalDocs).toBe(1)
    const seen = (await get(`/conversations/${convId}`, { token: seller.token })).body
    expect(seen.unreadCount).toBe(5)
    expect(seen.listing.relationTo).toBe(l.relationTo)
    const notes = await payload.count({
      collection: 'notifications',
      where: { user: { equals: seller.id }, type: { equals: 'new_message' }, 'data.conversation': { equals: convId } } as never,
      overrideAccess: true,
    })
    expect(notes.totalDocs).toBe(5)
  })

  it('validates input and refuses contacting yourself', async () => {
    const l = await listing()
    const bad = await post('/contact-seller', { listing: { relationTo: 'posts', value: 1 }, message: '' }, { token: buyer.token })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('listing.relationTo')
    expect(JSON.stringify(bad.body)).toContain('message')
    expect((await post('/contact-seller', { listing: { relationTo: l.relationTo, value: 999999 }, message: 'hello' }, { token: buyer.token })).status).toBe(404)
    expect((await post('/contact-seller', { listing: l, message: 'hello' }, { token: seller.token })).status).toBe(400)
    expect((await post('/contact-seller', { listing: l, message: 'hello' })).status).toBe(401)
  })
})

describe('contact form', () => {
  it('stores valid submissions, drops honeypot hits, rate limits per IP, and only admins read them', async () => {
    const headers = { 'x-real-ip': '203.0.113.7' }
    const body = { name: 'Guest', email: 'guest@example.com', subject: 'Question', message: 'Do you ship abroad?' }
    const ok = await post('/contact-submissions', body, { headers })
    expect(ok.status).toBe(201)
    const honey = await post('/contact-submissions', { ...body, website: 'http://spam' }, { headers })
    expect(honey.status).toBe(201)
    expect((await payload.count({ collection: 'contact-submissions' as never, overrideAccess: true })).totalDocs).toBe(1)
    const bad = await post('/contact-submissions', { name: 'x', email: 'nope', message: 'hello there' }, { headers: { 'x-real-ip': '203.0.113.8' } })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('email')
    const more = await Promise.all(Array.from({ length: 6 }, () => post('/contact-submissions', body, { headers })))
    expect(more.filter((r) => r.status === 201)).toHaveLength(4)
    expect(more.filter((r) => r.status === 429)).toHaveLength(2)
    expect((await payload.count({ collection: 'contact-submissions' as never, overrideAccess: true })).totalDocs).toBe(5)
    expect((await get('/contact-submissions', { token: buyer.token })).status).toBe(403)
    expect((await get('/contact-submissions', { token: admin.token })).body.totalDocs).toBe(5)
  })

  it('GraphQL cannot go around the form: its built-in create is the admins’ (no rate limit, honeypot or stamped IP there)', async () => {
    const before = (await payload.count({ collection: 'contact-submissions' as never, overrideAccess: true })).totalDocs
    const create = `mutation { createContactSubmission(data: { name: "Bot", email: "bot@example.com", message: "spam spam", ip: "10.9.9.9", status: handled }) { id } }`
    for (const token of [undefined, buyer.token]) {
      const res = await gql(create, {}, { token })
      expect(res.body.errors?.[0]?.extensions?.statusCode, JSON.stringify(res.body)).toBe(403)
    }
    expect((await payload.count({ collection: 'contact-submissions' as never, overrideAccess: true })).totalDocs).toBe(before)
    const byAdmin = await gql(create, {}, { token: admin.token })
    expect(byAdmin.body.errors, JSON.stringify(byAdmin.body)).toBeUndefined()
  })
})
