/**
 * Sitemap and RSS: well-formed XML (parsed), the right content types, only public items; plus the home-page
 * collections (testimonials, partners) showing only active items by order.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { api, get } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { makePost } from './fixtures'
import { childrenNamed, childText, parseXml } from './xml'

let payload: Payload
let editor: TestUser
let published: { id: number; slug: string; title: string }[]
let draft: { id: number; slug: string; title: string }

beforeAll(async () => {
  payload = await testPayload()
  editor = await createUser({ roles: ['editor'], data: { firstName: 'Feed', lastName: 'Writer' } })
  published = []
  for (const title of ['Tyres & brakes <2025>', 'Hybrid or electric?', 'Loan basics']) {
    published.push(await makePost(editor.id, { status: 'published', title }))
  }
  draft = await makePost(editor.id, { title: 'Secret draft' })
  await payload.update({ collection: 'posts', id: published[1].id, locale: 'ar', overrideAccess: true, data: { title: 'هجين أم كهربائي؟', _status: 'published' } as never })
})

describe('RSS feed', () => {
  it('is well-formed RSS 2.0 with only published posts, newest first, names not emails', async () => {
    const res = await api('GET', '/posts/feed.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/rss\+xml/)
    const rss = parseXml(res.body as string)
    expect(rss.name).toBe('rss')
    expect(rss.attrs.version).toBe('2.0')
    const items = childrenNamed(childrenNamed(rss, 'channel')[0], 'item')
    const titles = items.map((i) => childText(i, 'title'))
    expect(titles.slice().sort()).toEqual(published.map((p) => p.title).sort())
    expect(titles).not.toContain('Secret draft')
    expect(items.every((i) => childText(i, 'link').endsWith(`/posts/${published.find((p) => p.title === childText(i, 'title'))!.slug}`))).toBe(true)
    const dates = items.map((i) => Date.parse(childText(i, 'pubDate')))
    expect(dates.every((d) => Number.isFinite(d))).toBe(true)
    expect(dates).toEqual(dates.slice().sort((a, b) => b - a))
    expect(childText(items[0], 'dc:creator')).toBe('Feed Writer')
    expect(res.body as string).not.toContain(editor.email)
  })

  it('?locale=ar lists Arabic titles', async () => {
    const res = await api('GET', '/posts/feed.xml?locale=ar')
    const rss = parseXml(res.body as string)
    const titles = childrenNamed(childrenNamed(rss, 'channel')[0], 'item').map((i) => childText(i, 'title'))
    expect(titles).toContain('هجين أم كهربائي؟')
    expect(childText(childrenNamed(rss, 'channel')[0], 'language')).toBe('ar')
  })
})

describe('sitemap', () => {
  it('is a well-formed urlset listing published posts and not drafts', async () => {
    const res = await api('GET', '/sitemap.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/)
    const root = parseXml(res.body as string)
    expect(root.name).toBe('urlset')
    expect(root.attrs.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    const locs = childrenNamed(root, 'url').map((u) => childText(u, 'loc'))
    for (const p of published) expect(locs.some((l) => l.endsWith(`/posts/${p.slug}`))).toBe(true)
    expect(locs.some((l) => l.endsWith(`/posts/${draft.slug}`))).toBe(false)
    for (const u of childrenNamed(root, 'url').filter((x) => childText(x, 'loc').includes('/posts/'))) {
      expect(Number.isFinite(Date.parse(childText(u, 'lastmod')))).toBe(true)
    }
  })
})

describe('home page collections', () => {
  it('testimonials and partners: the public sees only active ones, by order; quotes are localized', async () => {
    const mk = (collection: 'testimonials' | 'partners', data: Record<string, unknown>) => payload.create({ collection, overrideAccess: true, data: data as never })
    const t2 = await mk('testimonials', { name: 'B', quote: 'Second', rating: 4, order: 2 })
    await mk('testimonials', { name: 'Hidden', quote: 'x', order: 0, active: false })
    const t1 = await mk('testimonials', { name: 'A', quote: 'First', rating: 5, order: 1 })
    await payload.update({ collection: 'testimonials', id: t1.id, locale: 'ar', overrideAccess: true, data: { quote: 'الأول' } as never })
    const list = await get('/testimonials')
    expect(list.body.docs.map((d: { id: number }) => d.id)).toEqual([t1.id, t2.id])
    expect((await get('/testimonials?locale=ar')).body.docs[0].quote).toBe('الأول')

    const p1 = await mk('partners', { name: 'P1', link: 'https://p1.example', order: 5 })
    await mk('partners', { name: 'Off', order: 1, active: false })
    const p0 = await mk('partners', { name: 'P0', order: 3 })
    expect((await get('/partners')).body.docs.map((d: { id: number }) => d.id)).toEqual([p0.id, p1.id])
    expect((await get('/partners', { token: editor.token })).body.docs).toHaveLength(3)
    const bad = await api('POST', '/partners', { token: editor.token, body: { name: 'Bad', link: 'javascript:alert(1)' } })
    expect(bad.status).toBe(400)
  })
})
