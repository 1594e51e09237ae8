/**
 * `GET /api/sitemap.xml` — published posts, active cars and active parts (slug + updatedAt selected in SQL,
 * newest first, at most SITEMAP_LIMIT per kind).
 */
import type { PayloadRequest } from 'payload'

import { publicSlugs, type SitemapSource } from '@/db/content'
import { txOf } from '@/db/transaction'
import { buildSitemap, type SitemapEntry } from '@/domain/content'
import { defineEndpoint } from '@/http/define-endpoint'

import { publicBaseUrl } from './urls'

export const SITEMAP_LIMIT = 5000

const SOURCES: { source: SitemapSource; changefreq: SitemapEntry['changefreq']; priority: number }[] = [
  { source: 'posts', changefreq: 'weekly', priority: 0.7 },
  { source: 'cars', changefreq: 'daily', priority: 0.8 },
  { source: 'parts', changefreq: 'daily', priority: 0.6 },
]

export async function sitemapEntries(req: PayloadRequest, limit = SITEMAP_LIMIT): Promise<SitemapEntry[]> {
  const entries: SitemapEntry[] = [{ path: '/', changefreq: 'daily', priority: 1 }]
  const tx = await txOf(req)
  for (const s of SOURCES) {
    for (const row of await publicSlugs(tx, s.source, limit)) {
      entries.push({ path: `${s.source}/${encodeURIComponent(row.slug)}`, updatedAt: row.updatedAt, changefreq: s.changefreq, priority: s.priority })
    }
  }
  return entries
}

export const sitemapEndpoint = defineEndpoint({
  method: 'get',
  path: '/sitemap.xml',
  summary: 'XML sitemap: published posts, active cars and active parts.',
  auth: 'public',
  run: async ({ req }) =>
    new Response(buildSitemap(publicBaseUrl(), await sitemapEntries(req)), {
      status: 200,
      headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=600' },
    }),
})
