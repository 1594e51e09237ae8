/**
 * The Jobs Queue's settings; every domain plugin adds its tasks. Tasks with a `schedule` are queued by the scheduler and run by
 * `jobs.autoRun` inside the server (default) or by `npm run jobs` (a separate worker; set JOBS_AUTORUN=false
 * on the app instances then).
 */
import type { JobsConfig } from 'payload'

import { isAdminUser, type AccessUser } from '@/access/roles'
import { env } from '@/lib/env'

export function jobsConfig(): JobsConfig {
  return {
    tasks: [], // each domain plugin adds its own (src/plugins/domain.ts)
    autoRun: [{ cron: env.jobsCron, limit: 100, queue: 'default' }],
    shouldAutoRun: () => env.jobsAutoRun && !env.isTest,
    access: {
      run: ({ req }) => isAdminUser(req.user as unknown as AccessUser),
      queue: ({ req }) => isAdminUser(req.user as unknown as AccessUser),
      cancel: ({ req }) => isAdminUser(req.user as unknown as AccessUser),
    },
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      admin: { ...defaultJobsCollection.admin, group: 'System', hidden: false },
    }),
  }
}
