/**
 * `closePayload` (src/db/transaction.ts) on a real pool: when it resolves, every connection of the adapter's pool is
 * closed, not only asked to close. pg's `end` resolves as soon as it has sent each idle connection its goodbye; the
 * dev server stops its embedded PostgreSQL right after, and each connection still closing was ended by the database
 * and logged as lost (2–34 warnings at every stop of `npm run dev`).
 */
import pg from 'pg'
import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { closePayload } from '@/db/transaction'

type Socketed = pg.PoolClient & { connection: { stream: { destroyed: boolean } } }

describe('closePayload on a real pool', () => {
  it('resolves once every connection of the pool has closed, a checked-out one included', async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 6 })
    const clients = (await Promise.all(Array.from({ length: 5 }, () => pool.connect()))) as Socketed[]
    await Promise.all(clients.map((c) => c.query('select 1')))
    clients.slice(1).forEach((c) => c.release()) // four idle; one kept checked out, as Payload's adapter keeps one
    const payload = { db: { pool, drizzle: {} }, destroy: async () => {} } as unknown as Payload
    await closePayload(payload)
    expect(pool.ended).toBe(true)
    expect(clients.map((c) => c.connection.stream.destroyed)).toEqual([true, true, true, true, true])
  })
})
