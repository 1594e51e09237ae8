import type { TaskConfig } from 'payload'

import { expireUnpaidOrders } from '@endpoints/commerce/operations/orders'
import { lapseSubscriptions } from '@endpoints/commerce/operations/billing'
import { expireSubscriptions } from '@endpoints/commerce/operations/subscriptions'

/**
 * Commerce jobs (the logic lives in exported functions taking `(payload, now)` so tests pass a time):
 * - `commerce-expire-unpaid-orders` (every minute): unpaid card orders past `expiresAt` are cancelled and
 *   their stock returned (`unpaidOrderTtlMinutes`, platform setting).
 * - `commerce-expire-subscriptions` (hourly): active subscriptions past `endDate` become `expired`.
 * - `commerce-lapse-subscriptions` (hourly): past_due subscriptions past their grace deadline become `expired`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commerceTasks: TaskConfig<any>[] = [
  {
    slug: 'commerce-expire-unpaid-orders',
    schedule: [{ cron: '* * * * *', queue: 'default' }],
    handler: async ({ req }) => ({ output: { expired: await expireUnpaidOrders(req.payload, new Date()) } }),
  },
  {
    slug: 'commerce-expire-subscriptions',
    schedule: [{ cron: '0 * * * *', queue: 'default' }],
    handler: async ({ req }) => ({ output: { expired: await expireSubscriptions(req.payload, new Date()) } }),
  },
  {
    slug: 'commerce-lapse-subscriptions',
    schedule: [{ cron: '30 * * * *', queue: 'default' }],
    handler: async ({ req }) => ({ output: { lapsed: await lapseSubscriptions(req.payload, new Date()) } }),
  },
]
