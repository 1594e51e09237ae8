/**
 * `npm run dev` on a database the platform has already run on: Payload pushes the dev schema again at every
 * start. That push must never prompt (a prompt blocks a non-interactive start) nor touch what lives outside
 * Payload's schema — it once tried to drop socket.io's sequence and the second start failed. What it does drop
 * (the extras' indexes and checks, unknown to drizzle) is put back by the extras at init.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { applySqlMigrationsForPush } from '../../../src/db/sql-migrations'
import { REALTIME_TABLE } from '../../../src/realtime/server'
import type { RunningServer } from '../../../src/server'
import { testPayload } from '../../helpers/payload'
import { startTestServer } from '../../helpers/server'

let server: RunningServer

beforeAll(async () => {
  await testPayload()
  process.env.REALTIME_ADAPTER = 'postgres' // creates socket.io's table, as `npm run dev` does
  server = await startTestServer()
})

afterAll(async () => {
  await server?.close()
})

const query = async (text: string) => {
  const payload = await testPayload()
  return (payload.db as unknown as { pool: { query: (t: string) => Promise<{ rows: Record<string, unknown>[] }> } }).pool.query(text)
}
const indexExists = async (name: string) => (await query(`select 1 from pg_indexes where indexname = '${name}'`)).rows.length === 1

describe('dev schema push on a database the platform has already run on', () => {
  it('socket.io keeps its table in its own schema, out of the push’s sight', async () => {
    const [schema, table] = REALTIME_TABLE.split('.')
    const rows = (await query(`select table_schema from information_schema.tables where table_name = '${table}'`)).rows
    expect(rows).toEqual([{ table_schema: schema }])
  })

  it('proposes no prompt and no dropped table or sequence; applying it then the extras restores every index', async () => {
    const payload = await testPayload()
    const adapter = payload.db as unknown as { schema: unknown; drizzle: unknown; tablesFilter: string[]; requireDrizzleKit: () => { pushSchema: (...args: unknown[]) => Promise<unknown> } }
    const { pushSchema } = adapter.requireDrizzleKit()
    const push = (await pushSchema(adapter.schema, adapter.drizzle, undefined, adapter.tablesFilter, undefined)) as {
      warnings: string[]
      hasDataLoss: boolean
      statementsToExecute: string[]
      apply: () => Promise<void>
    }
    expect(push.warnings).toEqual([])
    expect(push.hasDataLoss).toBe(false)
    expect(push.statementsToExecute.filter((s) => /drop (table|sequence)|socket_io|_counters|stripe_events/i.test(s))).toEqual([])

    expect(await indexExists('favorites_user_item_uq')).toBe(true)
    await push.apply()
    expect(await indexExists('favorites_user_item_uq')).toBe(false) // unknown to drizzle: dropped…
    await applySqlMigrationsForPush(payload)
    expect(await indexExists('favorites_user_item_uq')).toBe(true) // …and back at init
  })
})
