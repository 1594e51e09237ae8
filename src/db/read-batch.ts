/**
 * Concurrent document reads in one round trip.
 *
 * Every generic read ends in the drizzle adapter's `findMany`, which (with the SQL document reader, ./documents.ts)
 * sends one statement for a page of documents. A request that populates relationships sends one per related
 * collection, all issued together (Payload's dataloader batches by collection and runs those finds at once), and
 * concurrent requests send theirs at the same moment too. On a loaded machine each statement costs the server more
 * than its bytes: handing it to a PostgreSQL backend wakes that backend and the server's thread loses its core
 * (bench/NOTES.md, "Where the time goes"). The batcher collects the document statements issued on the same database
 * handle until the event loop turns (the pool: concurrent requests' reads meet too) or, in a transaction, whose locks
 * are held meanwhile, until the promise jobs already queued have run; then it sends them as one statement whose
 * columns are each statement's documents as a JSON array:
 *
 *   select (select coalesce(jsonb_agg(t.doc), '[]'::jsonb) from (<statement 1>) t(doc)) as "r0", (… <statement 2> …) as "r1"
 *
 * Each statement keeps its own where, order, limit and parameters (drizzle renders them into the one statement);
 * `jsonb_agg` over an ordered subquery keeps its order. A statement alone is sent as it is. When the combined statement
 * fails, each statement is sent alone, so only the one at fault fails, with its own error. Reads of a transaction stay
 * on it; reads outside go to a read replica when the adapter has some, as drizzle's `select` does.
 *
 * That is the mode with `SQL_PLAN_CACHE=off`. By default (./plan-cache.ts) statements are named once their text repeats,
 * so that PostgreSQL plans each once per connection: planning the document statements costs more than running them,
 * and a combined statement's text (which statements met in the turn, in which order) seldom repeats. So the batcher
 * combines nothing then: it pipelines a turn's reads on the pool (./pipeline.ts) — up to {@link MAX_PIPELINE} sent on
 * one connection in one write, each statement with its own name, parameters and answer — and a transaction's reads go
 * to its connection as they come, where those issued together are pipelined too (./pool.ts). With `SQL_PIPELINE=off`
 * each statement goes alone, on a connection of its own.
 * In the bench, sending statements alone and named took REST detail from 250–290 to 480 req/s (session 21); pipelining
 * them took the default-fields listing from 90–137 to 216–245 req/s (session 25, bench/NOTES.md). A request's population
 * finds run together in every mode.
 *
 * Statements a read path renders itself (`query`: text and values, as node-postgres takes them; the listing read path's
 * pages, counts and cars by id through {@link turnPoolOf}) join the turn's pipeline too, each answered with its rows as
 * node-postgres parses them; only one marked `byKey` is named (its plan does not depend on its values). Combining
 * leaves them alone beside the combined statement. In the bench, a GraphQL `Car` sent its statement and the users'
 * read rule in two writes, the car's statement unnamed and planned every time: 447–469 req/s at 16 connections, 33–35 %
 * of its baseline; with both in the turn's pipeline and the car named, 703–902 req/s (bench/NOTES.md, session 38).
 *
 * Installed on the adapter as `readBatcher` (patches/@payloadcms+drizzle+3.89.0.patch calls it for page statements and
 * counts); `SQL_READ_BATCH=off` leaves it out.
 */
import { sql } from '@payloadcms/db-postgres'
import { DrizzleQueryError } from 'drizzle-orm'
import type { Payload } from 'payload'

import { allSettledOrThrow } from '../lib/settle'
import { type PipelinedStatement, type PipelinePool, pipelineEnabled, runPipelined } from './pipeline'
import { batchStatementName, planCacheEnabled, preparedByKey } from './plan-cache'

type SQL = ReturnType<typeof sql>

/** What the batcher uses of a drizzle database or transaction handle. */
export interface ReadHandle {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } }
  session: {
    prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string | undefined, arrayMode: boolean): PreparedRead
    /** The pool (or, in a transaction, its client). */
    client?: unknown
  }
  $replicas?: ReadHandle[]
}

/** drizzle's prepared query (node-postgres session): `rawQueryConfig` is the query config it hands to node-postgres. */
interface PreparedRead {
  execute(): Promise<{ rows: Record<string, unknown>[] }>
  rawQueryConfig?: { name?: string; text: string; types?: unknown }
  params?: unknown[]
}

/** A statement to read: its SQL (drizzle renders it, with its parameters, into the combined statement). */
export interface Statement {
  getSQL(): SQL
}

/**
 * `documents`: a statement whose rows each carry one document, in their one column (the adapter's page statements);
 * `rows`: any statement, its rows answered as JSON objects (to_jsonb: numbers, strings, booleans, nested JSON).
 */
export type ReadKind = 'documents' | 'rows'

/** A statement already rendered as node-postgres takes it (the listing read path's), answered with its rows as node-postgres parses them. */
export interface RenderedQuery {
  text: string
  values: unknown[]
  /**
   * Its best plan does not depend on its values (a read by key): named once its text repeats, so that PostgreSQL plans
   * it once per connection (./plan-cache.ts). Otherwise unnamed, planned for its values each time.
   */
  byKey?: boolean
}

interface Settles {
  resolve(values: unknown[]): void
  reject(error: unknown): void
}

/** A drizzle statement to read. */
interface PendingRead extends Settles {
  kind: ReadKind
  statement: Statement
}

/** A rendered statement to run. */
interface PendingQuery extends Settles {
  kind: 'query'
  query: RenderedQuery
}

type Pending = PendingRead | PendingQuery

/** At most this many statements in one combined statement (PostgreSQL allows 65,535 parameters in all). */
export const MAX_BATCH = 32

const runner = (db: ReadHandle): ReadHandle => (db.$replicas?.length ? db.$replicas[Math.floor(Math.random() * db.$replicas.length)] : db)

/** A statement prepared by drizzle, named once its text repeats when the plan cache is on (./plan-cache.ts). */
const prepare = (db: ReadHandle, query: SQL): PreparedRead => preparedByKey(db, query)

/** Sends a statement alone. */
const execute = (db: ReadHandle, query: SQL) => prepare(db, query).execute()

/** What is sent for a read: a page statement as it is, any other statement's rows as one JSON array (`r0`). */
const statementOf = (item: { kind: ReadKind; statement: Statement }): SQL => (item.kind === 'documents' ? item.statement.getSQL() : combinedStatement([item]))

/** The answer to a read from the rows of {@link statementOf}. */
const answerOf = (kind: ReadKind, rows: Record<string, unknown>[]): unknown[] => (kind === 'documents' ? rows.map((row) => Object.values(row)[0]) : ((rows[0]?.r0 as unknown[] | undefined) ?? []))

/** One statement's answer as one JSON array. */
const asColumn = ({ kind, statement }: { kind: ReadKind; statement: Statement }): SQL =>
  kind === 'documents'
    ? sql`(select coalesce(jsonb_agg(t.doc), '[]'::jsonb) from (${statement.getSQL()}) t(doc))`
    : sql`(select coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) from (${statement.getSQL()}) t)`

/** The statements combined: one row, column `r<i>` holding statement i's answer, in its order. */
export function combinedStatement(items: { kind: ReadKind; statement: Statement }[]): SQL {
  const columns = items.map((item, i) => sql`${asColumn(item)} as ${sql.identifier(`r${i}`)}`)
  return sql`select ${sql.join(columns, sql`, `)}`
}

/** A rendered statement as node-postgres takes it; one by key named once its text repeats when the plan cache is on. */
const queryConfigOf = ({ text, values, byKey }: RenderedQuery): PipelinedStatement => ({ text, values, name: byKey ? batchStatementName(text) : undefined })

async function readAlone(db: ReadHandle, item: Pending): Promise<void> {
  try {
    if (item.kind === 'query') {
      const client = runner(db).session.client as { query(config: PipelinedStatement): Promise<{ rows: Record<string, unknown>[] }> }
      item.resolve((await client.query(queryConfigOf(item.query))).rows)
      return
    }
    // a page statement sent as it is (its one column, whatever its name); any other in the same JSON form as in a
    // combined statement, so the values' types do not depend on the company
    const result = await execute(runner(db), statementOf(item))
    item.resolve(answerOf(item.kind, result.rows))
  } catch (error) {
    item.reject(error)
  }
}

/** The pool behind a handle outside a transaction (a transaction's handle holds a client: null). */
const poolOf = (db: ReadHandle): PipelinePool | null => {
  const client = db.session.client as { connect?: unknown; release?: unknown } | undefined
  return client && typeof client.connect === 'function' && typeof client.release !== 'function' ? (client as PipelinePool) : null
}

/**
 * The statements pipelined on one connection of the pool (./pipeline.ts): one write, each statement named, answered
 * and failing on its own. Each is sent alone instead when drizzle's query config is not there to pipeline.
 */
async function readPipelined(db: ReadHandle, items: Pending[]): Promise<void> {
  const target = runner(db)
  const pool = poolOf(target)
  let statements: PipelinedStatement[] | null = null
  if (pool && items.length > 1) {
    statements = []
    for (const item of items) {
      if (item.kind === 'query') {
        statements.push(queryConfigOf(item.query))
        continue
      }
      const prepared = prepare(target, statementOf(item))
      if (!prepared.rawQueryConfig || !prepared.params) {
        statements = null
        break
      }
      statements.push({ ...prepared.rawQueryConfig, values: prepared.params })
    }
  }
  if (!pool || !statements) {
    await allSettledOrThrow(items.map((item) => readAlone(db, item)))
    return
  }
  let results
  try {
    results = await runPipelined(pool, statements)
  } catch {
    // no connection, or a value node-postgres cannot send: each alone, so each gets its own answer
    await allSettledOrThrow(items.map((item) => readAlone(db, item)))
    return
  }
  items.forEach((item, i) => {
    const result = results[i]
    if (result.ok) item.resolve(item.kind === 'query' ? result.rows : answerOf(item.kind, result.rows))
    // a rendered statement's error as node-postgres gives it; a drizzle statement's as drizzle gives it sent alone (its
    // text and parameters; PostgreSQL's as the cause)
    else item.reject(item.kind === 'query' ? result.error : new DrizzleQueryError(statements[i].text, statements[i].values ?? [], result.error as Error))
  })
}

async function readTogether(db: ReadHandle, queue: Pending[]): Promise<void> {
  // drizzle renders the combined statement: a rendered statement goes alone beside it
  const reads = queue.filter((item): item is PendingRead => item.kind !== 'query')
  const alone: Pending[] = queue.filter((item) => item.kind === 'query')
  if (reads.length === 1) alone.push(reads[0])
  await allSettledOrThrow([...alone.map((item) => readAlone(db, item)), reads.length > 1 ? readCombined(db, reads) : undefined])
}

async function readCombined(db: ReadHandle, items: PendingRead[]): Promise<void> {
  let row: Record<string, unknown> | undefined
  try {
    row = (await execute(runner(db), combinedStatement(items))).rows[0]
  } catch {
    // one of them is at fault (or the connection): each alone, so each gets its own answer
    await allSettledOrThrow(items.map((item) => readAlone(db, item)))
    return
  }
  items.forEach((item, i) => item.resolve((row?.[`r${i}`] as unknown[] | undefined) ?? []))
}

/** Reads through a batcher: each answered with whatever else the same handle reads in the same turn. */
export interface ReadBatcher {
  /** A page statement's documents. */
  documents(db: ReadHandle, statement: Statement): Promise<unknown[]>
  /** Any statement's rows, as JSON objects. */
  rows<T = Record<string, unknown>>(db: ReadHandle, statement: Statement): Promise<T[]>
  /** A rendered statement's rows, as node-postgres parses them. */
  query(db: ReadHandle, query: RenderedQuery): Promise<Record<string, unknown>[]>
  /** Whether the pool's reads of a turn go in one pipeline (the default mode). */
  readonly pipelines: boolean
}

export interface ReadBatcherOptions {
  /** Combine a turn's statements into one (default: when the plan cache is off). */
  combine?: boolean
  /** Otherwise pipeline a turn's statements on one connection (default: on; `SQL_PIPELINE=off`: each sent alone). */
  pipeline?: boolean
  maxBatch?: number
}

/** At most this many statements in one pipeline: the rest go on another connection. */
export const MAX_PIPELINE = 16

export { pipelineEnabled }

export function createReadBatcher(options: ReadBatcherOptions = {}): ReadBatcher {
  const combine = options.combine ?? !planCacheEnabled()
  const pipeline = !combine && (options.pipeline ?? pipelineEnabled())
  const maxBatch = options.maxBatch ?? (pipeline ? MAX_PIPELINE : MAX_BATCH)
  const queues = new Map<ReadHandle, Pending[]>()
  const sent = new WeakSet<Pending[]>()
  const send = (db: ReadHandle, queue: Pending[]) => {
    if (sent.has(queue)) return // sent when it filled up
    sent.add(queue)
    if (queues.get(db) === queue) queues.delete(db)
    void (pipeline ? readPipelined(db, queue) : readTogether(db, queue))
  }
  const enqueue = (db: ReadHandle, item: Pending) => {
    // a transaction's reads go alone (its one connection runs one statement at a time anyway); so does everything when
    // statements are neither combined nor pipelined
    if ((!combine && !pipeline) || (pipeline && !poolOf(db))) return void readAlone(db, item)
    let queue = queues.get(db)
    if (!queue) {
      const fresh: Pending[] = []
      queues.set(db, fresh)
      // A transaction's reads wait only for the promise jobs already queued (its locks are held meanwhile); the pool's
      // wait for the event loop's turn, so concurrent requests' reads meet too.
      if (typeof (db as { rollback?: unknown }).rollback === 'function') process.nextTick(() => send(db, fresh))
      else setImmediate(() => send(db, fresh))
      queue = fresh
    }
    queue.push(item)
    if (queue.length >= maxBatch) send(db, queue)
  }
  const read = (db: ReadHandle, kind: ReadKind, statement: Statement) => new Promise<unknown[]>((resolve, reject) => enqueue(db, { kind, statement, resolve, reject }))
  return {
    documents: (db, statement) => read(db, 'documents', statement),
    rows: <T>(db: ReadHandle, statement: Statement) => read(db, 'rows', statement) as Promise<T[]>,
    query: (db, query) => new Promise<Record<string, unknown>[]>((resolve, reject) => enqueue(db, { kind: 'query', query, resolve: resolve as Settles['resolve'], reject })),
    pipelines: pipeline,
  }
}

type WithBatcher = { readBatcher?: ReadBatcher }

/** Installs the batcher on the adapter as `readBatcher` (or removes it). */
export function installReadBatcher(payload: Payload, enabled = process.env.SQL_READ_BATCH !== 'off', options: ReadBatcherOptions = {}): void {
  const adapter = payload.db as unknown as WithBatcher
  if (enabled) adapter.readBatcher = createReadBatcher(options)
  else delete adapter.readBatcher
}

/**
 * A statement's rows as JSON objects, through the adapter's batcher when installed (sent with the other reads of the
 * same handle in this turn), else alone in the same JSON form.
 */
export function readRows<T = Record<string, unknown>>(payload: Payload, db: unknown, statement: Statement): Promise<T[]> {
  const batcher = (payload.db as unknown as WithBatcher).readBatcher
  if (batcher) return batcher.rows<T>(db as ReadHandle, statement)
  return new Promise<unknown[]>((resolve, reject) => void readAlone(db as ReadHandle, { kind: 'rows', statement, resolve, reject })) as Promise<T[]>
}

/**
 * A pool whose `query(text, values)` goes with the adapter's other pool reads of the turn, in one pipeline on one
 * connection (on a read replica when there are some, as the batcher's reads): for the statements a read path renders
 * itself (src/http/listing-read.ts), which would otherwise each take a write and a backend's wake-up of their own.
 * null when no batcher pipelines (`SQL_READ_BATCH=off`, `SQL_PIPELINE=off`, or combining with the plan cache off).
 * `byKey`: the statements are reads by key, named (see {@link RenderedQuery}).
 */
export function turnPoolOf(payload: Payload, { byKey = false } = {}): { query(text: string, values: unknown[]): Promise<{ rows: Record<string, unknown>[] }> } | null {
  const batcher = (payload.db as unknown as WithBatcher).readBatcher
  const db = (payload.db as unknown as { drizzle?: ReadHandle }).drizzle
  if (!batcher?.pipelines || !db) return null
  return { query: async (text, values) => ({ rows: await batcher.query(db, { text, values, byKey }) }) }
}
