/**
 * `GET /api/sitemap.xml` — published posts, active cars and active parts (slug + updatedAt selected in SQL,
 * newest first, at most SITEMAP_LIMIT per kind). Cars/parts are included once their collections carry
 * `slug` and `status` columns.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { buildSitemap, type SitemapEntry } from '@/domain/content'

import { publicBaseUrl } from './urls'

export const SITEMAP_LIMIT = 5000

interface Source {
  table: string
  where: string
  path: string
  changefreq: SitemapEntry['changefreq']
  priority: number
}

const SOURCES: Source[] = [
  { table: 'posts', where: `"_status" = 'published'`, path: 'posts', changefreq: 'weekly', priority: 0.7 },
  { table: 'cars', where: `"status" = 'active'`, path: 'cars', changefreq: 'daily', priority: 0.8 },
  { table: 'parts', where: `"status" = 'active'`, path: 'parts', changefreq: 'daily', priority: 0.6 },
]

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = { execute: (q: any) => Promise<{ rows: any[] }> }

async function hasColumns(db: Db, table: string, columns: string[]): Promise<boolean> {
  const res = await db.execute(
    sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`,
  )
  const have = new Set(res.rows.map((r: { column_name: string }) => r.column_name))
  return columns.every((c) => have.has(c))
}

export async function sitemapEntries(req: PayloadRequest, limit = SITEMAP_LIMIT): Promise<SitemapEntry[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = (req.payload.db as any).drizzle as Db
  const entries: SitemapEntry[] = [{ path: '/', changefreq: 'daily', priority: 1 }]
  for (const s of SOURCES) {
    const statusColumn = s.table === 'posts' ? '_status' : 'status'
    if (!(await hasColumns(db, s.table, ['slug', 'updated_at', statusColumn]))) continue
    const res = await db.execute(
      sql.raw(
        `select slug, updated_at from "${s.table}" where ${s.where} and slug is not null and slug <> '' order by updated_at desc limit ${Math.max(1, Math.min(limit, 50_000))}`,
      ),
    )
    for (const row of res.rows as { slug: string; updated_at: string | Date }[]) {
      entries.push({ path: `${s.path}/${encodeURIComponent(row.slug)}`, updatedAt: row.updated_at, changefreq: s.changefreq, priority: s.priority })
    }
  }
  return entries
}

export const sitemapEndpoint: Endpoint = {
  path: '/sitemap.xml',
  method: 'get',
  handler: async (req) =>
    new Response(buildSitemap(publicBaseUrl(), await sitemapEntries(req)), {
      status: 200,
      headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=600' },
    }),
}
