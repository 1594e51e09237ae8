/**
 * The gate's self-test (run by .ci/gate-self-test, never by the normal suite): a test that must fail. It runs
 * through the real runner configuration (global setup with the embedded PostgreSQL, a per-file database), so the
 * runner has to report the failure as a non-zero exit code despite everything the setup loaded.
 */
import pg from 'pg'
import { expect, it } from 'vitest'

it('fails on purpose: the runner must exit non-zero', async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  const { rows } = await client.query<{ one: number }>('select 1 as one')
  await client.end()
  expect(rows[0].one).toBe(2)
})
