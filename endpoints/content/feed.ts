/**
 * `GET /api/posts/feed.xml` — RSS 2.0 of the latest 50 published posts (`?locale=ar` for Arabic titles).
 * Reads through access control as the public, so drafts can never leak into the feed.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { buildRss, displayName, type FeedItem } from '@/domain/content'
import { searchParams } from '@/lib/http'

import { publicBaseUrl } from './urls'

export const FEED_LIMIT = 50

export async function renderFeed(req: PayloadRequest): Promise<string> {
  const params = searchParams(req)
  const locale = params.get('locale') === 'ar' ? 'ar' : 'en'
  const res = await req.payload.find({
    collection: 'posts',
    where: { _status: { equals: 'published' } },
    sort: '-publishedAt',
    limit: FEED_LIMIT,
    depth: 1,
    locale,
    overrideAccess: false,
    user: null,
    select: { title: true, slug: true, excerpt: true, publishedAt: true, authors: true, categories: true } as never,
    populate: { users: { firstName: true, lastName: true }, categories: { name: true } } as never,
  })
  const items: FeedItem[] = (res.docs as Record<string, unknown>[]).map((d) => ({
    title: String(d.title ?? ''),
    slug: String(d.slug ?? d.id),
    excerpt: (d.excerpt as string) ?? null,
    publishedAt: (d.publishedAt as string) ?? null,
    authors: ((d.authors as unknown[]) ?? []).map(displayName).filter(Boolean),
    categories: ((d.categories as { name?: string }[]) ?? []).map((c) => (c && typeof c === 'object' ? String(c.name ?? '') : '')).filter(Boolean),
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

export const feedEndpoint: Endpoint = {
  path: '/feed.xml',
  method: 'get',
  handler: async (req) =>
    new Response(await renderFeed(req), {
      status: 200,
      headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
    }),
}
