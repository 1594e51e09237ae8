/**
 * The platform's connection pools (the primary's, each read replica's, the realtime adapter's), made safe to use:
 *
 * - node-postgres emits 'error' on a pool (idle client) or on a checked-out client when the server drops the
 *   connection (restart, failover, admin termination). Without a listener that crashes the process; with these, the
 *   error is logged, the broken client is discarded and the next query reconnects.
 * - A connection runs one query at a time. A transaction's reads are often issued together (a population's finds,
 *   `Promise.all` in a workflow) and all go to the transaction's one client; node-postgres queues them itself but
 *   deprecates that ("Calling client.query() when the client is already executing a query", removed in pg 9). Each
 *   client's promise queries are therefore chained here: a query issued while another runs is sent when it settles,
 *   in the order issued, as node-postgres's own queue did. Queries with a callback (the pool's own `pool.query`, on a
 *   client it has just checked out) and submittables (cursors, streams) pass through unchanged.
 */
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

/** Chains the client's promise queries: one in flight at a time, in the order issued (see the header). */
export function orderQueries(client: ClientLike): void {
  if (ordered.has(client)) return
  ordered.add(client)
  // the client's own method, looked up per call (a wrapper set on its class later, as tests' recorders do, still sees
  // every query)
  const own = Object.prototype.hasOwnProperty.call(client, 'query') ? client.query : null
  const query = (...args: unknown[]) => ((own ?? Object.getPrototypeOf(client).query) as (...a: unknown[]) => Promise<unknown>).apply(client, args)
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
