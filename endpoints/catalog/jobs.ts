/**
 * catalog jobs: featured placements end at `featuredUntil` (cars and their `featured` flag).
 */
import type { Payload, TaskConfig } from 'payload'

import { sql } from '@/db/transaction'

/** Clears `featured` on cars whose `featuredUntil` has passed; returns how many were cleared. */
export async function expireFeaturedListings(payload: Payload, now: Date = new Date()): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = (payload.db as any).drizzle
  const res = await db.execute(
    sql`update cars set featured = false, updated_at = now() where featured and featured_until is not null and featured_until <= ${now.toISOString()}::timestamptz returning id`,
  )
  return res.rows.length
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const catalogTasks: TaskConfig<any>[] = [
  {
    slug: 'catalog-expire-featured',
    label: 'Catalog: end expired featured placements',
    schedule: [{ cron: '0 * * * *', queue: 'default' }],
    handler: async ({ req }) => ({ output: { cleared: await expireFeaturedListings(req.payload) } }),
  },
]
