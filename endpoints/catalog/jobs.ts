/**
 * catalog jobs: featured placements end at `featuredUntil` (cars and their `featured` flag).
 */
import { createLocalReq, type Payload, type TaskConfig } from 'payload'

import { clearExpiredFeatured } from '@/db/catalog'
import { txOf } from '@/db/transaction'

import { IMPORT_TASK, runInventoryImport } from './operations/inventory'

/** Clears `featured` on cars whose `featuredUntil` has passed; returns how many were cleared. */
export async function expireFeaturedListings(payload: Payload, now: Date = new Date()): Promise<number> {
  return clearExpiredFeatured(await txOf(await createLocalReq({}, payload)), now)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const catalogTasks: TaskConfig<any>[] = [
  {
    slug: 'catalog-expire-featured',
    label: 'Catalog: end expired featured placements',
    schedule: [{ cron: '0 * * * *', queue: 'default' }],
    handler: async ({ req }) => ({ output: { cleared: await expireFeaturedListings(req.payload) } }),
  },
  {
    // One job per dealer import (endpoints/catalog/inventory.ts): rows written in chunks, progress on the import.
    slug: IMPORT_TASK,
    label: 'Catalog: dealer inventory import',
    inputSchema: [{ name: 'importId', type: 'number', required: true }],
    retries: 0,
    handler: async ({ input, req }) => ({ output: await runInventoryImport(req.payload, Number((input as { importId: number }).importId)) }),
  },
]
