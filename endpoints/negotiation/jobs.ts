import type { Payload, TaskConfig } from 'payload'

import { expireDueNegotiations } from '@endpoints/negotiation/operations/negotiations'

/** Expires open negotiations whose `expiresAt` has passed (→ `expired`, both parties notified). */
export async function expireNegotiations(payload: Payload, now: Date = new Date()): Promise<{ expired: number }> {
  const { expired } = await expireDueNegotiations(payload, now)
  return { expired }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const negotiationTasks: TaskConfig<any>[] = [
  {
    slug: 'expire-negotiations',
    label: 'Expire stale negotiations',
    schedule: [{ cron: '* * * * *', queue: 'default' }],
    retries: 2,
    handler: async ({ req }) => ({ output: await expireNegotiations(req.payload, new Date()) }),
  },
]
