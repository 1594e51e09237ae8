/**
 * The platform's connection pools (the primary's, each read replica's, the realtime adapter's), made safe to use:
 *
 * - node-postgres emits 'error' on a pool (idle client) or on a checked-out client when the server drops the
 *   connection (restart, failover, admin termination). Without a listener that crashes the process; with these, the
 *   error is logged, the broken client is discarded and the next query reconnects.
 * - A connection runs one query at a time. A transaction's reads are often issued together (a population's finds,
 *   `Promise.all` in a workflow) and all go to the transaction's one client; node-postgres queues them itself but
 *   deprecates that ("Calling client.query() when the client is already executing a query", removed in pg 9). Each
 *   client's promise queries are therefore ordered here, in the order issued: those issued while the client is busy
 *   or in the same turn go together as one pipeline (./pipeline.ts: one socket write, each statement answered or
 *   failing on its own), and a transaction's `begin` goes with its first statement: a round trip saved for each
 *   statement issued with another, which counts most where locks are held and as the network to the database grows
 *   (on the bench's two shared cores the booking and checkout rates did not move: bench/NOTES.md, sessions 26–27).
 *   With `SQL_PIPELINE=off` each is sent when the previous one settled. Queries with a callback (the pool's own
 *   `pool.query`, on a client it has just checked out) and submittables (cursors, streams, the read batcher's
 *   pipelines) pass through unchanged.
 */
import type pg from 'pg'

import { Pipeline, type PipelinedStatement, pipelineable, pipelineEnabled } from './pipeline'

export interface ClientLike {
  on(event: 'error', listener: (err: Error) => void): unknown
  query(...args: unknown[]): unknown
}

export interface PoolLike {
  on(event: 'error', listener: (err: Error) => void): unknown
  on(event: 'connect', listener: (client: ClientLike) => void): unknown
}

const guarded = new WeakSet<object>()
const ordered = new WeakSet<object>()

const passesThrough = (args: unknown[]) => typeof args[args.length - 1] === 'function' || typeof (args[0] as { submit?: unknown } | null | undefined)?.submit === 'function'

/** A promise query waiting for its client. */
interface Waiting {
  args: unknown[]
  resolve(result: unknown): void
  reject(error: unknown): void
  /** Sent with the next statement, answered at once (`WITH_NEXT`). */
  held?: true
}

/** `begin`, with or without transaction modes (drizzle's `begin isolation level …`): one command, no parameters. */
const BEGIN = /^\s*begin(\s+[a-z ,]+)?\s*;?\s*$/i
const END = /^\s*(commit|rollback|end)\s*;?\s*$/i

const textOf = (args: unknown[]): string | undefined => (typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: unknown } | null | undefined)?.text as string | undefined))
const none = (values: unknown) => values === undefined || (Array.isArray(values) && values.length === 0)
const withoutValues = (args: unknown[]) => none(args[1]) && (typeof args[0] === 'string' || none((args[0] as { values?: unknown }).values))

/** The statement a promise query's arguments describe (`(text, values)` or `(config, values)`), or null: not pipelineable. */
function statementOf(args: unknown[]): PipelinedStatement | null {
  if (args.length > 2 || !args[0]) return null
  const config: Record<string, unknown> = typeof args[0] === 'string' ? { text: args[0] } : { ...(args[0] as object) }
  if (args[1] !== undefined) config.values = args[1]
  return pipelineable(config) ? config : null
}

/** What node-postgres answers for a command without rows (`begin`, `commit`). */
const commandResult = (command: string) => ({ command, rowCount: null, oid: null, rows: [], fields: [] })

type Send = (...a: unknown[]) => Promise<unknown>

/** Chains the client's promise queries: one in flight at a time, in the order issued (see the header). */
export function orderQueries(client: ClientLike, options: { pipeline?: boolean } = {}): void {
  if (ordered.has(client)) return
  ordered.add(client)
  // the client's own method, looked up per call (a wrapper set on its class later, as tests' recorders do, still sees
  // every query)
  const own = Object.prototype.hasOwnProperty.call(client, 'query') ? client.query : null
  const query: Send = (...args) => ((own ?? Object.getPrototypeOf(client).query) as Send).apply(client, args)
  if (options.pipeline ?? pipelineEnabled()) pipelineQueries(client, query)
  else chainQueries(client, query)
  reportRollbacks(client)
}

/** `rollback to savepoint …`: a failure inside the savepoint is undone, the transaction can go on. */
const TO_SAVEPOINT = /^\s*rollback\s+to\s+/i
const COMMIT = /^\s*(commit|end)\s*;?\s*$/i
/** A `commit` that PostgreSQL answered `ROLLBACK`: a statement of its transaction had failed. */
const isRolledBackCommit = (args: unknown[], result: unknown) => (result as { command?: unknown } | undefined)?.command === 'ROLLBACK' && COMMIT.test(textOf(args) ?? '')

/**
 * A `commit` of a transaction in which a statement had failed: PostgreSQL rolls it back and answers `ROLLBACK`, not
 * an error, and node-postgres resolves with it. Raised instead of that answer (./pool.ts `reportRollbacks`), with
 * the failure that aborted the transaction as its `cause` when it was seen.
 */
export class RolledBackError extends Error {
  constructor(cause: unknown) {
    const why = cause instanceof Error ? `: ${cause.message}` : ''
    super(`The transaction was rolled back, not committed: one of its statements had failed${why}`, cause === undefined ? undefined : { cause })
    this.name = 'RolledBackError'
  }
}

/**
 * A transaction whose statement failed can only roll back; a caller that handled that failure and went on to commit
 * would otherwise be told it committed. So between a `begin` and its end, the first failing promise query is noted,
 * and a `commit` answered `ROLLBACK` rejects with {@link RolledBackError} caused by it. A later statement refused
 * because the transaction is aborted (25P02) gets that failure as its `cause` too: whoever reports the error (the
 * guards' mapping of a client's mistake to a 4xx) sees why, not only that the transaction was already lost — Payload's
 * bulk delete handles each document's failure and goes on, so its first error to escape is such a 25P02. Outside a
 * transaction nothing is added to a query.
 */
function reportRollbacks(client: ClientLike): void {
  const inner = client.query.bind(client) as Send
  /** The open transaction's first failure (a statement issued in it may settle after its `commit` was issued). */
  let open: { abortedBy?: unknown } | null = null
  client.query = (...args: unknown[]) => {
    if (passesThrough(args)) return inner(...args)
    const text = textOf(args)
    const plain = text !== undefined && withoutValues(args)
    if (plain && BEGIN.test(text)) {
      open = {}
      return inner(...args)
    }
    const tx = open
    if (!tx) return inner(...args)
    if (plain && END.test(text)) {
      open = null
      if (!COMMIT.test(text)) return inner(...args)
      return inner(...args).then((result) => {
        if (isRolledBackCommit(args, result)) throw new RolledBackError(tx.abortedBy)
        return result
      })
    }
    if (text !== undefined && TO_SAVEPOINT.test(text)) {
      return inner(...args).then((result) => {
        tx.abortedBy = undefined
        return result
      })
    }
    return inner(...args).catch((error: unknown) => {
      if (tx.abortedBy === undefined) tx.abortedBy = error
      else if (isSqlState(error, ABORTED) && !(error as { cause?: unknown }).cause) (error as { cause?: unknown }).cause = tx.abortedBy
      throw error
    })
  }
}

/** "current transaction is aborted, commands ignored until end of transaction block". */
const ABORTED = '25P02'

/** Each promise query sent when the previous one settled (`SQL_PIPELINE=off`). */
function chainQueries(client: ClientLike, query: Send): void {
  let tail: Promise<unknown> | null = null
  client.query = (...args: unknown[]) => {
    if (passesThrough(args)) return query(...args)
    const run = () => query(...args)
    const result = tail ? tail.then(run, run) : run()
    const settled: Promise<unknown> = result.then(
      () => undefined,
      () => undefined,
    )
    tail = settled
    void settled.then(() => {
      if (tail === settled) tail = null
    })
    return result
  }
}

/**
 * Marks a promise query to go with the transaction's next statement (`sendWithNext`, src/db/transaction.ts): its
 * answer is not waited for. Ignored outside a transaction and with `SQL_PIPELINE=off`: sent at once, as any query.
 */
export const WITH_NEXT = Symbol.for('autohub.sendWithNext')

const isSqlState = (err: unknown, code: string) => (err as { code?: unknown } | null | undefined)?.code === code

/**
 * The promise queries issued on the client while it is busy or in the same turn (until the promise jobs queued have
 * run) are sent together, in the order issued, as one pipeline (./pipeline.ts): one write for a transaction's reads
 * issued together, and for a lock and the reads it guards. A `begin` is answered at once and sent with the statement
 * after it (a transaction's snapshot is taken by its first statement anyway); a `commit` or `rollback` right after it
 * sends nothing. So is a statement marked {@link WITH_NEXT} inside a transaction: it goes with the next statement, or
 * with the `commit` (a `rollback` drops it). When it fails, the transaction is aborted: what follows it fails with its
 * error instead of "current transaction is aborted" (25P02), and so does a `commit` then answered ROLLBACK.
 */
function pipelineQueries(client: ClientLike, query: Send): void {
  let waiting: Waiting[] = []
  let busy = false
  let scheduled = false
  /** A `begin` answered but not sent yet. */
  let begin: unknown[] | null = null
  /** Between a `begin` and the transaction's end. */
  let open = false
  /** Statements answered at once, sent with the next (`WITH_NEXT`). */
  let held: Waiting[] = []
  /** The error of a held statement that failed: kept past the transaction's end (its COMMIT is answered after), until the next `begin` or a savepoint's rollback. */
  let heldFailure: { error: unknown } | null = null
  const idle = () => !busy && !waiting.length
  const noop = () => {}
  const heldEntry = (args: unknown[]): Waiting => ({ args, resolve: noop, reject: (error) => (heldFailure ??= { error }), held: true })
  /** What goes before the next statements — the `begin` and the statements held back — taken off the client. */
  const takeFront = (): Waiting[] => {
    const front = [...(begin ? [{ args: begin, resolve: noop, reject: noop }] : []), ...held]
    begin = null
    held = []
    return front
  }

  const schedule = () => {
    if (scheduled || busy) return
    scheduled = true
    process.nextTick(send)
  }
  /** Free again: what waited goes next, with what the answers' continuations issue (they run before the tick). */
  const settle = () => {
    busy = false
    if (waiting.length) schedule()
  }
  /** A statement's outcome. After a held statement failed, what that made fail carries its error: "current transaction is aborted" (25P02), a COMMIT answered ROLLBACK. */
  const answer = (w: Waiting, ok: boolean, outcome: unknown) => {
    const failure = w.held ? null : heldFailure
    if (failure && (ok ? isRolledBackCommit(w.args, outcome) : isSqlState(outcome, ABORTED))) w.reject(failure.error)
    else if (ok) w.resolve(outcome)
    else w.reject(outcome)
  }
  /** Each alone, in order (one query, or what cannot be pipelined); the client is free again before the last answer. */
  const oneByOne = async (batch: Waiting[]) => {
    for (let i = 0; i < batch.length; i++) {
      let ok = true
      let outcome: unknown
      try {
        outcome = await query(...batch[i].args)
      } catch (error) {
        ok = false
        outcome = error
      }
      if (i === batch.length - 1) settle()
      answer(batch[i], ok, outcome)
    }
  }
  function send() {
    scheduled = false
    if (busy || !waiting.length) return
    const batch = [...takeFront(), ...waiting]
    waiting = []
    busy = true
    const statements = batch.length > 1 ? batch.map((w) => statementOf(w.args)) : []
    let pipeline: Pipeline | null = null
    if (statements.length && statements.every((s) => s !== null)) {
      try {
        pipeline = new Pipeline(client as unknown as pg.ClientBase, statements as PipelinedStatement[])
      } catch {
        pipeline = null // a value node-postgres cannot send: each alone gets its own error
      }
    }
    if (!pipeline) return void oneByOne(batch)
    void query(pipeline)
    void pipeline.done.then((results) => {
      settle()
      results.forEach((r, i) => answer(batch[i], r.ok, r.ok ? r.result : r.error))
    })
  }

  client.query = (...args: unknown[]) => {
    if (passesThrough(args)) {
      // a begin and statements held back go first (node-postgres queues the pass-through behind them)
      for (const w of takeFront()) void query(...w.args).then(noop, w.reject)
      return query(...args)
    }
    const text = textOf(args)
    if (text !== undefined && withoutValues(args)) {
      if (BEGIN.test(text)) {
        open = true
        heldFailure = null
        if (!begin && idle()) {
          begin = args
          return Promise.resolve(commandResult('BEGIN'))
        }
      } else if (END.test(text)) {
        open = false
        // a rollback undoes what was held anyway; a commit sends it
        if (!COMMIT.test(text)) held = []
        if (begin && idle() && !held.length) {
          begin = null
          return Promise.resolve(commandResult(text.trim().replace(/;$/, '').toUpperCase()))
        }
      } else if (TO_SAVEPOINT.test(text)) {
        heldFailure = null
      }
    }
    if (open && (args[0] as { [WITH_NEXT]?: unknown } | null)?.[WITH_NEXT] === true) {
      const { [WITH_NEXT]: _marker, ...config } = args[0] as Record<string | symbol, unknown>
      held.push(heldEntry([config, ...args.slice(1)]))
      return Promise.resolve(commandResult('HELD'))
    }
    return new Promise((resolve, reject) => {
      waiting.push({ args, resolve, reject })
      schedule()
    })
  }
}

export function guardPool(pool: PoolLike | undefined, logger: { warn: (o: object) => void }, name: string): void {
  if (!pool || guarded.has(pool)) return
  guarded.add(pool)
  const log = (err: Error) => logger.warn({ err: { message: err.message }, msg: `${name}: connection lost` })
  const guard = (client: ClientLike) => {
    client.on('error', log)
    orderQueries(client)
  }
  pool.on('error', log)
  pool.on('connect', guard)
  // clients the pool opened before it was guarded (start-up's queries)
  for (const client of (pool as { _clients?: ClientLike[] })._clients ?? []) guard(client)
}
