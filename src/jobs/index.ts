/**
 * The Jobs Queue's settings; every domain plugin adds its tasks. Tasks with a `schedule` are queued by the scheduler and run by
 * `jobs.autoRun` inside the server (default) or by `npm run jobs` (a separate worker; set JOBS_AUTORUN=false
 * on the app instances then).
 */
import type { JobsConfig } from 'payload'

import { isAdminUser, type AccessUser } from '@/access/roles'
import { env } from '@/lib/env'
import { bilingual } from '@/plugins/arabic-admin'

/**
 * Whether this process runs the Jobs Queue: not with JOBS_AUTORUN=false (the `npm run jobs` worker does) and not in
 * tests (they run jobs explicitly).
 */
export function runsQueueHere(e: Pick<typeof env, 'jobsAutoRun' | 'isTest'> = env): boolean {
  return e.jobsAutoRun && !e.isTest
}

export function jobsConfig(): JobsConfig {
  return {
    tasks: [], // each domain plugin adds its own (src/plugins/domain.ts)
    // No cron at all in a process that does not run the queue (so no `shouldAutoRun` either: only a cron asks it).
    // Payload starts its crons on the first REST request whatever the server asked for (createPayloadRequest calls
    // getPayload with `cron: true`), and a cron's first tick queues the scheduled tasks (handleSchedules) before it
    // asks `shouldAutoRun`: a cron that stops there still ran the scheduler once in every app instance and test
    // process, at the minute mark after its first request.
    autoRun: () => (runsQueueHere() ? [{ cron: env.jobsCron, limit: 100, queue: 'default' }] : []),
    access: {
      run: ({ req }) => isAdminUser(req.user as unknown as AccessUser),
      queue: ({ req }) => isAdminUser(req.user as unknown as AccessUser),
      cancel: ({ req }) => isAdminUser(req.user as unknown as AccessUser),
    },
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      // made after the plugins ran (src/plugins/arabic-admin.ts), so its group is given in both languages here
      admin: { ...defaultJobsCollection.admin, group: bilingual('System') ?? 'System', hidden: false },
    }),
  }
}
