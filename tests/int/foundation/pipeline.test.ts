/**
 * Statements pipelined on one connection (src/db/pipeline.ts) and the read batcher's pipeline mode (the default,
 * src/db/read-batch.ts), on a real PostgreSQL:
 * - several statements in one write answer as each alone (rows, order, type parsers), each on its own: one that fails
 *   gets its own error and the ones before and after it their rows;
 * - named statements are prepared on the connection once (node-postgres's own bookkeeping) and not parsed again, also
 *   when a name comes twice in one pipeline; a Parse that fails leaves nothing recorded;
 * - a value node-postgres cannot send fails the call before anything is written; a connection lost mid-pipeline
 *   answers every remaining statement with the error, and the pool replaces it; concurrent pipelines on a small pool
 *   all answer right;
 * - the batcher: a turn's reads on the pool go as one pipeline (a transaction's, issued together, as one on its
 *   connection: src/db/pool.ts), and a REST car detail gives the same body as with each statement sent alone, in two
 *   pipelines;
 * - `queryTogether` (the listing read path's page and count): one pipeline on one connection, the rows of each, the
 *   first error once all have answered; each alone with `SQL_PIPELINE=off`.
 */
import pg from 'pg'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Pipeline, type PipelinedStatement, queryTogether, runPipelined } from '../../../src/db/pipeline'
import { createReadBatcher, installReadBatcher, type ReadHandle, turnPoolOf } from '../../../src/db/read-batch'
import { sql, txOf, withTransaction } from '../../../src/db/transaction'
import { get } from '../../helpers/api'
import { demoPayload, populatedDemoCar } from '../../helpers/payload'
import { namedStatementsSentBy, queryCallsBy } from '../../helpers/sql'

let payload: Payload
let pool: pg.Pool

const drizzle = () => (payload.db as unknown as { drizzle: ReadHandle }).drizzle

/** The writes a client's socket takes and the Parse messages it sends while `fn` runs. */
async function traffic<T>(client: pg.PoolClient, fn: () => Promise<T>): Promise<{ value: T; writes: number; parses: string[] }> {
  const connection = (client as unknown as { connection: { stream: { write: (...a: unknown[]) => boolean; _writev?: unknown }; parse: (c: { name?: string }) => void } }).connection
  const stream = connection.stream as unknown as { _writev: (...a: unknown[]) => unknown; _write: (...a: unknown[]) => unknown }
  let writes = 0
  const parses: string[] = []
  const [writev, write, parse] = [stream._writev, stream._write, connection.parse]
  stream._writev = function (this: unknown, ...a: unknown[]) {
    writes++
    return writev.apply(this, a)
  }
  stream._write = function (this: unknown, ...a: unknown[]) {
    writes++
    return write.apply(this, a)
  }
  connection.parse = function (this: unknown, c: { name?: string }) {
    parses.push(c.name ?? '')
    return parse.call(this, c)
  }
  try {
    return { value: await fn(), writes, parses }
  } finally {
    Object.assign(stream, { _writev: writev, _write: write })
    connection.parse = parse
  }
}

/** Runs a pipeline on a client held by the test. */
const pipelineOn = (client: pg.PoolClient, statements: PipelinedStatement[]) => {
  const pipeline = new Pipeline(client, statements)
  void client.query(pipeline as unknown as pg.QueryConfig)
  return pipeline.done
}

const rowsOf = (results: Awaited<ReturnType<typeof runPipelined>>) => results.map((r) => (r.ok ? r.rows : `error: ${(r.error as Error).message}`))

beforeAll(async () => {
  payload = await demoPayload()
  const adapterPool = (payload.db as unknown as { pool: { options: { connectionString: string } } }).pool
  pool = new pg.Pool({ connectionString: adapterPool.options.connectionString, max: 3 })
}, 300_000)

afterAll(async () => {
  installReadBatcher(payload, true)
  await pool.end()
})

describe('a pipeline', () => {
  it('sends its statements in one write and answers each as it would alone, in order', async () => {
    const statements: PipelinedStatement[] = [
      { text: 'select id, name from makes order by id limit 3', values: [] },
      { text: 'select $1::int + 1 as n, $2::text as s, $3::boolean as b', values: [41, 'x', true] },
      { text: "select '2026-01-02T03:04:05.678Z'::timestamptz as at, '{\"a\":[1]}'::jsonb as j", values: [] },
      { text: 'select id from makes where id < 0', values: [] },
    ]
    const alone: unknown[] = []
    for (const s of statements) alone.push((await pool.query(s.text, s.values)).rows)
    const client = await pool.connect()
    try {
      const { value, writes } = await traffic(client, () => pipelineOn(client, statements))
      expect(rowsOf(value)).toEqual(alone)
      expect((alone[0] as unknown[]).length).toBe(3)
      expect(writes).toBe(1)
    } finally {
      client.release()
    }
  })

  it('a statement that fails gets its own error; the ones before and after it their rows', async () => {
    const results = await runPipelined(pool, [
      { text: 'select 1 as n', values: [] },
      { text: 'select 1 / ($1::int - 1) as n', values: [1] },
      { text: 'select nothing from nowhere', values: [] },
      { text: 'select 4 as n', values: [] },
    ])
    expect(rowsOf(results)).toEqual([[{ n: 1 }], 'error: division by zero', 'error: relation "nowhere" does not exist', [{ n: 4 }]])
    expect((results[1] as { error: { code?: string } }).error.code).toBe('22012')
  })

  it('prepares a named statement once per connection, also when the name comes twice in one pipeline', async () => {
    const named = (n: number): PipelinedStatement => ({ text: 'select $1::int * 2 as n', name: 'pipeline_test_double', values: [n] })
    const client = await pool.connect()
    try {
      const first = await traffic(client, () => pipelineOn(client, [named(1), named(2), { text: 'select 0 as z', values: [] }]))
      expect(rowsOf(first.value)).toEqual([[{ n: 2 }], [{ n: 4 }], [{ z: 0 }]])
      // the one with neither name nor parameters goes as a simple query, as node-postgres sends it
      expect(first.parses).toEqual(['pipeline_test_double'])
      const parsed = (client as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements
      expect(parsed.pipeline_test_double).toBe(named(0).text)
      const second = await traffic(client, () => pipelineOn(client, [named(5), named(6)]))
      expect(rowsOf(second.value)).toEqual([[{ n: 10 }], [{ n: 12 }]])
      expect(second.parses).toEqual([])
      // node-postgres's own queries on the connection see the same bookkeeping
      expect((await client.query({ name: 'pipeline_test_double', text: named(0).text, values: [21] })).rows).toEqual([{ n: 42 }])
      // a different text under a known name is refused before anything is written
      const clash = await pipelineOn(client, [{ text: 'select 1', name: 'pipeline_test_double', values: [] }])
      expect(rowsOf(clash)).toEqual(["error: Prepared statements must be unique - 'pipeline_test_double' was used for a different statement"])
      expect((await client.query('select 1 as ok')).rows).toEqual([{ ok: 1 }])
    } finally {
      client.release()
    }
  })

  it('a named statement whose Parse fails is not recorded as prepared; the connection goes on', async () => {
    const client = await pool.connect()
    try {
      const bad: PipelinedStatement = { text: 'selec 1', name: 'pipeline_test_bad', values: [] }
      const results = await pipelineOn(client, [bad, { text: 'select 2 as n', values: [] }])
      expect(rowsOf(results)).toEqual(['error: syntax error at or near "selec"', [{ n: 2 }]])
      const parsed = (client as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements
      expect(parsed.pipeline_test_bad).toBeUndefined()
      const again = await pipelineOn(client, [bad])
      expect(rowsOf(again)).toEqual(['error: syntax error at or near "selec"'])
    } finally {
      client.release()
    }
  })

  it('a value node-postgres cannot send fails the call before anything is written', async () => {
    const circular: Record<string, unknown> = {}
    circular.self = circular
    const before = pool.idleCount + pool.totalCount
    await expect(
      runPipelined(pool, [
        { text: 'select 1', values: [] },
        { text: 'select $1::jsonb', values: [circular] },
      ]),
    ).rejects.toThrow(/circular/i)
    expect(pool.idleCount + pool.totalCount).toBe(before) // the connection went back to the pool
    expect(rowsOf(await runPipelined(pool, [{ text: 'select 3 as n', values: [] }]))).toEqual([[{ n: 3 }]])
  })

  it('a connection lost mid-pipeline answers the rest with the error; the pool replaces it', async () => {
    const results = await runPipelined(pool, [
      { text: 'select 1 as n', values: [] },
      { text: 'select pg_terminate_backend(pg_backend_pid())', values: [] },
      { text: 'select 3 as n', values: [] },
    ])
    expect(rowsOf(results)[0]).toEqual([{ n: 1 }])
    expect(results[1].ok).toBe(false)
    expect(results[2].ok).toBe(false)
    const again = await Promise.all(Array.from({ length: 6 }, (_, i) => runPipelined(pool, [{ text: `select ${i} as n`, values: [] }])))
    expect(again.map(rowsOf)).toEqual(Array.from({ length: 6 }, (_, i) => [[{ n: i }]]))
  })

  it('50 concurrent pipelines on a pool of 3 answer each statement with its own rows', async () => {
    const runs = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        runPipelined(pool, [
          { text: 'select $1::int as i', name: 'pipeline_test_i', values: [i] },
          { text: 'select $1::int * $1::int as sq', values: [i] },
        ]),
      ),
    )
    expect(runs.map(rowsOf)).toEqual(Array.from({ length: 50 }, (_, i) => [[{ i }], [{ sq: i * i }]]))
  })
})

describe('independent statements of one request (queryTogether)', () => {
  const page = { text: 'select id, name from makes where id > $1 order by id limit 2', values: [0] }
  const count = { text: 'select count(*)::int as n from makes where id > $1', values: [0] }

  it('go as one pipeline on one connection and answer as each alone', async () => {
    const alone = [(await pool.query(page.text, page.values)).rows, (await pool.query(count.text, count.values)).rows]
    let together: { rows: unknown[] }[] = []
    const calls = await queryCallsBy(async () => {
      together = await queryTogether(pool, [page, count])
    })
    expect(together.map((r) => r.rows)).toEqual(alone)
    expect((alone[1][0] as { n: number }).n).toBeGreaterThan(0)
    expect(calls).toEqual([{ statements: 2, pipeline: true }])
  })

  it('reject with the failing statement’s error once every statement has answered', async () => {
    const failing = { text: 'select 1 / ($1::int - 1) as n', values: [1] }
    await expect(queryTogether(pool, [page, failing])).rejects.toMatchObject({ code: '22012' })
    // the connection went back to the pool in a usable state
    expect((await queryTogether(pool, [page, count])).map((r) => r.rows.length)).toEqual([2, 1])
  })

  it('go alone, each on its own call, with SQL_PIPELINE=off or a pool that lends no connection', async () => {
    process.env.SQL_PIPELINE = 'off'
    try {
      const calls = await queryCallsBy(() => queryTogether(pool, [page, count]))
      expect(calls).toEqual([
        { statements: 1, pipeline: false },
        { statements: 1, pipeline: false },
      ])
    } finally {
      delete process.env.SQL_PIPELINE
    }
    const queryOnly = { query: (text: string, values: unknown[]) => pool.query(text, values) }
    const calls = await queryCallsBy(async () => expect((await queryTogether(queryOnly, [page, count]))[1].rows).toEqual([{ n: expect.any(Number) }]))
    expect(calls.every((c) => !c.pipeline)).toBe(true)
    expect(calls).toHaveLength(2)
  })
})

describe('the read batcher pipelining', () => {
  it('sends a turn’s reads on the pool as one pipeline, answered as each alone', async () => {
    const reads = (batcher: ReturnType<typeof createReadBatcher>) =>
      Promise.allSettled([
        batcher.documents(drizzle(), sql`select jsonb_build_object('id', id, 'name', name) from makes order by id limit 4`),
        batcher.rows(drizzle(), sql`select count(*)::int as n, now()::date as d from makes`),
        batcher.documents(drizzle(), sql`select to_jsonb(1 / (id - id)) from makes`),
        batcher.documents(drizzle(), sql`select to_jsonb(id) from makes order by id desc limit 2`),
      ])
    const alone = await reads(createReadBatcher({ pipeline: false }))
    let together: PromiseSettledResult<unknown>[] = []
    const calls = (
      await queryCallsBy(async () => {
        together = await reads(createReadBatcher({ pipeline: true }))
      })
    ).map((c) => c.statements)
    expect(calls).toEqual([4])
    const plain = (settled: PromiseSettledResult<unknown>[]) => settled.map((s) => (s.status === 'fulfilled' ? s.value : String((s.reason as Error).message)))
    expect(JSON.stringify(plain(together))).toBe(JSON.stringify(plain(alone)))
    expect(together[2].status).toBe('rejected')
    expect((together[0] as PromiseFulfilledResult<unknown[]>).value).toHaveLength(4)
  })

  it('a rendered statement goes in the turn’s pipeline with the other reads, answered with node-postgres’s rows; named only when by key', async () => {
    const [make] = (await pool.query<{ id: number }>('select id from makes order by id limit 1')).rows
    const byKey = { text: 'select id, name, created_at from makes where id = $1', values: [make.id], byKey: true }
    const page = { text: 'select id, name from makes where name like $1 order by id limit 3', values: ['%'] }
    const reads = (batcher: ReturnType<typeof createReadBatcher>) =>
      Promise.allSettled([
        batcher.query(drizzle(), byKey),
        batcher.query(drizzle(), page),
        batcher.documents(drizzle(), sql`select to_jsonb(id) from makes order by id limit 2`),
        batcher.query(drizzle(), { text: 'select 1 / (id - id) as x from makes', values: [] }),
      ])
    const values = (settled: PromiseSettledResult<unknown>[]) => settled.map((s) => (s.status === 'fulfilled' ? s.value : `error: ${(s.reason as Error).message}`))
    const expected = [
      (await pool.query(byKey.text, byKey.values)).rows,
      (await pool.query(page.text, page.values)).rows,
      (await pool.query('select id from makes order by id limit 2')).rows.map((r) => r.id),
      'error: division by zero',
    ]
    expect((expected[0] as { created_at: unknown }[])[0].created_at).toBeInstanceOf(Date)
    const batcher = createReadBatcher({ pipeline: true })
    for (let run = 0; run < 2; run++) {
      let together: PromiseSettledResult<unknown>[] = []
      const sent: { text: string; name?: string }[] = []
      const calls = await queryCallsBy(async () => {
        sent.push(...(await namedStatementsSentBy(async () => void (together = await reads(batcher)))))
      })
      expect(calls).toEqual([{ statements: 4, pipeline: true }])
      expect(values(together)).toEqual(expected)
      // named once its text repeats (src/db/plan-cache.ts), and only the statement by key
      const named = sent.filter((s) => s.name).map((s) => s.text)
      expect(named).toEqual(run === 0 ? [] : [byKey.text, sent[2].text])
    }
    // combining (the plan cache off): drizzle's combined statement, and the rendered statements each beside it
    const combining = createReadBatcher({ combine: true })
    let combined: PromiseSettledResult<unknown>[] = []
    const calls = await queryCallsBy(async () => {
      combined = await Promise.allSettled([
        combining.query(drizzle(), page),
        combining.documents(drizzle(), sql`select to_jsonb(id) from makes order by id limit 2`),
        combining.documents(drizzle(), sql`select to_jsonb(id) from makes order by id desc limit 1`),
      ])
    })
    expect(calls).toHaveLength(2)
    expect(values(combined).slice(0, 2)).toEqual(expected.slice(1, 3))
  })

  it('the read path’s pool (turnPoolOf) is the batcher’s turn when it pipelines, else none', async () => {
    try {
      installReadBatcher(payload, true)
      const turn = turnPoolOf(payload)
      expect(turn).not.toBeNull()
      let rows: unknown[] = []
      const calls = await queryCallsBy(async () => {
        ;[{ rows }] = await Promise.all([turn!.query('select id from makes where id > $1 order by id limit 2', [0]), turn!.query('select count(*)::int as n from makes', [])])
      })
      expect(calls).toEqual([{ statements: 2, pipeline: true }])
      expect(rows).toEqual((await pool.query('select id from makes where id > $1 order by id limit 2', [0])).rows)
      installReadBatcher(payload, true, { pipeline: false })
      expect(turnPoolOf(payload)).toBeNull()
      installReadBatcher(payload, true, { combine: true })
      expect(turnPoolOf(payload)).toBeNull()
      installReadBatcher(payload, false)
      expect(turnPoolOf(payload)).toBeNull()
    } finally {
      installReadBatcher(payload, true)
    }
  })

  it('a transaction’s reads issued together go as one pipeline on its connection (they see its uncommitted rows)', async () => {
    const req = { payload, transactionID: undefined, context: {} } as unknown as Parameters<typeof withTransaction>[0]
    const name = `Pipeline make ${Date.now()}`
    const rollback = new Error('rollback')
    const batcher = createReadBatcher({ pipeline: true })
    const calls = await queryCallsBy(() =>
      expect(
        withTransaction(req, async () => {
          await payload.create({ collection: 'makes', data: { name }, overrideAccess: true, req })
          const tx = (await txOf(req)) as unknown as ReadHandle
          const [inside, again, rendered] = await Promise.all([
            batcher.rows<{ name: string }>(tx, sql`select name from makes where name = ${name}`),
            batcher.documents(tx, sql`select to_jsonb(name) from makes where name = ${name}`),
            batcher.query(tx, { text: 'select name from makes where name = $1', values: [name] }),
          ])
          expect(inside).toEqual([{ name }])
          expect(again).toEqual([name])
          expect(rendered).toEqual([{ name }])
          throw rollback
        }),
      ).rejects.toBe(rollback),
    )
    // the begin went with the create's first statement (src/db/pool.ts), the three reads together, then the rollback
    expect(calls[0]).toEqual({ statements: 2, pipeline: true })
    expect(calls.at(-2)).toEqual({ statements: 3, pipeline: true })
    expect(calls.at(-1)).toEqual({ statements: 1, pipeline: false })
  })

  it('a REST car detail at depth 1 gives the body it gives with each statement alone, in two pipelines', async () => {
    const car = await populatedDemoCar(payload)
    const read = () => get(`/api/cars/${car.id}?depth=1`)
    installReadBatcher(payload, true, { pipeline: false })
    const before = await read()
    installReadBatcher(payload, true, { pipeline: true })
    let after: Awaited<ReturnType<typeof read>> | undefined
    const sizes = (
      await queryCallsBy(async () => {
        after = await read()
      })
    ).map((c) => c.statements)
    expect(before.status).toBe(200)
    expect(after?.body).toEqual(before.body)
    expect(typeof (after?.body as { seller?: unknown }).seller).toBe('object')
    // the car with the authors' rule, then the populations (make, model, features, dealer, seller)
    expect(sizes).toEqual([2, 5])
  })
})
