/** The gate's self-test (see fails.gate.ts): the same shape, passing, so the runner must exit 0. */
import pg from 'pg'
import { expect, it } from 'vitest'

it('passes: the runner must exit 0', async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  const { rows } = await client.query<{ one: number }>('select 1 as one')
  await client.end()
  expect(rows[0].one).toBe(1)
})
