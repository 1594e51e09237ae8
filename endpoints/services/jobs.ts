import type { TaskConfig } from 'payload'

import { inactivityAlerts } from './operations/loyalty'

/**
 * Services jobs (the logic lives in exported functions taking `(payload, now)` so tests pass a time):
 * - `services-loyalty-inactivity` (daily, 09:00 UTC): customers with past activity but no booking or order in the
 *   last `LOYALTY_INACTIVITY_DAYS` days get the `inactivity` loyalty alert, once per inactivity period.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const loyaltyInactivityTask: TaskConfig<any> = {
  slug: 'services-loyalty-inactivity',
  schedule: [{ cron: '0 9 * * *', queue: 'default' }],
  handler: async ({ req }) => ({ output: { alerted: await inactivityAlerts(req.payload, new Date()) } }),
}
