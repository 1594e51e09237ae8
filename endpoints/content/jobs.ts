/**
 * Content jobs. Scheduled publish/unpublish is Payload's own `schedulePublish` task (added automatically
 * because posts enable `versions.drafts.schedulePublish`). `content-recount-comments` is a nightly safety net
 * that re-derives every post's commentsCount from the approved comments (the hooks keep it exact; this
 * repairs rows edited by hand in SQL).
 */
import type { Payload, TaskConfig } from 'payload'

import { sql } from '@payloadcms/db-postgres'

/** Sets posts.comments_count to the number of approved comments where it differs; returns the rows fixed. */
export async function recountComments(payload: Payload): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = (payload.db as any).drizzle
  const res = await db.execute(sql`
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const contentTasks: TaskConfig<any>[] = [
  {
    slug: 'content-recount-comments',
    schedule: [{ cron: '17 3 * * *', queue: 'default' }],
    handler: async ({ req }) => ({ output: { fixed: await recountComments(req.payload) } }),
  },
]
