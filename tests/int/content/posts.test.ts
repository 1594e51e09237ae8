/**
 * Posts: scheduled publish/unpublish fired by the Jobs Queue, drafts invisible to the public (REST and GraphQL),
 * author privacy (names and avatars only, never emails), Arabic locale, reading time, slugs, author roles, SEO meta.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { get, gql, patch, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { makeImage, makePost, richText } from './fixtures'

let payload: Payload
let editor: TestUser
let buyer: TestUser

beforeAll(async () => {
  payload = await testPayload()
  const avatar = await makeImage()
  editor = await createUser({ roles: ['editor'], data: { firstName: 'Eddie', lastName: 'Writer', avatar } })
  buyer = await createUser({ roles: ['buyer'] })
})

const publicStatus = async (id: number) => (await get(`/posts/${id}`)).status

/** Runs the queue until `done()` holds or the deadline passes (the job becomes due when the clock reaches waitUntil). */
async function runJobsUntil(done: () => Promise<boolean>, deadlineMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + deadlineMs
  while (Date.now() < deadline) {
    await payload.jobs.run({ queue: 'default', limit: 50 })
    if (await done()) return true
    await new Promise((r) => setTimeout(r, 250)) // poll interval while waiting for the wall clock
  }
  return false
}

function schedule(id: number, type: 'publish' | 'unpublish', at: Date) {
  // Exactly what the admin's schedule drawer queues (schedulePublishHandler in @payloadcms/ui).
  return payload.jobs.queue({
    task: 'schedulePublish',
    waitUntil: at,
    input: { type, doc: { relationTo: 'posts', value: String(id) }, user: editor.id },
  } as never)
}

describe('scheduled publishing', () => {
  it('a post scheduled one minute ahead stays invisible; one due in seconds is published by the job runner', async () => {
    const later = await makePost(editor.id)
    await schedule(later.id, 'publish', new Date(Date.now() + 60_000))
    const soon = await makePost(editor.id)
    await schedule(soon.id, 'publish', new Date(Date.now() + 2_000))

    expect(await publicStatus(later.id)).toBe(404)
    expect(await publicStatus(soon.id)).toBe(404)
    const list = await get(`/posts?where[id][in]=${later.id},${soon.id}`)
    expect(list.body.docs).toEqual([])

    // The editor sees the pending schedule on the post.
    const asEditor = await get(`/posts/${later.id}?draft=true`, { token: editor.token })
    expect(asEditor.body.scheduled).toMatch(/^publish · \d{4}-/)
    expect((await get(`/posts/${later.id}`)).body.scheduled).toBeUndefined()

    const published = await runJobsUntil(async () => (await publicStatus(soon.id)) === 200)
    expect(published).toBe(true)
    const doc = (await get(`/posts/${soon.id}`)).body
    expect(doc._status).toBe('published')
    expect(doc.publishedAt).toBeTruthy()
    // The one-minute schedule has not fired: still a draft, its job still pending.
    expect(await publicStatus(later.id)).toBe(404)
    const pending = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { 'input.doc.value': { equals: String(later.id) } }, { completedAt: { exists: false } }] },
      overrideAccess: true,
    })
    expect(pending.totalDocs).toBe(1)
  })

  it('a scheduled unpublish takes a published post off the public API', async () => {
    const p = await makePost(editor.id, { status: 'published' })
    expect(await publicStatus(p.id)).toBe(200)
    await schedule(p.id, 'unpublish', new Date(Date.now() + 1_500))
    expect(await publicStatus(p.id)).toBe(200)
    expect(await runJobsUntil(async () => (await publicStatus(p.id)) === 404)).toBe(true)
    const asEditor = await get(`/posts/${p.id}`, { token: editor.token })
    expect(asEditor.status).toBe(200)
    expect(asEditor.body._status).toBe('draft')
  })
})

describe('drafts are not public', () => {
  it('REST: anonymous and buyers never see drafts (by id, list, draft=true, versions); editors do', async () => {
    const d = await makePost(editor.id)
    expect(await publicStatus(d.id)).toBe(404)
    expect((await get(`/posts/${d.id}?draft=true`)).status).toBe(404)
    expect((await get(`/posts/${d.id}`, { token: buyer.token })).status).toBe(404)
    const list = await get(`/posts?where[slug][equals]=${d.slug}&draft=true`, { token: buyer.token })
    expect(list.body.docs).toEqual([])
    const versions = await get(`/posts/versions?where[parent][equals]=${d.id}`, { token: buyer.token })
    expect(versions.status).toBe(403)
    expect((await get(`/posts/${d.id}`, { token: editor.token })).status).toBe(200)
  })

  it('GraphQL: drafts are absent for the public, present for editors', async () => {
    const d = await makePost(editor.id)
    const query = `query($slug: String) { Posts(where: { slug: { equals: $slug } }, draft: true) { docs { id title } } }`
    const anon = await gql(query, { slug: d.slug })
    expect(anon.body.data?.Posts.docs).toEqual([])
    const byId = await gql(`{ Post(id: ${d.id}) { id title } }`)
    expect(byId.body.data?.Post ?? null).toBeNull()
    const ed = await gql(query, { slug: d.slug }, { token: editor.token })
    expect(ed.body.data?.Posts.docs).toEqual([{ id: d.id, title: d.title }])
  })

  it('buyers cannot create or edit posts', async () => {
    const res = await post('/posts', { title: 'Nope', _status: 'published' }, { token: buyer.token })
    expect(res.status).toBe(403)
    const d = await makePost(editor.id, { status: 'published' })
    expect((await patch(`/posts/${d.id}`, { title: 'Hacked' }, { token: buyer.token })).status).toBe(403)
  })
})

describe('authors are public only by name and avatar', () => {
  it('REST depth 1 and 2 never contain emails; authors carry only id, name, avatar', async () => {
    const p = await makePost(editor.id, { status: 'published' })
    for (const depth of [1, 2]) {
      const res = await get(`/posts/${p.id}?depth=${depth}`)
      expect(res.status).toBe(200)
      const text = JSON.stringify(res.body)
      expect(text).not.toContain(editor.email)
      expect(text).not.toMatch(/"email"/)
      const [author] = res.body.authors
      expect(Object.keys(author).sort()).toEqual(['avatar', 'firstName', 'id', 'lastName'])
      expect(author.firstName).toBe('Eddie')
      if (depth === 2) expect(author.avatar.url).toMatch(/avatar-/)
      const list = await get(`/posts?where[id][equals]=${p.id}&depth=${depth}`)
      expect(JSON.stringify(list.body)).not.toContain(editor.email)
    }
  })

  it('staff have a public profile only while they author a published post', async () => {
    const writer = await createUser({ roles: ['editor'], data: { firstName: 'Wren' } })
    const draft = await makePost(writer.id)
    expect((await get(`/users/${writer.id}`)).status).toBe(404)
    expect((await get(`/users?where[id][equals]=${writer.id}`)).body.docs).toEqual([])
    await payload.update({ collection: 'posts', id: draft.id, overrideAccess: true, data: { _status: 'published' } as never })
    const res = await get(`/users/${writer.id}`)
    expect(res.status).toBe(200)
    expect(res.body.firstName).toBe('Wren')
    expect(JSON.stringify(res.body)).not.toContain(writer.email)
    await payload.update({ collection: 'posts', id: draft.id, overrideAccess: true, data: { _status: 'draft' } as never })
    expect((await get(`/users/${writer.id}`)).status).toBe(404)
  })

  it('GraphQL (asking for email, depth 1 and 2) never returns it', async () => {
    const p = await makePost(editor.id, { status: 'published' })
    const res = await gql(`{ Post(id: ${p.id}) { authors { id firstName lastName email avatar { url uploadedBy { email } } } } }`)
    expect(JSON.stringify(res.body)).not.toContain(editor.email)
    const author = res.body.data?.Post.authors[0]
    expect(author.firstName).toBe('Eddie')
    expect(author.email ?? null).toBeNull()
    const list = await gql(`{ Posts(where: { id: { equals: ${p.id} } }) { docs { authors { email firstName } } } }`)
    expect(list.body.data?.Posts.docs[0].authors[0].firstName).toBe('Eddie')
    expect(JSON.stringify(list.body)).not.toContain(editor.email)
  })

  it('only editors or admins can be authors', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const before = await payload.count({ collection: 'posts', overrideAccess: true })
    const res = await post('/posts', { title: 'By a seller', authors: [seller.id] }, { token: editor.token })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/authors/)
    expect((await payload.count({ collection: 'posts', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
    // Without authors, the creating editor is the author.
    const own = await post('/posts', { title: 'Own post' }, { token: editor.token })
    expect(own.status).toBe(201)
    expect(own.body.doc.authors.map((a: { id: number }) => a.id)).toEqual([editor.id])
  })
})

describe('localization, reading time, slugs, SEO', () => {
  it('the Arabic locale returns the Arabic title (REST and GraphQL)', async () => {
    const p = await makePost(editor.id, { status: 'published', title: 'Electric cars explained' })
    await payload.update({ collection: 'posts', id: p.id, locale: 'ar', overrideAccess: true, data: { title: 'شرح السيارات الكهربائية', _status: 'published' } as never })
    expect((await get(`/posts/${p.id}?locale=ar`)).body.title).toBe('شرح السيارات الكهربائية')
    expect((await get(`/posts/${p.id}`)).body.title).toBe('Electric cars explained')
    const g = await gql(`{ Post(id: ${p.id}) { title slug } }`, {}, { locale: 'ar' })
    expect(g.body.data?.Post.title).toBe('شرح السيارات الكهربائية')
    // The slug still follows the English title.
    expect(g.body.data?.Post.slug).toBe('electric-cars-explained')
  })

  it('reading time is computed from the content and cannot be set by the client', async () => {
    const words = Array.from({ length: 450 }, (_, i) => `word${i}`).join(' ')
    const res = await post('/posts', { title: 'Long read', content: richText(words, 'and a little more'), readingTime: 99 }, { token: editor.token })
    expect(res.status).toBe(201)
    expect(res.body.doc.readingTime).toBe(3)
    const upd = await patch(`/posts/${res.body.doc.id}`, { content: richText('short') }, { token: editor.token })
    expect(upd.body.doc.readingTime).toBe(1)
  })

  it('slugs come from the English title, are unique, and stay editable', async () => {
    const a = await post('/posts', { title: 'Best SUVs of 2025!' }, { token: editor.token })
    const b = await post('/posts', { title: 'Best SUVs of 2025' }, { token: editor.token })
    expect(a.body.doc.slug).toBe('best-suvs-of-2025')
    expect(b.body.doc.slug).toBe('best-suvs-of-2025-2')
    const edited = await patch(`/posts/${b.body.doc.id}`, { slug: 'Top SUVs 2025' }, { token: editor.token })
    expect(edited.body.doc.slug).toBe('top-suvs-2025')
    const dup = await patch(`/posts/${b.body.doc.id}`, { slug: 'best-suvs-of-2025' }, { token: editor.token })
    expect(dup.status).toBe(400)
  })

  it('SEO meta is generated when empty and kept when given', async () => {
    const p = await post('/posts', { title: 'Winter tyres', excerpt: 'When to switch and why.' }, { token: editor.token })
    expect(p.body.doc.meta).toMatchObject({ title: 'Winter tyres | AutoHub', description: 'When to switch and why.' })
    const q = await post('/posts', { title: 'X', meta: { title: 'Custom title' } }, { token: editor.token })
    expect(q.body.doc.meta.title).toBe('Custom title')
  })

  it('counters are read-only for clients', async () => {
    const p = await makePost(editor.id, { status: 'published' })
    const res = await patch(`/posts/${p.id}`, { viewsCount: 1000, commentsCount: 50 }, { token: editor.token })
    expect(res.status).toBe(200)
    expect(res.body.doc.viewsCount).toBe(0)
    expect(res.body.doc.commentsCount).toBe(0)
  })
})
