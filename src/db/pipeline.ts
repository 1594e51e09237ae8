/**
 * Several statements on one connection in one write: PostgreSQL's extended protocol, pipelined.
 *
 * node-postgres sends a statement and waits for its answer before it sends the next one on that connection; each
 * statement is a socket write, a wake-up of the PostgreSQL backend and a read. On this platform's loaded servers that
 * write is a large part of a read's cost (bench/NOTES.md, session 25: `writev` was 18 % of the server's busy samples
 * while it answered REST detail, default-fields lists and parking nearby). A {@link Pipeline} writes all its statements
 * at once — for each: Parse (when the connection has not prepared it yet), Bind, Describe, Execute, then a Sync of
 * its own (a statement without name or parameters: a simple Query message, as node-postgres sends it) — and
 * PostgreSQL answers them in order. Each statement keeps its own name (its plan, ./plan-cache.ts), its
 * parameters, its type parsers and its own result or error: with a Sync after each, a statement that fails is rolled
 * back alone and the next ones run as if sent separately.
 *
 * It is a node-postgres "submittable" (`client.query(pipeline)`): the client routes each protocol message to the
 * active query; the pipeline hands it to the statement being answered (a node-postgres `Query`, which parses the rows
 * as it would alone) and, after that statement's ReadyForQuery, stays the client's active query until the last one.
 * When a Parse completes, the client records the statement as prepared on the connection from the active query's
 * `name` and `text` — the pipeline's are those of the statement being answered, so the bookkeeping is node-postgres's
 * own. The client must be given the pipeline alone (a pool client checked out for it, or a transaction's client whose
 * queries ./pool.ts sends one call at a time), as node-postgres runs one query at a time.
 */
import pg from 'pg'
import pgUtils from 'pg/lib/utils.js'

import { allSettledOrThrow } from '../lib/settle'

/**
 * One statement: a node-postgres query config (drizzle's prepared query builds it; `client.query(text, values)` is
 * `{ text, values }`). Like node-postgres, a statement with a name or parameters goes by the extended protocol, one
 * with neither as a simple query (which may hold several commands: `begin`, `commit`, a script).
 */
export interface PipelinedStatement {
  text: string
  name?: string
  values?: unknown[]
  /** Type parsers (drizzle keeps dates and intervals as text). */
  types?: unknown
  /** `'array'`: rows as arrays (drizzle's selects). */
  rowMode?: string
}

/** A statement's answer: node-postgres's result (`rows`, `rowCount`, `command`, `fields`), or its error. */
export type PipelinedResult = { ok: true; rows: Record<string, unknown>[]; result: pg.QueryResult } | { ok: false; error: unknown }

/** What node-postgres would not send as one statement of a pipeline: portals read in pages, binary results, streams. */
export const pipelineable = (config: object): config is PipelinedStatement => {
  const c = config as PipelinedStatement & { rows?: unknown; portal?: unknown; binary?: unknown; submit?: unknown; callback?: unknown; queryMode?: unknown }
  return typeof c.text === 'string' && !c.rows && !c.portal && !c.binary && !c.submit && !c.callback && !c.queryMode && (c.values === undefined || Array.isArray(c.values))
}

/** What the pipeline uses of node-postgres's connection (pg/lib/connection.js). */
interface Connection {
  parsedStatements: Record<string, string>
  stream: { cork?: () => void; uncork?: () => void }
  query(text: string): void
  parse(config: { text: string; name?: string; types?: unknown[] }): void
  bind(config: { portal: string; statement?: string; values: unknown[]; binary: boolean }): void
  describe(config: { type: 'P'; name: string }): void
  execute(config: { portal: string }): void
  sync(): void
}

/** What it uses of the client: its active query slot and state (pg/lib/client.js). */
interface ClientState {
  _activeQuery: unknown
  readyForQuery: boolean
  _queryable: boolean
  _ending: boolean
}

type PgQuery = InstanceType<typeof pg.Query> & {
  name?: string
  text: string
  handleRowDescription(msg: unknown): void
  handleDataRow(msg: unknown): void
  handleCommandComplete(msg: unknown, con: Connection): void
  handleEmptyQuery(con: Connection): void
  handleError(err: unknown, con: Connection): void
  handleReadyForQuery(con: Connection): void
  requiresPreparation(): boolean
}

export class Pipeline {
  private readonly queries: PgQuery[]
  /** Each statement's, set by its query's callback (or, for those a lost connection leaves, by {@link handleError}). */
  private readonly results: PipelinedResult[]
  /** The values as node-postgres maps them, before anything is written: a value it cannot send fails here, not mid-write. */
  private readonly mapped: unknown[][]
  private index = 0
  private failed = false
  private refused: Error | null = null
  private finish!: () => void
  /** Settles when every statement has its answer (never rejects: each result says). */
  readonly done: Promise<PipelinedResult[]>

  constructor(
    private readonly client: pg.ClientBase,
    readonly statements: PipelinedStatement[],
  ) {
    this.results = new Array<PipelinedResult>(statements.length)
    this.mapped = statements.map((s) => (s.values ?? []).map((v) => pgUtils.prepareValue(v)))
    this.done = new Promise((resolve) => (this.finish = () => resolve(this.results)))
    this.queries = statements.map((s, i) => {
      const callback = (error: unknown, result?: pg.QueryResult) => {
        this.results[i] = error ? { ok: false, error } : { ok: true, rows: result?.rows ?? [], result: result! }
      }
      return new pg.Query({ text: s.text, name: s.name, types: s.types, rowMode: s.rowMode, values: s.values } as pg.QueryConfig, undefined, callback) as PgQuery
    })
  }

  private get current(): PgQuery | undefined {
    return this.queries[this.index]
  }

  /** Read by the client when a Parse completes (it records the statement as prepared on the connection). */
  get name(): string | undefined {
    return this.current?.name
  }

  get text(): string | undefined {
    return this.current?.text
  }

  submit(connection: Connection): Error | null {
    const clash = this.statements.find((s) => s.name && connection.parsedStatements[s.name] !== undefined && connection.parsedStatements[s.name] !== s.text)
    if (clash || !this.statements.length) {
      // nothing is written: the client hands this error to handleError, which answers every statement with it
      this.refused = clash ? new Error(`Prepared statements must be unique - '${clash.name}' was used for a different statement`) : new Error('an empty pipeline')
      return this.refused
    }
    const parsing = new Set<string>()
    connection.stream.cork?.()
    try {
      this.statements.forEach((s, i) => {
        if (!this.queries[i].requiresPreparation()) return void connection.query(s.text)
        if (!s.name || (connection.parsedStatements[s.name] === undefined && !parsing.has(s.name))) {
          connection.parse({ text: s.text, name: s.name, types: [] })
          if (s.name) parsing.add(s.name)
        }
        connection.bind({ portal: '', statement: s.name, values: this.mapped[i], binary: false })
        connection.describe({ type: 'P', name: '' })
        connection.execute({ portal: '' })
        connection.sync()
      })
    } finally {
      connection.stream.uncork?.()
    }
    return null
  }

  /** Stays the client's active query while statements remain (the client clears it after each ReadyForQuery/error). */
  private stayActive(): void {
    const client = this.client as unknown as ClientState
    client._activeQuery = this
    client.readyForQuery = false
  }

  handleRowDescription(msg: unknown): void {
    this.current?.handleRowDescription(msg)
  }

  handleDataRow(msg: unknown): void {
    this.current?.handleDataRow(msg)
  }

  handleCommandComplete(msg: unknown, con: Connection): void {
    this.current?.handleCommandComplete(msg, con)
  }

  handleEmptyQuery(con: Connection): void {
    this.current?.handleEmptyQuery(con)
  }

  handleError(err: unknown, con: Connection): void {
    const client = this.client as unknown as ClientState
    if (this.refused || !client._queryable || client._ending) {
      // the connection is gone: no answer will come for this statement or the ones after it
      for (let i = this.index; i < this.queries.length; i++) this.results[i] = { ok: false, error: err }
      this.index = this.queries.length
      this.finish()
      return
    }
    // this statement failed; its ReadyForQuery follows, then the next statement's answer
    this.current?.handleError(err, con)
    this.failed = true
    this.stayActive()
  }

  handleReadyForQuery(con: Connection): void {
    if (!this.failed) this.current?.handleReadyForQuery(con)
    this.failed = false
    this.index++
    if (this.index < this.queries.length) this.stayActive()
    else this.finish()
  }

  // Not used by the statements a pipeline sends (no portals with row limits, no COPY): answered as node-postgres does.
  handlePortalSuspended(): void {}

  handleCopyInResponse(con: { sendCopyFail(msg: string): void }): void {
    con.sendCopyFail('No source stream defined')
  }

  handleCopyData(): void {}
}

/** Pipelining is on unless `SQL_PIPELINE=off` (then each statement is sent alone, as node-postgres does). */
export const pipelineEnabled = () => process.env.SQL_PIPELINE !== 'off'

/** What a pool is asked for: a client to hold for the pipeline (pg.Pool, a read replica's pool). */
export interface PipelinePool {
  connect(): Promise<pg.PoolClient>
}

/**
 * Runs the statements pipelined on one of the pool's connections: each statement's rows or its error, in order.
 * A connection that fails meanwhile is released as broken (the pool replaces it).
 */
export async function runPipelined(pool: PipelinePool, statements: PipelinedStatement[]): Promise<PipelinedResult[]> {
  const client = await pool.connect()
  let pipeline: Pipeline
  try {
    pipeline = new Pipeline(client, statements)
  } catch (error) {
    client.release()
    throw error
  }
  // a connection lost meanwhile is answered through the pipeline (every statement left gets the error); the client's
  // own error event is expected then, and must not go unheard while the pool does not listen (it is checked out)
  let lost: unknown = null
  const onError = (error: unknown) => (lost = error)
  client.on('error', onError)
  void client.query(pipeline as unknown as pg.QueryConfig)
  const results = await pipeline.done
  client.removeListener('error', onError)
  const state = client as unknown as ClientState
  client.release(lost || !state._queryable ? new Error('connection lost during a pipeline') : undefined)
  return results
}

/** A pool a domain queries directly (pg.Pool, a read replica's pool); `connect` lends a connection to pipeline on. */
export interface QueryPool {
  query(text: string, values: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
  connect?: PipelinePool['connect']
}

/**
 * Independent statements of one request (a page and its count) pipelined on one of the pool's connections, in one
 * write, instead of one connection and one write each: their rows in order, or the first failed statement's error
 * once every statement has answered (as `allSettledOrThrow` over `pool.query` gives). Each alone, at once, with
 * `SQL_PIPELINE=off` or a pool that lends no connection.
 */
export async function queryTogether(pool: QueryPool, statements: { text: string; values: unknown[] }[]): Promise<{ rows: Record<string, unknown>[] }[]> {
  if (!pipelineEnabled() || typeof pool.connect !== 'function' || statements.length < 2) return allSettledOrThrow(statements.map((s) => pool.query(s.text, s.values)))
  const results = await runPipelined(pool as PipelinePool, statements)
  const failed = results.find((r) => !r.ok)
  if (failed) throw failed.error
  return results.map((r) => ({ rows: (r as { rows: Record<string, unknown>[] }).rows }))
}
