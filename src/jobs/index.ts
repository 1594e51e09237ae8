/**
 * The Jobs Queue: every domain's tasks. Tasks with a `schedule` are queued by the scheduler and run by
 * `jobs.autoRun` inside the server (default) or by `npm run jobs` (a separate worker; set JOBS_AUTORUN=false
 * on the app instances then).
 */
import type { JobsConfig } from 'payload'

import { isAdminUser, type AccessUser } from '@/access/roles'
import { env } from '@/lib/env'

import { catalogTasks } from './catalog'
import { commerceTasks } from './commerce'
import { communityTasks } from './community'
import { contentTasks } from './content'
import { discoveryTasks } from './discovery'
import { identityTasks } from './identity'
import { negotiationTasks } from './negotiation'
import { parkingTasks } from './parking'
import { servicesTasks } from './services'

export const allTasks = [
  ...identityTasks,
  ...catalogTasks,
  ...discoveryTasks,
  ...contentTasks,
  ...communityTasks,
  ...negotiationTasks,
  ...commerceTasks,
  ...parkingTasks,
  ...servicesTasks,
]

export function jobsConfig(): JobsConfig {
  return {
    tasks: allTasks,
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
