import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { readPoolOf } from '../../../src/db/transaction'

const pool = (name: string) => ({ name, query: async () => ({ rows: [] }) })

describe('readPoolOf: reads go to a configured replica, else to the primary', () => {
  it('without replicas: the primary pool', () => {
    const primary = pool('primary')
    expect(readPoolOf({ db: { pool: primary, drizzle: {} } } as unknown as Payload)).toBe(primary)
  })
  it("with replicas (drizzle's withReplicas): one of the replicas' pools, never the primary", () => {
    const primary = pool('primary')
    const replicas = [pool('r1'), pool('r2')]
    const payload = { db: { pool: primary, drizzle: { $replicas: replicas.map(($client) => ({ $client })) } } } as unknown as Payload
    const seen = new Set(Array.from({ length: 200 }, () => (readPoolOf(payload) as unknown as { name: string }).name))
    expect(seen).toEqual(new Set(['r1', 'r2']))
  })
})
