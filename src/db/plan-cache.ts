/**
 * Statements PostgreSQL plans once per connection instead of once per execution.
 *
 * PostgreSQL plans an unnamed statement every time it runs it. The platform's document statements (./documents.ts:
 * a collection's columns, arrays, relationships and locales built as JSON behind its where, sort and page) cost more
 * to plan than to run: on the demo data a car by id plans in 0.8–1 ms and runs in 0.5 ms, the populations of a cars
 * page plan in 1.4 ms and run in 1.8 ms (EXPLAIN ANALYZE). A named (prepared) statement is parsed and planned once
 * per connection; after five executions PostgreSQL compares its generic plan with the custom ones and keeps the
 * generic plan when it is not costlier (`plan_cache_mode = auto`, the default), so later executions are not planned
 * at all. Measured on one connection, 200 runs each: the car's statement 3.9 → 0.6 ms, the populations 2.3 → 0.6 ms,
 * the nearby spots' 2.4 → 0.7 ms (bench/NOTES.md).
 *
 * Which statements get a name, once a text has come a second time (a text seen once may never come again), up to
 * STATEMENT_NAMES texts per process (each connection keeps a plan per name; the first texts to repeat are the hot
 * ones): the statements the read batcher sends (./read-batch.ts: every generic read's page, count and population
 * statements, and the domain reads sent through `readRows`), and every single-command insert, update and delete a
 * drizzle session sends (Payload's writes, in and out of transactions). A domain statement of one fixed text whose best
 * plan does not depend on its values is named from its first run by `executeNamed`, its values hidden from the planner
 * so its generic plan is kept (the full-text search's strict pass, a one-word relaxed pass and the display fields by
 * ids, the suggestions' prefix titles and their scores by ids). A domain statement by key — a lookup, a write or a
 * lock, of one fixed text — is named once its text repeats by `executeByKey` (a booking's locks, occupancy and PINs,
 * the notification insert; the auth row-version read names its own the same way). Not the domains' other SQL: a generic
 * plan suits statements whose best plan does not depend on the values (documents by id, a page behind an index, a write
 * by key), and the domains' searches are not all such (a bench A/B with every query named: parking nearby 151 → 105
 * req/s, its distance search's generic plan; bench/NOTES.md). The name is a digest of the text, so every connection and
 * every process names a text alike. (Sending Payload's `in (…)` lists as one array parameter, `= any($1)`, so that
 * population statements of any list length share one text, made parking nearby slower in a bench A/B and was left out:
 * bench/NOTES.md.)
 *
 * `SQL_PLAN_CACHE=off`: unnamed statements, and the read batcher combines a turn's statements into one instead (the
 * mode for a connection pooler that does not keep prepared statements, such as PgBouncer in transaction mode before
 * 1.21).
 */
import { createHash } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

/** At most this many statement texts are named per process (each connection keeps a plan per name it used). */
export const STATEMENT_NAMES = 500
/** Texts seen once are remembered up to this many (a few MB of text at most), then forgotten together. */
const SEEN_ONCE = 1_000

export const planCacheEnabled = () => process.env.SQL_PLAN_CACHE !== 'off'

/** A statement's name: a digest of its text, so every connection and every process names a text alike. */
const statementName = (text: string) => `ah_${createHash('md5').update(text).digest('hex')}`

type SQL = ReturnType<typeof sql>

/** A query result as node-postgres answers it. */
type Rows = { rows: Record<string, unknown>[] }
/** What {@link executeNamed} uses of a drizzle database or transaction handle. */
interface NamingHandle {
  execute(query: SQL): Promise<Rows>
  dialect?: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } }
  session?: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string | undefined, arrayMode: boolean): { execute(): Promise<Rows> } }
}

/**
 * A value the planner does not see: `(select $n::type)::type`, an InitPlan's output, the same value when the statement
 * runs. A custom plan of a statement whose values are all opaque is its generic plan, costed the same plus a planning
 * charge, so PostgreSQL keeps the generic plan from the sixth execution on a connection (`plan_cache_mode = auto`).
 * For named statements whose best plan does not depend on their values: {@link executeNamed}'s (every value), a
 * document by id (./documents.ts), the parking occupancy (./parking.ts). `type` is a PostgreSQL type name (`int`,
 * `text`, `int[]`).
 */
export const opaque = (value: unknown, type: string) => sql`(select ${sql.param(value)}::${sql.raw(typeName(type))})::${sql.raw(type)}`

/** The same in a statement written as text: its parameter `$n` of `type`, opaque to the planner. */
export const opaqueParameter = (n: number, type: string) => `(select $${n}::${typeName(type)})::${type}`

const typeName = (type: string) => {
  if (!OPAQUE_TYPE.test(type)) throw new Error(`opaque: not a type name: ${type}`)
  return type
}
const OPAQUE_TYPE = /^[a-z][a-z0-9_]*(\[\])?$/
const OPAQUE = /\(select \$\d+::[a-z][a-z0-9_]*(?:\[\])?\)/g
/** Texts {@link executeNamed} found with every value opaque (a statement text is checked once per process). */
const allOpaque = new Set<string>()

/** The first parameter of `text` the planner sees (`$n` outside {@link opaque}), or undefined. */
export function visibleParameter(text: string): string | undefined {
  if (allOpaque.has(text)) return undefined
  const seen = /\$\d+/.exec(text.replace(OPAQUE, ''))?.[0]
  if (!seen && allOpaque.size < STATEMENT_NAMES) allOpaque.add(text)
  return seen
}

/**
 * Sends a domain statement under its name from the first run, for a statement whose best plan does not depend on its
 * values (a lookup by ids, probes of one index): PostgreSQL plans it at most five times per connection, then runs its
 * generic plan.
 *
 * Named alone is not enough. From its sixth execution PostgreSQL keeps the generic plan only while that plan's
 * estimated cost is below the average of the custom plans so far (`plan_cache_mode = auto`), and the estimate of a
 * generic plan knows no values: the search's display fields by ids (`= any($1)` for cars and for parts) cost 110
 * generic against 75 for a custom plan that sees twelve car ids and no part, so every execution was planned again —
 * 1.5 ms of its 1.8 under the bench's load (pg_stat_statements, bench/NOTES.md session 35). So every value of such a
 * statement is {@link opaque}: its custom plans see no more than its generic plan, which then costs less (no planning
 * charge). A statement with a value the planner sees is refused (an error, in every environment), checked once per
 * text. Before, this ran the statement with `plan_cache_mode = force_generic_plan`, set and reset around it: four
 * statements for one (bench/NOTES.md session 43). Not a setting of the connection: PostgreSQL applies it to unnamed
 * statements too, and the domains' searches need plans made for their values (a generic plan of the relaxed full-text
 * pass took 52 ms where its custom plans take 20). Unnamed with `SQL_PLAN_CACHE=off`; sent as it is, unchecked, on a
 * handle that is not drizzle's (a test's spy).
 */
export async function executeNamed(db: { execute(query: SQL): Promise<Rows> }, query: SQL): Promise<Rows> {
  const handle = db as NamingHandle
  if (!handle.dialect || !handle.session) return db.execute(query)
  const rendered = handle.dialect.sqlToQuery(query)
  const visible = visibleParameter(rendered.sql)
  if (visible) throw new Error(`executeNamed: the planner sees ${visible}; send every value as opaque(value, type)`)
  return handle.session.prepareQuery(rendered, undefined, planCacheEnabled() ? statementName(rendered.sql) : undefined, false).execute()
}

/**
 * Sends a domain statement whose best plan does not depend on its values — a lookup or a write by key, a lock — named
 * once its text repeats, as the batcher's reads are (PostgreSQL's automatic choice then keeps the generic plan, as good
 * as a custom one for such a statement): parsed and planned once per connection instead of on every run. Measured on
 * one connection, 300 runs each: the spot's holding PINs 248–302 → 99–121 µs, the owner's push subscriptions 237–372 →
 * 105–124 µs, an advisory lock 89–233 → 61–99 µs (bench/NOTES.md, session 38). Only for a text that does not change
 * with the values (no ids written into it): each text named takes one of the {@link STATEMENT_NAMES}. Unnamed with
 * `SQL_PLAN_CACHE=off`, or on a handle that is not drizzle's.
 */
export function executeByKey(db: { execute(query: SQL): Promise<Rows> }, query: SQL): Promise<Rows> {
  const handle = db as NamingHandle
  if (!handle.dialect || !handle.session) return db.execute(query)
  return preparedByKey(handle as Preparing<{ execute(): Promise<Rows> }>, query).execute()
}

/** What {@link preparedByKey} uses of a drizzle database or transaction handle. */
interface Preparing<P> {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } }
  session: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string | undefined, arrayMode: boolean): P }
}

/**
 * drizzle's prepared query of a statement by key, named once its text repeats (unnamed, as drizzle's `execute` sends it,
 * with the plan cache off): {@link executeByKey}'s, and the read batcher's for every statement it sends (./read-batch.ts).
 */
export function preparedByKey<P>(handle: Preparing<P>, query: SQL): P {
  const rendered = handle.dialect.sqlToQuery(query)
  return handle.session.prepareQuery(rendered, undefined, active?.nameOf(rendered.sql), false)
}

export class StatementNames {
  private readonly once = new Set<string>()
  private readonly names = new Map<string, string>()

  constructor(readonly capacity = STATEMENT_NAMES) {}

  /** The text's statement name once the text comes a second time; undefined the first time and beyond capacity. */
  nameOf(text: string): string | undefined {
    const named = this.names.get(text)
    if (named !== undefined || this.names.size >= this.capacity) return named
    if (!this.once.has(text)) {
      if (this.once.size >= SEEN_ONCE) this.once.clear()
      this.once.add(text)
      return undefined
    }
    this.once.delete(text)
    const name = statementName(text)
    this.names.set(text, name)
    return name
  }

  get size(): number {
    return this.names.size
  }
}

/** Writes named by the session (one command: a migration's script is sent as it is). */
const WRITE = /^\s*(?:insert|update|delete)\b/i
const nameable = (text: string) => WRITE.test(text) && !text.includes(';')

type PrepareQuery = (query: { sql: string; params: unknown[] }, fields: unknown, name: string | undefined, ...rest: unknown[]) => unknown
type SessionPrototype = { prepareQuery: PrepareQuery; [WRAPPED]?: true }
const WRAPPED = Symbol.for('autohub.statementNames')
let active: StatementNames | null = null

/** The name to send a statement of the read batcher under (undefined: unnamed; see installStatementNames). */
export const batchStatementName = (text: string): string | undefined => active?.nameOf(text)

/**
 * Names the writes of every drizzle session of the adapter (the pool's and each transaction's) once their text
 * repeats, and lets the read batcher name its statements (`batchStatementName`), or stops both (`names` null).
 * drizzle names a statement only when asked (`.prepare(name)`); its sessions share one prototype, wrapped once.
 */
export function installStatementNames(payload: Payload, names: StatementNames | null = planCacheEnabled() ? new StatementNames() : null): void {
  active = names
  const session = (payload.db as unknown as { drizzle?: { session?: object } }).drizzle?.session
  if (!session) return
  const proto = Object.getPrototypeOf(session) as SessionPrototype
  if (proto[WRAPPED]) return
  const prepareQuery = proto.prepareQuery
  proto.prepareQuery = function (this: unknown, query, fields, name, ...rest) {
    const named = name ?? (active && nameable(query.sql) ? active.nameOf(query.sql) : undefined)
    return prepareQuery.call(this, query, fields, named, ...rest)
  }
  proto[WRAPPED] = true
}
