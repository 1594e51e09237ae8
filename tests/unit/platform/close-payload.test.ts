/**
 * src/db/transaction.ts `closePayload`: Payload's `destroy` (crons, then the adapter's `destroy`) leaves the
 * adapter's connection pools open; on shutdown the platform ends them too, the primary's and every read replica's,
 * so that stopping the database after (the dev server, the jobs worker, the bench) reports no lost connection. The
 * client Payload's adapter keeps checked out for good is handed back first: pg's `end` would wait for it forever.
 */
import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { closePayload } from '@/db/transaction'

/** A pool with one idle client and one checked out (as Payload's adapter holds one): `end` waits for both idle. */
function fakePool(events: string[], name: string, ended = false) {
  const idle = { release: () => events.push(`release idle of ${name}`) }
  const held = {
    release: () => {
      events.push(`release held of ${name}`)
      pool._idle.push({ client: held })
    },
  }
  const pool = {
    ended,
    _clients: [idle, held],
    _idle: [{ client: idle as unknown }],
    async end() {
      if (this.ended) throw new Error(`${name} ended twice`)
      if (this._idle.length !== this._clients.length) throw new Error(`${name}: end would wait for a checked-out client forever`)
      this.ended = true
      events.push(`end ${name}`)
    },
  }
  return pool
}

function fakePayload(events: string[], replicas: ReturnType<typeof fakePool>[]) {
  const db: Record<string, unknown> = {
    pool: fakePool(events, 'primary'),
    drizzle: { $replicas: replicas.map(($client) => ({ $client })) },
  }
  return {
    db,
    async destroy() {
      events.push('destroy')
      db.drizzle = undefined // as the adapter's destroy does
    },
  } as unknown as Payload & { db: typeof db }
}

describe('closePayload', () => {
  it('destroys Payload, then ends the primary pool and every read replica pool once', async () => {
    const events: string[] = []
    const payload = fakePayload(events, [fakePool(events, 'replica 1'), fakePool(events, 'replica 2')])
    await closePayload(payload)
    expect(events[0]).toBe('destroy')
    expect(events.slice(1).sort()).toEqual(['end primary', 'end replica 1', 'end replica 2', 'release held of primary', 'release held of replica 1', 'release held of replica 2'])
    expect(events.indexOf('release held of primary')).toBeLessThan(events.indexOf('end primary'))
    expect((payload.db.pool as { ended: boolean }).ended).toBe(true)
  })

  it('leaves a pool that has already ended alone, and works without replicas', async () => {
    const events: string[] = []
    const payload = fakePayload(events, [fakePool(events, 'replica', true)])
    await closePayload(payload)
    expect(events).toEqual(['destroy', 'release held of primary', 'end primary'])
  })
})
