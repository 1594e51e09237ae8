/**
 * A connection runs one query at a time; node-postgres queues the queries a busy client is given but deprecates that
 * (removed in pg 9). The platform's pools order each client's promise queries instead (src/db/pool.ts): those issued
 * together (a population's finds, a workflow's `Promise.all`) or while the client is busy go as one pipeline, a
 * transaction's `begin` with its first statement; with `SQL_PIPELINE=off` each is sent when the previous one settled. (Every test file also fails on any node-postgres deprecation: tests/setup/per-file.ts.)
 */
import pg from 'pg'
import { createLocalReq, commitTransaction, initTransaction, killTransaction, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { guardPool, orderQueries, type ClientLike, type PoolLike } from '../../../src/db/pool'
import { advisoryLock, advisoryLockWithNext, commitWith, dbOf, lockThenRead, replicaPoolsOf, sendWithNext, sql, txOf, withTransaction } from '../../../src/db/transaction'
import { allSettledOrThrow } from '../../../src/lib/settle'
import { demoPayload } from '../../helpers/payload'
import { statementsSentBy, writesBy } from '../../helpers/sql'

type Internals = { _activeQuery: unknown; _queryQueue: unknown[] }

/** The SQLSTATEs (or names) along an error's cause chain: drizzle's "Failed query" wraps node-postgres's error. */
function chain(err: unknown): string[] {
  const out: string[] = []
  for (let e = err as { name?: string; code?: string; cause?: unknown } | undefined; e && out.length < 6; e = e.cause as typeof e) out.push(e.code ?? e.name ?? '?')
  return out
}

/** Records, for every query the client is given (pushed on its own queue), whether it was already running or queueing one. */
function recordBusy(client: pg.Client): boolean[] {
  const busy: boolean[] = []
  const internals = client as unknown as Internals
  internals._queryQueue.push = function (this: unknown[], ...items: unknown[]) {
    busy.push(internals._activeQuery != null || this.length > 0)
    return Array.prototype.push.apply(this, items)
  }
  return busy
}

describe('orderQueries: one query at a time per client, in the order issued', () => {
  let client: pg.Client
  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
  })
  afterAll(() => client.end())

  it('20 queries issued together go as one pipeline, answered in order; a failing one fails alone', async () => {
    const busy = recordBusy(client)
    orderQueries(client as unknown as ClientLike)
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => (i === 7 ? client.query('select 1 / 0') : client.query('select pg_sleep(0.002), $1::int as n', [i]))))
    // one submittable (the pipeline) handed to node-postgres, never while it was busy
    expect(busy).toEqual([false])
    expect(results[7]).toMatchObject({ status: 'rejected', reason: { message: 'division by zero' } })
    expect(results.flatMap((r, i) => (i === 7 ? [] : [(r as PromiseFulfilledResult<pg.QueryResult>).value.rows[0].n]))).toEqual(Array.from({ length: 20 }, (_, i) => i).filter((i) => i !== 7))
    // the results are node-postgres's own (command, rowCount)
    expect(results[0]).toMatchObject({ status: 'fulfilled', value: { command: 'SELECT', rowCount: 1 } })
  })

  it('queries issued while a pipeline runs go together once it is answered', async () => {
    const busy = recordBusy(client)
    const first = client.query('select pg_sleep(0.02), 1 as n')
    await new Promise((resolve) => setImmediate(resolve)) // the first is on its way
    const later = [client.query('select 2 as n'), client.query('select $1::int as n', [3])]
    const rows = await Promise.all([first, ...later])
    expect(rows.map((r) => r.rows[0].n)).toEqual([1, 2, 3])
    expect(busy).toEqual([false, false])
  })

  it('a begin is sent with the statement after it, a commit right after a begin sends nothing; the transaction is real', async () => {
    const busy = recordBusy(client)
    expect(await client.query('begin')).toMatchObject({ command: 'BEGIN' })
    expect(busy).toEqual([]) // nothing sent yet
    await client.query('create temporary table pool_queries_t (x int)')
    expect(busy).toEqual([false]) // begin and the create in one pipeline
    await client.query('insert into pool_queries_t values ($1)', [1])
    expect((await client.query('select count(*)::int as n from pool_queries_t')).rows).toEqual([{ n: 1 }])
    await client.query('rollback')
    expect((await client.query("select to_regclass('pg_temp.pool_queries_t') as t")).rows).toEqual([{ t: null }])
    const before = busy.length
    expect(await client.query('begin')).toMatchObject({ command: 'BEGIN' })
    expect(await client.query('commit')).toMatchObject({ command: 'COMMIT' })
    expect(busy.length).toBe(before)
    // and the client is not left in a transaction
    expect((await client.query('select pg_current_xact_id_if_assigned() is null as none, now() = statement_timestamp() as fresh')).rows).toEqual([{ none: true, fresh: true }])
  })

  it('with SQL_PIPELINE=off: each sent when the previous settled, answers in order; a failing one fails alone', async () => {
    const alone = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await alone.connect()
    try {
      const busy = recordBusy(alone)
      orderQueries(alone as unknown as ClientLike, { pipeline: false })
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => (i === 7 ? alone.query('select 1 / 0') : alone.query('select pg_sleep(0.002), $1::int as n', [i]))))
      expect(busy).toHaveLength(20)
      expect(busy.filter(Boolean)).toEqual([])
      expect(results[7]).toMatchObject({ status: 'rejected', reason: { message: 'division by zero' } })
      expect(results.flatMap((r, i) => (i === 7 ? [] : [(r as PromiseFulfilledResult<pg.QueryResult>).value.rows[0].n]))).toEqual(Array.from({ length: 20 }, (_, i) => i).filter((i) => i !== 7))
    } finally {
      await alone.end()
    }
  })

  it('a query with a callback passes through (the pool’s own pool.query)', async () => {
    const rows = await new Promise<unknown[]>((resolve, reject) => client.query('select 42 as n', [], (err, res) => (err ? reject(err) : resolve(res.rows))))
    expect(rows).toEqual([{ n: 42 }])
  })

  it('without it, a second query reaches the client while the first runs (what the test above rules out)', async () => {
    const bare = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await bare.connect()
    try {
      const busy = recordBusy(bare)
      // two, not more: node-postgres warns from the third on, and every file fails on that warning
      await Promise.all([bare.query('select pg_sleep(0.002)'), bare.query('select pg_sleep(0.002)')])
      expect(busy).toEqual([false, true])
    } finally {
      await bare.end()
    }
  })
})

describe("the platform's pools", () => {
  let payload: Payload
  beforeAll(async () => {
    payload = await demoPayload()
  })

  it("a transaction's concurrent reads (population finds, raw SQL together) never reach its client while it is busy", async () => {
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const tx = await txOf(req)
    const client = (tx as unknown as { session: { client: pg.Client } }).session.client
    expect(client).toBeInstanceOf(pg.Client)
    const busy = recordBusy(client)
    try {
      const [cars, parts, counts] = await Promise.all([
        payload.find({ collection: 'cars', req, depth: 2, limit: 5, overrideAccess: true }),
        payload.find({ collection: 'parts', req, depth: 1, limit: 5, overrideAccess: true }),
        Promise.all([tx.execute(sql`select count(*)::int as n from cars`), tx.execute(sql`select count(*)::int as n from parts`)]),
        payload.find({ collection: 'posts', req, depth: 1, limit: 5, overrideAccess: true }),
      ])
      expect(cars.docs.length).toBeGreaterThan(0)
      expect(parts.docs.length).toBeGreaterThan(0)
      expect(counts.map((c) => c.rows[0].n)).toEqual([expect.any(Number), expect.any(Number)])
    } finally {
      await commitTransaction(req)
    }
    expect(busy.length).toBeGreaterThan(2)
    expect(busy.filter(Boolean)).toEqual([])
  })

  it('lockThenRead: the lock and the reads in one write; the reads run once the lock is held and see what its holder committed', async () => {
    const db = dbOf(payload)
    await db.execute(sql`create table if not exists lock_then_read_t (x int)`)
    const holder = await createLocalReq({}, payload)
    const reader = await createLocalReq({}, payload)
    try {
      await initTransaction(holder)
      const held = await txOf(holder)
      await advisoryLock(held, 'lock-then-read-test', 1)
      await held.execute(sql`insert into lock_then_read_t values (1)`)

      await initTransaction(reader)
      const tx = await txOf(reader)
      const busy = recordBusy((tx as unknown as { session: { client: pg.Client } }).session.client)
      const reading = lockThenRead(tx, 'lock-then-read-test', 1, [sql`select count(*)::int as n from lock_then_read_t`, sql`select 2 as two`])
      // the reader's backend waits on the advisory lock (its statements are all sent: the begin, the lock, the reads)
      for (;;) {
        const waiting = await db.execute(sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'`)
        if (waiting.rows[0].n > 0) break
        await new Promise((resolve) => setImmediate(resolve))
      }
      expect(busy).toEqual([false]) // one submittable: begin, lock and both reads
      await commitTransaction(holder)
      const [count, two] = await reading
      expect(count.rows).toEqual([{ n: 1 }]) // read after the lock was granted, so after the holder's commit
      expect(two.rows).toEqual([{ two: 2 }])
      await commitTransaction(reader)
    } finally {
      await killTransaction(holder)
      await killTransaction(reader)
      await db.execute(sql`drop table if exists lock_then_read_t`)
    }
  })

  it('allSettledOrThrow: a failing branch does not end the transaction while another still writes (Promise.all does)', async () => {
    const db = dbOf(payload)
    await db.execute(sql`create table if not exists all_in_tx_t (x int)`)
    const rows = async () => (await db.execute(sql`select count(*)::int as n from all_in_tx_t`)).rows[0].n
    try {
      let writer: Promise<unknown> = Promise.resolve()
      const attempt = async (all: (work: Promise<unknown>[]) => Promise<unknown>) =>
        withTransaction(await createLocalReq({}, payload), async (tx) => {
          writer = (async () => {
            await tx.execute(sql`select pg_sleep(0.05)`)
            await tx.execute(sql`insert into all_in_tx_t values (1)`)
          })()
          await all([Promise.reject(new Error('the first branch fails')), writer])
        })
      await expect(attempt(allSettledOrThrow)).rejects.toThrow('the first branch fails')
      await Promise.allSettled([writer])
      expect(await rows()).toBe(0) // the insert ran in the transaction, rolled back with it
      // with Promise.all the rollback goes while the writer still runs: its insert lands outside any transaction
      await expect(attempt((work) => Promise.all(work))).rejects.toThrow('the first branch fails')
      await Promise.allSettled([writer])
      expect(await rows()).toBe(1)
    } finally {
      await db.execute(sql`drop table if exists all_in_tx_t`)
    }
  })

  it("a Payload operation failing inside a transaction it joined does not end it: a sibling's later writes stay in it", async () => {
    const db = dbOf(payload)
    await db.execute(sql`create table if not exists joined_tx_t (x text)`)
    const marker = `joined-${process.pid}-${Date.now()}`
    const logged = async () => (await db.execute(sql`select count(*)::int as n from search_queries where query = ${marker}`)).rows[0].n
    const raw = async () => (await db.execute(sql`select count(*)::int as n from joined_tx_t where x = ${marker}`)).rows[0].n
    try {
      let siblings: Promise<unknown>[] = []
      const outer = await createLocalReq({}, payload)
      await expect(
        withTransaction(outer, async (tx) => {
          // Payload's create refuses the data (required fields missing) and, upstream, rolled back the request's
          // transaction on its way out although the transaction was not its own.
          const failing = payload.create({ collection: 'search-queries', req: outer, data: {} as never })
          const after = failing.then(
            () => null,
            () => null,
          )
          siblings = [
            // a sibling writing through Payload with the request, and one through the transaction, once the create failed
            after.then(() => payload.create({ collection: 'search-queries', req: outer, data: { query: marker, normalizedQuery: marker } })),
            after.then(() => tx.execute(sql`insert into joined_tx_t values (${marker})`)),
          ]
          await allSettledOrThrow([failing, ...siblings])
        }),
      ).rejects.toThrow(/invalid|required/i)
      await Promise.allSettled(siblings)
      // Both ran in the transaction and were rolled back with it; nothing was written outside it.
      expect(await logged()).toBe(0)
      expect(await raw()).toBe(0)
      // The same in a transaction a Payload operation opened (as REST and GraphQL writes do): its hooks' Local API calls
      // join it, and only the operation's own rollback ends it.
      const opened = await createLocalReq({}, payload)
      expect(await initTransaction(opened)).toBe(true)
      const failed = payload.create({ collection: 'search-queries', req: opened, data: {} as never })
      const later = failed.then(
        () => null,
        () => payload.create({ collection: 'search-queries', req: opened, data: { query: marker, normalizedQuery: marker } }),
      )
      await Promise.allSettled([failed, later])
      await expect(failed).rejects.toThrow(/invalid|required/i)
      await killTransaction(opened) // the opener's rollback
      expect(await logged()).toBe(0)
      // A failure the work handles leaves it in its transaction: what it writes next commits with the rest.
      const req = await createLocalReq({}, payload)
      const txids = await withTransaction(req, async (tx) => {
        const txid = async () => String((await tx.execute(sql`select txid_current() as t`)).rows[0].t)
        const before = await txid()
        expect(await payload.findByID({ collection: 'search-queries', id: 2_000_000_000, req }).catch(() => 'not found')).toBe('not found')
        await payload.create({ collection: 'search-queries', req, data: { query: marker, normalizedQuery: marker } })
        return [before, await txid()]
      })
      expect(txids[1]).toBe(txids[0])
      expect(await logged()).toBe(1)
    } finally {
      await db.execute(sql`drop table if exists joined_tx_t`)
      await db.execute(sql`delete from search_queries where query = ${marker}`)
    }
  })

  it("a COMMIT that fails is the caller's error, not a success: Payload's adapter swallowed it (patched), for every write", async () => {
    const db = dbOf(payload)
    // a constraint checked at the commit: the only statement that fails is the COMMIT itself
    await db.execute(sql`create table if not exists commit_fails_t (x int, constraint commit_fails_t_x unique (x) deferrable initially deferred)`)
    try {
      const attempt = async () =>
        withTransaction(await createLocalReq({}, payload), async (tx) => {
          await tx.execute(sql`insert into commit_fails_t values (1), (1)`)
          return 'answered as done'
        })
      const outcome = await attempt().then(
        (value) => ({ value }),
        (err: { code?: string; cause?: { code?: string } }) => ({ code: err.code ?? err.cause?.code }),
      )
      expect(outcome).toEqual({ code: '23505' })
      expect((await db.execute(sql`select count(*)::int as n from commit_fails_t`)).rows[0].n).toBe(0)
      // through Payload's own operations too: the write answers an error, and its connection serves the next one
      const req = await createLocalReq({}, payload)
      await initTransaction(req)
      await (await txOf(req)).execute(sql`insert into commit_fails_t values (2), (2)`)
      await expect(commitTransaction(req)).rejects.toMatchObject({ cause: { code: '23505' } })
      expect(await withTransaction(await createLocalReq({}, payload), async (tx) => (await tx.execute(sql`select 1 as one`)).rows[0].one)).toBe(1)
    } finally {
      await db.execute(sql`drop table if exists commit_fails_t`)
    }
  })

  it('a COMMIT after a failure the work handled is an error, not a success: PostgreSQL rolled the transaction back', async () => {
    const db = dbOf(payload)
    await db.execute(sql`create table if not exists handled_failure_t (x int)`)
    const rows = async () => (await db.execute(sql`select x from handled_failure_t order by x`)).rows.map((r) => Number(r.x))
    try {
      // withTransaction: the work swallows a failed statement and returns; PostgreSQL answers its COMMIT with ROLLBACK
      const outcome = await withTransaction(await createLocalReq({}, payload), async (tx) => {
        await tx.execute(sql`insert into handled_failure_t values (1)`)
        await tx.execute(sql`select 1 / 0`).catch(() => null)
        return 'answered as done'
      }).then(
        (value) => ({ value }),
        (err: unknown) => ({ chain: chain(err) }),
      )
      expect(outcome).toEqual({ chain: expect.arrayContaining(['RolledBackError', '22012']) })
      // a statement after the handled failure is refused (25P02) with that failure as its cause, so whoever reports
      // it sees why (Payload's bulk delete goes on after a document's failure: the guards map its first escaping error)
      const refused = await withTransaction(await createLocalReq({}, payload), async (tx) => {
        await tx.execute(sql`select 1 / 0`).catch(() => null)
        return tx.execute(sql`select 1`)
      }).then(
        () => [],
        (err: unknown) => chain(err),
      )
      expect(refused).toEqual(['Error', '25P02', '22012'])
      // a transaction Payload's operations open (initTransaction, as its REST handlers do), committed by Payload
      const req = await createLocalReq({}, payload)
      await initTransaction(req)
      const tx = await txOf(req)
      await tx.execute(sql`insert into handled_failure_t values (2)`)
      await tx.execute(sql`select 1 / 0`).catch(() => null)
      const committed = await commitTransaction(req).then(
        () => 'committed',
        (err: unknown) => chain(err),
      )
      expect(committed).toEqual(expect.arrayContaining(['RolledBackError', '22012']))
      expect(await rows()).toEqual([])
      // a failure undone by its savepoint (a nested transaction) leaves the transaction whole: its COMMIT commits
      await (db as unknown as { transaction: (fn: (t: typeof db) => Promise<void>) => Promise<void> }).transaction(async (outer) => {
        await outer.execute(sql`insert into handled_failure_t values (3)`)
        const inner = (outer as unknown as { transaction: (fn: (t: typeof db) => Promise<void>) => Promise<void> }).transaction(async (t) => {
          await t.execute(sql`select 1 / 0`)
        })
        await expect(inner).rejects.toThrow()
        await outer.execute(sql`insert into handled_failure_t values (4)`)
      })
      expect(await rows()).toEqual([3, 4])
      // and the connections serve the next transactions
      expect(await withTransaction(await createLocalReq({}, payload), async (t) => (await t.execute(sql`select 1 as one`)).rows[0].one)).toBe(1)
    } finally {
      await db.execute(sql`drop table if exists handled_failure_t`)
    }
  })

  describe('sendWithNext: a statement whose answer nobody waits for goes with the next one, or with the COMMIT', () => {
    const rows = async () => (await dbOf(payload).execute(sql`select x from with_next_t order by x`)).rows.map((r) => Number(r.x))
    beforeAll(async () => {
      await dbOf(payload).execute(sql`create table if not exists with_next_t (x int)`)
    })
    afterAll(async () => {
      await dbOf(payload).execute(sql`drop table if exists with_next_t`)
    })

    it('held until the next statement (which sees it), or sent with the COMMIT; the rows stand', async () => {
      await dbOf(payload).execute(sql`delete from with_next_t`)
      let seen: unknown
      const writes = await writesBy(async () => {
        await withTransaction(await createLocalReq({}, payload), async (tx) => {
          await sendWithNext(tx, sql`insert into with_next_t values (1)`)
          seen = (await tx.execute(sql`select count(*)::int as n from with_next_t`)).rows[0].n
          await sendWithNext(tx, sql`insert into with_next_t values (2)`)
        })
      })
      expect(seen).toBe(1)
      expect(writes).toEqual([
        ['begin', 'insert into with_next_t values (1)', 'select count(*)::int as n from with_next_t'],
        ['insert into with_next_t values (2)', 'commit'],
      ])
      expect(await rows()).toEqual([1, 2])
    })

    it('one that fails: what follows fails with its error (not "current transaction is aborted"), the COMMIT too; nothing stands', async () => {
      await dbOf(payload).execute(sql`delete from with_next_t`)
      const next = await withTransaction(await createLocalReq({}, payload), async (tx) => {
        await tx.execute(sql`insert into with_next_t values (10)`)
        await sendWithNext(tx, sql`select 1 / 0`)
        await tx.execute(sql`insert into with_next_t values (11)`)
        return 'answered as done'
      }).then(
        (value) => ({ value }),
        (err: unknown) => ({ chain: chain(err) }),
      )
      expect(next).toEqual({ chain: expect.arrayContaining(['22012']) })
      expect('chain' in next && next.chain).not.toContain('25P02')
      // the failing one sent with the COMMIT alone: the COMMIT fails with its error
      const last = await withTransaction(await createLocalReq({}, payload), async (tx) => {
        await tx.execute(sql`insert into with_next_t values (12)`)
        await sendWithNext(tx, sql`select 1 / 0`)
        return 'answered as done'
      }).then(
        (value) => ({ value }),
        (err: unknown) => ({ chain: chain(err) }),
      )
      expect(last).toEqual({ chain: expect.arrayContaining(['22012']) })
      expect(await rows()).toEqual([])
      const open = await dbOf(payload).execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`)
      expect(open.rows[0].n).toBe(0)
    })

    it('a rollback drops what was held (never sent); outside a transaction it is sent at once', async () => {
      await dbOf(payload).execute(sql`delete from with_next_t`)
      const sent = await statementsSentBy(async () => {
        await expect(
          withTransaction(await createLocalReq({}, payload), async (tx) => {
            await sendWithNext(tx, sql`insert into with_next_t values (20)`)
            throw new Error('the work fails')
          }),
        ).rejects.toThrow('the work fails')
      })
      expect(sent.filter((s) => s.includes('with_next_t'))).toEqual([])
      await sendWithNext(dbOf(payload), sql`insert into with_next_t values (30)`)
      expect(await rows()).toEqual([30])
    })

    it('advisoryLockWithNext: the lock in the write of the read it guards, and it still serializes: 20 concurrent read-then-write increments, none lost', async () => {
      await dbOf(payload).execute(sql`delete from with_next_t`)
      await dbOf(payload).execute(sql`insert into with_next_t values (0)`)
      const increment = async () =>
        withTransaction(await createLocalReq({}, payload), async (tx) => {
          await advisoryLockWithNext(tx, 'with-next-test', 1)
          const x = Number((await tx.execute(sql`select x from with_next_t`)).rows[0].x)
          await tx.execute(sql`update with_next_t set x = ${x + 1}::int`)
        })
      const writes = await writesBy(increment)
      expect(writes[0]).toEqual(['begin', 'select pg_advisory_xact_lock(hashtext($1), hashtext($2))', 'select x from with_next_t'])
      await Promise.all(Array.from({ length: 20 }, increment))
      expect(await rows()).toEqual([21])
    })
  })

  describe('commitWith: a transaction ended by statements that go in the write carrying its COMMIT', () => {
    const rows = async () => (await dbOf(payload).execute(sql`select x from commit_with_t order by x`)).rows.map((r) => Number(r.x))
    beforeAll(async () => {
      await dbOf(payload).execute(sql`create table if not exists commit_with_t (x int primary key)`)
    })
    afterAll(async () => {
      await dbOf(payload).execute(sql`drop table if exists commit_with_t`)
    })

    it('the statements and the COMMIT in one write, in order; the answer is made of their results; the rows stand', async () => {
      await dbOf(payload).execute(sql`delete from commit_with_t`)
      let answer: unknown
      const writes = await writesBy(async () => {
        answer = await withTransaction(await createLocalReq({}, payload), async (tx) => {
          await tx.execute(sql`insert into commit_with_t values (1)`)
          return commitWith([sql`insert into commit_with_t values (2) returning x`, { byKey: sql`insert into commit_with_t values (${3}::int) returning x` }], (results) =>
            results.map((r) => Number(r.rows[0].x)),
          )
        })
      })
      expect(answer).toEqual([2, 3])
      expect(writes[writes.length - 1]).toEqual(['insert into commit_with_t values (2) returning x', 'insert into commit_with_t values ($1::int) returning x', 'commit'])
      expect(await rows()).toEqual([1, 2, 3])
    })

    it('a refusal among them: PostgreSQL rolls the whole transaction back, its refusal is thrown, the connection serves the next transaction', async () => {
      await dbOf(payload).execute(sql`delete from commit_with_t`)
      const attempt = async () =>
        withTransaction(await createLocalReq({}, payload), async (tx) => {
          await tx.execute(sql`insert into commit_with_t values (10)`)
          return commitWith([sql`insert into commit_with_t values (11)`, sql`select autohub_refuse('No room.', '{"x":12}')`, sql`insert into commit_with_t values (13)`], () => 'answered')
        })
      const refusal = await attempt().then(
        () => null,
        (err: { cause?: { code?: string; message?: string; detail?: string } }) => err.cause ?? err,
      )
      expect(refusal).toMatchObject({ code: 'AH409', message: 'No room.', detail: '{"x":12}' })
      expect(await rows()).toEqual([]) // the insert before the last write too
      // every connection is back in the pool outside any transaction: a burst of transactions after it commits
      await Promise.all(
        Array.from({ length: 25 }, async (_, i) => withTransaction(await createLocalReq({}, payload), async () => commitWith([sql`insert into commit_with_t values (${100 + i}::int)`], () => i))),
      )
      expect((await rows()).length).toBe(25)
      const open = await dbOf(payload).execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`)
      expect(open.rows[0].n).toBe(0)
    })

    it('a statement that cannot even be sent: the transaction is rolled back, not left open, and the error thrown', async () => {
      await dbOf(payload).execute(sql`delete from commit_with_t`)
      await expect(
        withTransaction(await createLocalReq({}, payload), async (tx) => {
          await tx.execute(sql`insert into commit_with_t values (20)`)
          return commitWith([sql`insert into commit_with_t values (21)`, {} as never], () => 'answered')
        }),
      ).rejects.toThrow(TypeError)
      expect(await rows()).toEqual([])
      const open = await dbOf(payload).execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`)
      expect(open.rows[0].n).toBe(0)
    })

    it("nested (the transaction is the caller's): the statements run in the outer transaction and roll back with it", async () => {
      await dbOf(payload).execute(sql`delete from commit_with_t`)
      const req = await createLocalReq({}, payload)
      await expect(
        withTransaction(req, async () => {
          const inner = await withTransaction(req, async () => commitWith([sql`insert into commit_with_t values (7) returning x`], (r) => Number(r[0].rows[0].x)))
          expect(inner).toBe(7)
          expect((await (await txOf(req)).execute(sql`select count(*)::int as n from commit_with_t`)).rows[0].n).toBe(1)
          throw new Error('the outer work fails')
        }),
      ).rejects.toThrow('the outer work fails')
      expect(await rows()).toEqual([])
    })
  })

  it('guards every pool: the primary and each read replica get the chaining on new clients', () => {
    const listeners: ((client: ClientLike) => void)[] = []
    const fake = { on: (event: string, l: (client: ClientLike) => void) => (event === 'connect' ? listeners.push(l) : 0) } as unknown as PoolLike
    guardPool(fake, { warn: () => {} }, 'fake')
    const client = { on: () => {}, query: () => Promise.resolve() }
    const before = client.query
    listeners.forEach((l) => l(client))
    expect(client.query).not.toBe(before)
    expect(replicaPoolsOf({ db: { drizzle: { $replicas: [{ $client: 'r1' }, { $client: 'r2' }] } } } as unknown as Payload)).toEqual(['r1', 'r2'])
  })
})
