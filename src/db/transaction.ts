/**
 * The transaction-and-lock recipe: one transaction on the request, a lock taken through the same
 * connection, Local API calls that pass `req` and so join it, then commit — or roll back on any error.
 */
import { type PostgresAdapter, sql } from '@payloadcms/db-postgres'
import { commitTransaction, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { settleDetachedEffects } from '../lib/after-commit'
import { closeEmail } from '../lib/email'
import { allSettledOrThrow } from '../lib/settle'
import { executeByKey } from './plan-cache'
import { WITH_NEXT } from './pool'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tx = { execute: (query: any) => Promise<{ rows: any[]; rowCount?: number | null }> }

/** The platform's database adapter (AutoHub runs on PostgreSQL only): drizzle, the pool, open sessions. */
export const adapterOf = (payload: Payload): PostgresAdapter => payload.db as unknown as PostgresAdapter

/** Drizzle outside any request transaction (jobs, start-up, health). */
export const dbOf = (payload: Payload): Tx => adapterOf(payload).drizzle as unknown as Tx

/** A pool for reads that need not see the caller's own uncommitted writes. */
export interface ReadPool {
  query: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
}

/**
 * The pool that serves plain reads: one of the configured read replicas (`DATABASE_REPLICA_URLS`, Payload's
 * `readReplicas`; drizzle's `withReplicas` keeps them in `$replicas`), picked at random per call as drizzle does,
 * or the primary's pool when there is none.
 */
export function readPoolOf(payload: Payload): ReadPool {
  const pools = replicaPoolsOf<ReadPool>(payload)
  if (pools.length) return pools[Math.floor(Math.random() * pools.length)]
  return adapterOf(payload).pool as unknown as ReadPool
}

/** The pools of the configured read replicas (none without `DATABASE_REPLICA_URLS`). */
export function replicaPoolsOf<P = unknown>(payload: Payload): P[] {
  const replicas = (adapterOf(payload).drizzle as unknown as { $replicas?: { $client?: P }[] }).$replicas
  return (replicas ?? []).map((r) => r.$client).filter((p): p is P => Boolean(p))
}

/** What ending a pool touches: pg's `end`, and its client lists (private: pg-pool 3). */
interface EndablePool {
  end?: () => Promise<void>
  ended?: boolean
  _clients?: EndableClient[]
  _idle?: { client: unknown }[]
}

/** A pool's client: handed back with `release`; pg's client emits `end` once its connection has closed. */
interface EndableClient {
  release?: () => void
  once?: (event: 'end', listener: () => void) => unknown
  connection?: { stream?: { destroyed?: boolean } }
}

/** Resolves once the client's connection is closed (at once when it is), or after `withinMs` at the latest. */
function connectionClosed(client: EndableClient, withinMs: number): Promise<void> {
  if (!client.once || client.connection?.stream?.destroyed !== false) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, withinMs)
    timer.unref()
    client.once?.('end', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/**
 * Ends a pool. pg's `end` closes the idle connections and waits for every checked-out one, and Payload's postgres
 * adapter keeps one checked out from its start for its reconnect handling, never released: so the checked-out
 * clients are handed back first (at shutdown, once the server and the crons have stopped). pg's `end` resolves once it
 * has asked each connection to close, not once they have closed: a database stopped right after (the dev server's
 * embedded one) ended the connections still closing, and each logged a lost connection. So it waits for them too.
 */
async function endPool(pool: EndablePool | undefined): Promise<void> {
  if (!pool?.end || pool.ended) return
  const clients = [...(pool._clients ?? [])]
  const idle = new Set((pool._idle ?? []).map((i) => i.client))
  for (const client of clients) if (!idle.has(client)) client.release?.()
  const closing = clients.map((client) => connectionClosed(client, 5_000))
  await pool.end()
  await allSettledOrThrow(closing)
}

/**
 * Stops Payload (its crons, then its database adapter) and ends the adapter's connection pools, the primary's and
 * the read replicas': Payload's `destroy` leaves them open, so each of their connections would log a lost connection
 * when the database stops after (42 lines at the dev server's shutdown; the jobs worker's and the bench's likewise).
 * Deliveries still running after their request answered (src/lib/after-commit.ts) finish first; the SMTP
 * connections the email transport keeps open are closed after (src/lib/email.ts).
 */
export async function closePayload(payload: Payload): Promise<void> {
  const adapter = adapterOf(payload)
  const pools = [adapter.pool as EndablePool | undefined, ...(adapter.drizzle ? replicaPoolsOf<EndablePool>(payload) : [])]
  await settleDetachedEffects()
  await payload.destroy()
  closeEmail()
  await allSettledOrThrow(pools.map(endPool))
}

/** The Drizzle handle of the request's open transaction (the adapter's own handle when it has none). */
export async function txOf(req: Pick<PayloadRequest, 'payload'> & { transactionID?: PayloadRequest['transactionID'] }): Promise<Tx> {
  const id = await req.transactionID
  const db = adapterOf(req.payload)
  const session = id != null ? db.sessions?.[id] : undefined
  return (session?.db ?? db.drizzle) as unknown as Tx
}

/**
 * A transaction's last statements, to go in the write that carries its COMMIT ({@link withTransaction}), and what the
 * work answers from their results.
 */
export class CommitWith<T> {
  constructor(
    readonly statements: GuardedRead[],
    readonly answer: (results: { rows: Record<string, unknown>[] }[]) => T,
  ) {}
}

/**
 * Ends `withTransaction`'s work with `statements` sent in one write with its COMMIT: the rows they lock (a part's
 * stock, a year's counter) are held for PostgreSQL's time alone, not also for a round trip to the server and its
 * turn on the server's thread. Nothing in Node can decide between them: a statement that finds the work must not
 * stand fails (`autohub_refuse`, src/migrations/20261206_120000_sql_refusals.ts), PostgreSQL rolls the whole
 * transaction back (the COMMIT then answers ROLLBACK), and `withTransaction` throws that statement's error.
 */
export const commitWith = <T>(statements: GuardedRead[], answer: CommitWith<T>['answer']): CommitWith<T> => new CommitWith(statements, answer)

/**
 * Sends a statement now. drizzle's `execute` answers a lazy query that is sent only once something calls its `then`
 * (an `await`, or `Promise.all` a promise job later), so statements issued together could leave in another order: its
 * `then` is called here.
 */
const execute = (tx: Tx, statement: GuardedRead): Promise<{ rows: Record<string, unknown>[] }> =>
  'byKey' in statement ? executeByKey(tx, statement.byKey) : tx.execute(statement).then((result) => result)

/**
 * Only the opener of a transaction ends it. Payload's operations roll back the request's transaction when they fail,
 * even one they only joined (upstream `killTransaction`): a branch still working in it (`allSettledOrThrow`) would then
 * send its later statements outside any transaction — on whatever uses the connection next, or through the pool — and
 * they would stand although the work failed; and a caller that handled the failure would go on without its
 * transaction. So a transaction is held while someone who did not open it works in it: every Local API call that joins
 * the request's open transaction holds it for the call ({@link installJoinedTransactions}), and {@link withTransaction}
 * holds the one it opens. While it is held, Payload's `killTransaction` leaves it alone (patches/payload+3.89.0.patch
 * reads this marker): the error reaches the opener — `withTransaction`, or the Payload operation that began it —
 * which rolls back once the work it waits for has ended.
 */
const HELD = Symbol.for('autohub.heldTransaction')

interface HeldState {
  id: unknown
  count: number
}

type Held = PayloadRequest & { [HELD]?: HeldState }

/** Holds the request's open transaction (nothing when it has none); returns the release, which acts once. */
function holdTransaction(req: PayloadRequest): () => void {
  const id = req.transactionID
  if (!id || id instanceof Promise) return () => {}
  const own = req as Held
  let state = own[HELD]
  if (!state || state.id !== id) own[HELD] = state = { id, count: 0 }
  const held = state
  held.count++
  let released = false
  return () => {
    if (released) return
    released = true
    held.count--
  }
}

/** Before the opener's own commit or rollback: the transaction is its to end, whatever still holds it. */
function endHold(req: PayloadRequest): void {
  delete (req as Held)[HELD]
}

/** Payload's Local API operations that take a `req` and, failing, call `killTransaction` on it. */
const JOINING = [
  'count',
  'countGlobalVersions',
  'countVersions',
  'create',
  'delete',
  'duplicate',
  'find',
  'findByID',
  'findDistinct',
  'findGlobal',
  'findGlobalVersionByID',
  'findGlobalVersions',
  'findVersionByID',
  'findVersions',
  'forgotPassword',
  'login',
  'resetPassword',
  'restoreGlobalVersion',
  'restoreVersion',
  'unlock',
  'update',
  'updateGlobal',
  'verifyEmail',
] as const

const JOINED = Symbol.for('autohub.joinedTransactions')

/**
 * Wraps this instance's Local API so a call joining the request's open transaction holds it for the call (above). Once
 * per instance, before src/plugins/internal-reads.ts, whose reads go to Payload's operation through this wrapper.
 */
export function installJoinedTransactions(payload: Payload): void {
  const api = payload as unknown as Record<string | symbol, unknown>
  if (api[JOINED]) return
  api[JOINED] = true
  for (const name of JOINING) {
    const original = api[name]
    if (typeof original !== 'function') continue
    api[name] = async function joined(this: unknown, args?: { req?: PayloadRequest }) {
      const release = args?.req ? holdTransaction(args.req) : null
      try {
        return await original.call(this, args)
      } finally {
        release?.()
      }
    }
  }
}

/**
 * Runs `fn` inside the request's transaction (starting one when the request has none) and commits it,
 * or rolls it back when `fn` throws. Nested use joins the outer transaction.
 *
 * When `fn` returns {@link commitWith}, its statements are issued in order and the COMMIT right after them, in the same
 * turn, so they go in one write (a transaction's statements issued together do: ./pool.ts); each statement's result
 * is awaited after. When one failed, PostgreSQL has rolled the transaction back and its error is thrown. Nested (the
 * transaction is not this call's), the statements simply run in the outer transaction.
 */
export async function withTransaction<T>(req: PayloadRequest, fn: (tx: Tx) => Promise<T | CommitWith<T>>): Promise<T> {
  const owns = await initTransaction(req)
  if (owns) holdTransaction(req)
  let tx: Tx | undefined
  let result: T | CommitWith<T>
  try {
    tx = await txOf(req)
    result = await fn(tx)
    if (!(result instanceof CommitWith)) {
      if (owns) {
        endHold(req)
        await commitTransaction(req)
      }
      return result
    }
    if (!owns) {
      const last = result
      return last.answer(await allSettledOrThrow(last.statements.map((s) => execute(tx as Tx, s))))
    }
  } catch (err) {
    if (owns) {
      endHold(req)
      await killTransaction(req)
    }
    throw err
  }
  // Issued now, then the COMMIT (Payload's, through microtasks only): one write. Each statement's outcome is kept, so
  // a failure is not an unhandled rejection while the COMMIT is awaited; one that cannot even be sent ends it.
  let sent: Promise<PromiseSettledResult<{ rows: Record<string, unknown>[] }>[]>
  try {
    sent = Promise.allSettled(result.statements.map((s) => execute(tx as Tx, s)))
  } catch (err) {
    endHold(req)
    await killTransaction(req)
    throw err
  }
  endHold(req)
  // A statement that failed has rolled the transaction back, so the COMMIT fails too (./pool.ts): the statement's
  // error is the one thrown.
  const commit = await commitTransaction(req).then(
    () => null,
    (err: unknown) => ({ err }),
  )
  const outcomes = await sent
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')
  if (failed) throw failed.reason
  if (commit) throw commit.err
  return result.answer(outcomes.map((o) => (o as PromiseFulfilledResult<{ rows: Record<string, unknown>[] }>).value))
}

const lockStatement = (namespace: string, key: string | number) => sql`select pg_advisory_xact_lock(hashtext(${namespace}), hashtext(${String(key)}))`

/** A transaction-scoped advisory lock on (namespace, key): serializes writers across instances. Named (./plan-cache.ts). */
export async function advisoryLock(tx: Tx, namespace: string, key: string | number): Promise<void> {
  await executeByKey(tx, lockStatement(namespace, key))
}

/** What {@link sendWithNext} uses of a drizzle transaction: its dialect and its session's connection. */
interface Holding {
  dialect?: { sqlToQuery(query: ReturnType<typeof sql>): { sql: string; params: unknown[] } }
  session?: { client?: { query(config: object): Promise<unknown> } }
}

/**
 * Sends `statement` with the transaction's next statement, or with its COMMIT: for a statement whose answer nobody
 * waits for — an audit entry, a lock taken right before the read it guards — a round trip saved. The connection runs
 * it in the order issued, before anything issued after this call (./pool.ts `WITH_NEXT`). If it fails, the
 * transaction is aborted and what follows it fails with its error, the COMMIT too. So a lock sent this way is held
 * only from the next statement on: use it only when that statement is what the lock guards. Outside a transaction
 * (or with `SQL_PIPELINE=off`) it is sent at once and awaited.
 */
export async function sendWithNext(tx: Tx, statement: ReturnType<typeof sql>): Promise<void> {
  const { dialect, session } = tx as unknown as Holding
  if (!dialect || !session?.client) {
    await tx.execute(statement)
    return
  }
  const { sql: text, params } = dialect.sqlToQuery(statement)
  await session.client.query({ text, values: params, [WITH_NEXT]: true })
}

/** {@link advisoryLock} sent with the next statement ({@link sendWithNext}): for a lock whose next statement is the read it guards. */
export const advisoryLockWithNext = (tx: Tx, namespace: string, key: string | number): Promise<void> => sendWithNext(tx, lockStatement(namespace, key))

/** A read for {@link lockThenRead}: a statement, or one by key (its text fixed, its plan independent of its values: named). */
export type GuardedRead = ReturnType<typeof sql> | { byKey: ReturnType<typeof sql> }

/**
 * Takes the advisory lock and reads what it guards, in one round trip: the lock statement and then each read are
 * issued at once, in this order — each through the same `execute`, so they reach the transaction's connection in
 * this order and go as one pipeline (./pool.ts) — and PostgreSQL runs a connection's statements in order, so each
 * read runs (and takes its snapshot) once the lock is held. The reads' results, in order.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function lockThenRead(tx: Tx, namespace: string, key: string | number, reads: GuardedRead[]): Promise<{ rows: any[] }[]> {
  const [, ...results] = await allSettledOrThrow([executeByKey(tx, lockStatement(namespace, key)), ...reads.map((read) => execute(tx, read))])
  return results
}

/** Payload's table name for a collection slug (`parking-bookings` → `parking_bookings`). */
export const tableOf = (slug: string): string => slug.replace(/-/g, '_')

/** Locks one row (`select … for update`) and returns it, or null when it does not exist. */
export async function lockRow<T = Record<string, unknown>>(tx: Tx, slug: string, id: number | string, columns = '*'): Promise<T | null> {
  const res = await tx.execute(sql.raw(`select ${columns} from "${tableOf(slug)}" where id = ${Number(id)} for update`))
  return (res.rows[0] as T) ?? null
}

export { sql }
