/**
 * node-postgres emits 'error' on a pool (idle client) or on a checked-out client when the server drops the
 * connection (restart, failover, admin termination). Without a listener that crashes the process; with
 * these, the error is logged, the broken client is discarded and the next query reconnects.
 */
export interface PoolLike {
  on(event: 'error', listener: (err: Error) => void): unknown
  on(event: 'connect', listener: (client: { on(event: 'error', l: (err: Error) => void): unknown }) => void): unknown
}

const guarded = new WeakSet<object>()

export function guardPool(pool: PoolLike | undefined, logger: { warn: (o: object) => void }, name: string): void {
  if (!pool || guarded.has(pool)) return
  guarded.add(pool)
  const log = (err: Error) => logger.warn({ err: { message: err.message }, msg: `${name}: connection lost` })
  pool.on('error', log)
  pool.on('connect', (client) => client.on('error', log))
}
