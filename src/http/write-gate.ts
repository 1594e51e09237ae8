/**
 * The write gate: at most `limit` API writes of this instance run at once; the others wait their turn, first come
 * first served. Reads are never gated.
 *
 * Why: a write holds what others wait for — a spot's lock, a part's stock row, the year's order counter — from its
 * lock to its commit. On a CPU-bound instance every request in progress shares the thread, so with sixteen writes in
 * progress a lock holder advances at a sixteenth of the speed and the queue behind its lock grows with it. With a
 * few in progress (enough to keep the thread busy while some wait on PostgreSQL) each finishes sooner and the others
 * wait here, in order, holding nothing: the same throughput with a far shorter tail (bench/NOTES.md, session 44:
 * checkout p95 447–472 → 250–294 ms, service booking 539–656 → 205–269 ms at 16 connections).
 *
 * A write that calls out of the process (Stripe, S3, an identity provider) gives its slot up when the call starts:
 * a slow provider must not stall every other write. Such calls are seen on Node's diagnostics channels for HTTP
 * clients (`http`/`https` and fetch), inside the request's scope (src/lib/after-commit.ts `callingOut`). It does not
 * take a slot again: it may hold locks that the writes admitted after it wait for.
 */
import diagnosticsChannel from 'node:diagnostics_channel'

import { callingOut } from '../lib/after-commit'

/** Node's channels published when an HTTP request leaves the process: node's http client, and fetch (undici). */
const CALL_OUT_CHANNELS = ['http.client.request.start', 'undici:request:create'] as const

let watching = false

/** Tells the request in scope whenever a call out of the process starts (once per process). */
function watchCallsOut(): void {
  if (watching) return
  watching = true
  for (const name of CALL_OUT_CHANNELS) diagnosticsChannel.subscribe(name, callingOut)
}

export class WriteGate {
  private running = 0
  private readonly queue: (() => void)[] = []

  /** `limit` writes at once; 0 admits every write at once (the gate is off). */
  constructor(readonly limit: number) {
    if (limit > 0) watchCallsOut()
  }

  /** Writes running now (holding a slot). */
  get active(): number {
    return this.running
  }

  /** Writes waiting for a slot. */
  get waiting(): number {
    return this.queue.length
  }

  /**
   * Runs `task` once a slot is free. The task may give its slot up early with `release` (a call out); the slot is
   * freed when the task settles otherwise. Either way only once.
   */
  async run<T>(task: (release: () => void) => Promise<T>): Promise<T> {
    if (this.limit <= 0) return task(() => {})
    if (this.running < this.limit) this.running++
    else await new Promise<void>((admit) => this.queue.push(admit))
    let held = true
    const release = () => {
      if (!held) return
      held = false
      // the slot passes to the next in line, or is free
      const next = this.queue.shift()
      if (next) next()
      else this.running--
    }
    try {
      return await task(release)
    } finally {
      release()
    }
  }
}
