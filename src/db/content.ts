/** SQL of the content domain: the sitemap's slug lists, post counters, the comment rate limit. */
import type { Payload } from 'payload'

import { readRows } from '@/db/read-batch'
import { dbOf, sql, type Tx } from '@/db/transaction'

/** The Drizzle handle outside a request (jobs). */
const drizzleOf = dbOf

export interface SlugRow {
  slug: string
  updatedAt: string | Date
}

/** Published posts, active cars and active parts: slug + updatedAt, newest first. */
export type SitemapSource = 'posts' | 'cars' | 'parts'

const SITEMAP_QUERIES: Record<SitemapSource, (limit: number) => ReturnType<typeof sql>> = {
  posts: (limit) => sql`select slug, updated_at from posts where _status = 'published' and slug is not null and slug <> '' order by updated_at desc limit ${limit}`,
  cars: (limit) => sql`select slug, updated_at from cars where status = 'active' and slug is not null and slug <> '' order by updated_at desc limit ${limit}`,
  parts: (limit) => sql`select slug, updated_at from parts where status = 'active' and slug is not null and slug <> '' order by updated_at desc limit ${limit}`,
}

/** The public slugs of one sitemap source (at most `limit`, clamped to 1…50 000). */
export async function publicSlugs(tx: Tx, source: SitemapSource, limit: number): Promise<SlugRow[]> {
  const res = await tx.execute(SITEMAP_QUERIES[source](Math.max(1, Math.min(Math.trunc(limit), 50_000))))
  return (res.rows as { slug: string; updated_at: string | Date }[]).map((r) => ({ slug: r.slug, updatedAt: r.updated_at }))
}

/** Sets posts.comments_count to the number of approved comments where it differs; returns the rows fixed. */
export async function recountPostComments(payload: Payload): Promise<number> {
  const res = await drizzleOf(payload).execute(sql`
    with counts as (
      select r.posts_id as post_id, count(*)::int as n
      from comments c join comments_rels r on r.parent_id = c.id and r.path = 'target' and r.posts_id is not null
      where c.status = 'approved'
      group by r.posts_id
    )
    update posts p set comments_count = coalesce(counts.n, 0)
    from posts p2 left join counts on counts.post_id = p2.id
    where p.id = p2.id and coalesce(p.comments_count, 0) <> coalesce(counts.n, 0)
    returning p.id`)
  return (res.rows ?? []).length
}

/** Moves posts.commentsCount (and the latest version row, so the admin shows it) by `delta`, atomically. */
export async function bumpPostCommentsCount(tx: Tx, postId: number, delta: number): Promise<void> {
  await tx.execute(sql`update posts set comments_count = greatest(coalesce(comments_count, 0) + ${delta}, 0) where id = ${postId}`)
  await tx.execute(sql`update _posts_v set version_comments_count = greatest(coalesce(version_comments_count, 0) + ${delta}, 0) where parent_id = ${postId} and latest = true`)
}

/** Locks a post row and reads its server-owned counters; null when it does not exist. */
export async function lockPostCounters(tx: Tx, postId: number): Promise<{ viewsCount: number; commentsCount: number } | null> {
  const res = await tx.execute(sql`select views_count, comments_count from posts where id = ${postId} for update`)
  const row = res.rows[0] as { views_count: number | null; comments_count: number | null } | undefined
  return row ? { viewsCount: row.views_count ?? 0, commentsCount: row.comments_count ?? 0 } : null
}

/** Comments posted from one IP (`unknown` for none) in the last minute. */
export async function commentsFromIpLastMinute(tx: Tx, ip: string): Promise<number> {
  const res = await tx.execute(sql`select count(*)::int as n from comments where coalesce(ip, 'unknown') = ${ip} and created_at > now() - interval '1 minute'`)
  return Number(res.rows[0]?.n ?? 0)
}

/**
 * The authors of published posts (users' public-profile rule, collections/identity/Users): one distinct read of the
 * posts' author relations, in the request's transaction, sent with the request's other reads of the same turn
 * (src/db/read-batch.ts: the populations of makes, models and dealers that run beside the users'). (Payload's
 * findDistinct answered the same with two queries, the values and a count, on every request that populated a user.)
 */
export async function publishedAuthorIds(payload: Payload, tx: Tx): Promise<number[]> {
  const rows = await readRows<{ id: number }>(
    payload,
    tx,
    sql`select distinct r.users_id as id from posts_rels r join posts p on p.id = r.parent_id
    where r.path = 'authors' and r.users_id is not null and p._status = 'published' order by 1`,
  )
  return rows.map((r) => Number(r.id))
}
