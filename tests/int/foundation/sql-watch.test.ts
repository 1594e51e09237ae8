/**
 * The tests' SQL watchers (tests/helpers/sql.ts) count what the code under watch sends, not whatever else the process
 * sends meanwhile: a statement count ("a booking goes to PostgreSQL in 7 writes") must not grow by a query of an
 * earlier test's tail or a timer that happens to land inside the window (it did, once, on a loaded CI host).
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { queryCallsBy, statementsSentBy } from '../../helpers/sql'

let pool: pg.Pool

beforeAll(() => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 })
})

afterAll(async () => {
  await pool.end()
})

/**
 * A query started outside the watch that runs while it is open: `fn` opens the gate, the stray query (chained on the
 * gate outside the watch, so run in that outer context) is sent, and `fn` waits for its answer before it goes on.
 */
function strayDuring(): { open: () => Promise<unknown> } {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const stray = gate.then(() => pool.query("select 'stray'"))
  return {
    open: () => {
      release()
      return stray
    },
  }
}

describe('SQL watchers: the code under watch, not the process', () => {
  it("counts fn's own statements — awaited, in a timer, on the pool — and not one another context sends meanwhile", async () => {
    const stray = strayDuring()
    const sent = await statementsSentBy(async () => {
      await pool.query("select 'first'")
      await stray.open()
      await new Promise<void>((resolve, reject) => setTimeout(() => pool.query("select 'in a timer'").then(() => resolve(), reject), 1))
      await Promise.all([pool.query("select 'together 1'"), pool.query("select 'together 2'")])
    })
    expect(sent).toEqual(["select 'first'", "select 'in a timer'", "select 'together 1'", "select 'together 2'"])
  })

  it('overSocket counts every query the process makes while fn runs (a server of the process answers over a socket)', async () => {
    const stray = strayDuring()
    const calls = await queryCallsBy(
      async () => {
        await pool.query("select 'first'")
        await stray.open()
      },
      { overSocket: true },
    )
    expect(calls).toEqual([
      { statements: 1, pipeline: false },
      { statements: 1, pipeline: false },
    ])
  })

  it('nested watches each see the inner code', async () => {
    const stray = strayDuring()
    let inner: string[] = []
    const outer = await statementsSentBy(async () => {
      inner = await statementsSentBy(async () => {
        await pool.query("select 'inner'")
        await stray.open()
      })
      await pool.query("select 'outer'")
    })
    expect(inner).toEqual(["select 'inner'"])
    expect(outer).toEqual(["select 'inner'", "select 'outer'"])
  })
})
