/**
 * Content jobs. Scheduled publish/unpublish is Payload's own `schedulePublish` task (added automatically
 * because posts enable `versions.drafts.schedulePublish`). `content-recount-comments` is a nightly safety net
 * that re-derives every post's commentsCount from the approved comments (the hooks keep it exact; this
 * repairs rows edited by hand in SQL).
 */
import type { TaskConfig } from 'payload'

import { recountPostComments } from '@/db/content'

/** Re-derives every post's commentsCount from the approved comments; returns the rows fixed. */
export const recountComments = recountPostComments

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const contentTasks: TaskConfig<any>[] = [
  {
    slug: 'content-recount-comments',
    schedule: [{ cron: '17 3 * * *', queue: 'default' }],
    handler: async ({ req }) => ({ output: { fixed: await recountPostComments(req.payload) } }),
  },
]
