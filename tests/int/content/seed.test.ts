/**
 * The content seed: runs on a fresh database (the demo template is `seedAll` on one, tests/helpers/payload.ts), is
 * idempotent, and produces what the home page and blog need.
 */
import { describe, expect, it } from 'vitest'

import { seedContent } from '../../../seed/content'
import { get } from '../../helpers/api'
import { demoPayload } from '../../helpers/payload'

describe('content seed', () => {
  it('creates published bilingual posts, a scheduled one, approved comments, testimonials and partners', async () => {
    const payload = await demoPayload()
    await seedContent(payload) // idempotent: a second run adds nothing

    const pub = await get('/posts?limit=50&depth=0')
    expect(pub.body.totalDocs).toBe(12)
    expect(pub.body.docs.every((d: { readingTime: number; slug: string }) => d.readingTime >= 1 && d.slug)).toBe(true)
    const ar = await get(`/posts/${pub.body.docs[0].id}?locale=ar`)
    expect(ar.body.title).toMatch(/[\u0600-\u06FF]/)

    const all = await payload.count({ collection: 'posts', overrideAccess: true })
    expect(all.totalDocs).toBe(13)
    const jobs = await payload.count({ collection: 'payload-jobs', overrideAccess: true, where: { taskSlug: { equals: 'schedulePublish' } } })
    expect(jobs.totalDocs).toBe(1)

    const comments = await get('/comments?limit=100&depth=0')
    expect(comments.body.totalDocs).toBe(18)
    const counted = pub.body.docs.reduce((s: number, d: { commentsCount: number }) => s + d.commentsCount, 0)
    expect(counted).toBe(18)

    expect((await get('/testimonials')).body.totalDocs).toBe(4)
    expect((await get('/partners')).body.totalDocs).toBe(4)
    expect((await get('/categories?locale=ar')).body.docs.map((c: { name: string }) => c.name)).toContain('الصيانة')
    expect((await get('/tags')).body.totalDocs).toBe(8)
  })
})
