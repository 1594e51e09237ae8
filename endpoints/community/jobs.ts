import type { TaskConfig } from 'payload'

import { retryDueDeliveries } from '@/notifications/deliveries'
import { sendDigests } from '@/notifications/digest'
import { retryDueEmails } from '@/notifications/email-retry'

/**
 * community-notification-digest: every 15 minutes, mails each user's queued notifications as one digest
 * when it is due (daily/weekly frequency, or quiet hours over). Logic in src/notifications/digest.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const communityTasks: TaskConfig<any>[] = [
  {
    slug: 'community-notification-digest',
    label: 'Notification email digest',
    schedule: [{ cron: '*/15 * * * *', queue: 'default' }],
    handler: async ({ req }) => {
      const result = await sendDigests(req.payload, new Date())
      return { output: { ...result } }
    },
  },
  {
    // notification-deliveries: every minute, retries the SMS and push deliveries and the instant emails whose backoff
    // has elapsed (and the emails whose first attempt never recorded an outcome).
    slug: 'notification-deliveries',
    label: 'Retry email, SMS and push deliveries',
    schedule: [{ cron: '* * * * *', queue: 'default' }],
    handler: async ({ req }) => {
      const now = new Date()
      const deliveries = await retryDueDeliveries(req.payload, now)
      const emails = await retryDueEmails(req.payload, now)
      return { output: { ...deliveries, emailsTried: emails.tried, emailsSent: emails.sent } }
    },
  },
]
