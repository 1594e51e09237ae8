/**
 * `GET /api/posts/feed.xml` — RSS 2.0 of the latest 50 published posts (`?locale=ar` for Arabic titles).
 * Reads through access control as the public, so drafts can never leak into the feed.
 */
import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { buildRss, displayName, type FeedItem } from '@/domain/content'
import { defineEndpoint } from '@/http/define-endpoint'
import { searchParams } from '@/lib/http'

import { publicBaseUrl } from './urls'

export const FEED_LIMIT = 50

type FeedLocale = 'en' | 'ar'

/** `?locale=ar` selects Arabic; anything else is English. */
const feedQuery = z.object({
  locale: z
    .unknown()
    .optional()
    .transform((v): FeedLocale => (v === 'ar' ? 'ar' : 'en')),
})

export async function renderFeed(req: PayloadRequest, locale: FeedLocale = searchParams(req).get('locale') === 'ar' ? 'ar' : 'en'): Promise<string> {
  const res = await req.payload.find({
    collection: 'posts',
    where: { _status: { equals: 'published' } },
    sort: '-publishedAt',
    limit: FEED_LIMIT,
    depth: 1,
    locale,
    overrideAccess: false,
    user: null,
    select: { title: true, slug: true, excerpt: true, publishedAt: true, authors: true, categories: true },
    populate: { users: { firstName: true, lastName: true }, categories: { name: true } },
  })
  const items: FeedItem[] = res.docs.map((d) => ({
    title: String(d.title ?? ''),
    slug: String(d.slug ?? d.id),
    excerpt: d.excerpt ?? null,
    publishedAt: d.publishedAt ?? null,
    authors: (d.authors ?? []).map(displayName).filter(Boolean),
    categories: (d.categories ?? []).map((c) => (c && typeof c === 'object' ? String(c.name ?? '') : '')).filter(Boolean),
  }))
  const site = publicBaseUrl()
  return buildRss(
    {
      title: locale === 'ar' ? 'مدونة AutoHub' : 'AutoHub blog',
      siteUrl: site,
      feedUrl: `${site.replace(/\/+$/, '')}/api/posts/feed.xml${locale === 'ar' ? '?locale=ar' : ''}`,
      description: locale === 'ar' ? 'أحدث المقالات من AutoHub' : 'The latest articles from AutoHub',
      language: locale,
    },
    items,
  )
}

export const feedEndpoint = defineEndpoint({
  method: 'get',
  path: '/feed.xml',
  summary: 'RSS 2.0 of the latest published posts (`?locale=ar` for Arabic).',
  auth: 'public',
  query: feedQuery,
  run: async ({ req, query }) =>
    new Response(await renderFeed(req, query.locale), {
      status: 200,
      headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
    }),
})
