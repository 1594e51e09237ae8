/**
 * Side effects that must not happen for work that is rolled back: emails and socket.io emits raised while a
 * request's transaction is open. The express server runs each API request inside {@link collectAfterCommit};
 * notify(), emitToRoom() and the email adapter (src/lib/email.ts: Payload's own emails too) hand their effects to
 * {@link afterCommit} or {@link afterCommitDetached}, which keep them until the request has finished — after
 * Payload has committed (2xx/3xx: they run, in order) or rolled back (4xx/5xx, GraphQL errors: they are dropped).
 * So a 409 after a notification was prepared sends nothing, and a slow SMTP server no longer holds the
 * transaction's row locks.
 *
 * Two kinds: {@link afterCommit} effects (socket.io emits: local and quick) run before the response is written, so
 * a client sees a request's live events in the order of its requests. {@link afterCommitDetached} effects (an
 * email, an SMS, a push: a call to a provider outside, which may take seconds) start then too, one after another,
 * but the response does not wait for them; {@link settleDetachedEffects} waits for those still running (shutdown).
 * The deliveries keep their own record (the notification's email status, the delivery rows), so a client that
 * reads them right after the response may still see them being sent.
 *
 * Outside a request (jobs, seeds, the Local API, tests calling Payload's handler directly) there is no
 * collector and effects run at once, as before — unless the work runs in {@link withOwnEffects}, which collects them
 * until it has succeeded. A workflow that raised its effects under a provisional name (checkout's order number, given
 * in the commit's own write) tells the request its final one ({@link renameInEffects}); each effect that carries text
 * passes it through the `named` function it is run with.
 *
 * The collector is an AsyncLocalStorage, which on Node 20 runs a hook at every promise's creation and settlement
 * while it is enabled: about a tenth of a read request's CPU in the bench server's profile. So the server does not
 * collect for reads (`collect: false`: GET and HEAD, GraphQL queries), which open no transaction to roll back, and
 * the collector is disabled again once no request has collected for a second.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * What an effect carrying text passes its data through when it runs: the request's renames applied
 * ({@link renameInEffects}) to every string in it (arrays and plain objects walked). The data itself when there are none.
 */
export type Named = <V>(value: V) => V

/** An effect; one that carries text (an email, a live event) passes it through `named` as it runs. */
type Effect = (named: Named) => unknown

interface Queued {
  run: Effect
  /** Runs instead when the request failed, e.g. to record that an email was not sent. */
  onDiscard?: Effect
  /** Not waited for by the response ({@link afterCommitDetached}). */
  detached?: boolean
}

interface Queue {
  effects: Queued[]
  /** False once the request has finished: later effects (a timer started by the request) run at once. */
  open: boolean
  /** Told when the request starts a call out of the process ({@link callingOut}). */
  onCallOut?: () => void
  /** Provisional names and what they became ({@link renameInEffects}). */
  renames: Map<string, string>
}

const collector = new AsyncLocalStorage<Queue>()

/**
 * Defers `effect` until the current request's outcome is known. Returns false (and does nothing) outside a
 * request: the caller then performs the effect itself.
 */
export function afterCommit(effect: Effect, onDiscard?: Effect): boolean {
  return enqueue({ run: effect, onDiscard })
}

/**
 * Like {@link afterCommit}, for a delivery through a provider outside (SMTP, an SMS gateway, a push service): it
 * starts when the request's work stands, after the request's other effects, and the response does not wait for it.
 * Returns false (and does nothing) outside a request: the caller then delivers itself.
 */
export function afterCommitDetached(effect: Effect, onDiscard?: Effect): boolean {
  return enqueue({ run: effect, onDiscard, detached: true })
}

function enqueue(effect: Queued): boolean {
  const queue = collector.getStore()
  if (!queue?.open) return false
  queue.effects.push(effect)
  return true
}

/**
 * From now on the current request's effects carry `to` wherever their text says `from`: a workflow that wrote its
 * records and raised its effects under a provisional name (an order's number, given in the commit's own write) tells
 * them the final one. False (nothing done) outside a request or a {@link withOwnEffects} scope: effects have run.
 */
export function renameInEffects(from: string, to: string): boolean {
  const queue = collector.getStore()
  if (!queue?.open || !from) return false
  queue.renames.set(from, to)
  return true
}

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** The {@link Named} of a queue's renames. */
function namerOf(renames: ReadonlyMap<string, string>): Named {
  if (!renames.size) return (value) => value
  const text = (s: string) => {
    for (const [from, to] of renames) if (s.includes(from)) s = s.split(from).join(to)
    return s
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v)
    if (Array.isArray(v)) return v.map(walk)
    if (v && typeof v === 'object' && isPlain(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    return v
  }
  return walk as Named
}

/**
 * A call out of the process (HTTP to Stripe, S3, an identity provider) is starting: the collecting request's
 * `onCallOut` is told (the write gate, src/http/write-gate.ts, then frees the request's slot). Nothing outside one.
 */
export function callingOut(): void {
  collector.getStore()?.onCallOut?.()
}

/** Detached effects still running, each request's as one chain. */
const running = new Set<Promise<void>>()

/** Waits until every detached effect started so far has finished (before the database closes at shutdown). */
export async function settleDetachedEffects(): Promise<void> {
  while (running.size) await Promise.allSettled([...running])
}

export interface Collected<T> {
  result: T
  /**
   * Runs the effects in the order they were raised, one failing not stopping the others; resolves once the
   * {@link afterCommit} ones have run, with the detached ones started after them (in their order, not waited for).
   */
  flush(onError?: (err: unknown) => void): Promise<void>
  /** Drops them (the request's work was rolled back), running their `onDiscard` handlers. */
  discard(onError?: (err: unknown) => void): Promise<void>
  readonly size: number
}

/** Requests collecting right now. */
let collecting = 0
/**
 * The collector is disabled (its promise hooks removed) once no request has collected for a second: V8 deoptimizes
 * promise-heavy code whenever promise hooks are switched on or off, so they are not switched per request.
 */
const IDLE_MS = 1000
let idleTimer: NodeJS.Timeout | null = null
const disableWhenIdle = () => {
  idleTimer?.refresh()
  idleTimer ??= setTimeout(() => {
    idleTimer = null
    if (collecting === 0) collector.disable()
  }, IDLE_MS).unref()
}

const newQueue = (open: boolean, onCallOut?: () => void): Queue => ({ effects: [], open, onCallOut, renames: new Map() })

/** Runs `fn` with `queue` as the current request's collector. */
async function runCollecting<T>(queue: Queue, fn: () => Promise<T>): Promise<T> {
  collecting++
  try {
    return await collector.run(queue, fn)
  } finally {
    queue.open = false
    if (--collecting === 0) disableWhenIdle()
  }
}

/** Runs a queue's effects in order (see {@link Collected.flush}), each with the queue's renames. */
async function flushQueue(queue: Queue, onError?: (err: unknown) => void): Promise<void> {
  const effects = queue.effects.splice(0)
  const named = namerOf(queue.renames)
  await runAll(
    effects.filter((e) => !e.detached).map((e) => e.run),
    named,
    onError,
  )
  const detached = effects.filter((e) => e.detached).map((e) => e.run)
  if (!detached.length) return
  const chain = runAll(detached, named, onError).finally(() => running.delete(chain))
  running.add(chain)
}

/** Drops a queue's effects, running their `onDiscard` handlers. */
async function discardQueue(queue: Queue, onError?: (err: unknown) => void): Promise<void> {
  await runAll(
    queue.effects.splice(0).flatMap((e) => (e.onDiscard ? [e.onDiscard] : [])),
    namerOf(queue.renames),
    onError,
  )
}

export async function collectAfterCommit<T>(fn: () => Promise<T>, opts: { collect?: boolean; onCallOut?: () => void } = {}): Promise<Collected<T>> {
  const queue = newQueue(opts.collect !== false, opts.onCallOut)
  const result = queue.open ? await runCollecting(queue, fn) : await fn()
  return {
    result,
    get size() {
      return queue.effects.length
    },
    flush: (onError) => flushQueue(queue, onError),
    discard: (onError) => discardQueue(queue, onError),
  }
}

/**
 * Runs `fn` with its effects collected when nothing collects them already (the Local API, a job, a test calling
 * Payload's handler): they run once `fn` has succeeded — after its transaction committed — and are dropped (their
 * `onDiscard` run) when it throws. Inside a request `fn` just runs, and its effects are the request's. For a workflow
 * whose effects must wait for something known only at its commit ({@link renameInEffects}).
 */
export async function withOwnEffects<T>(fn: () => Promise<T>, onError?: (err: unknown) => void): Promise<T> {
  if (collector.getStore()?.open) return fn()
  const queue = newQueue(true)
  let result: T
  try {
    result = await runCollecting(queue, fn)
  } catch (err) {
    await discardQueue(queue, onError)
    throw err
  }
  await flushQueue(queue, onError)
  return result
}

async function runAll(effects: Effect[], named: Named, onError?: (err: unknown) => void): Promise<void> {
  for (const effect of effects) {
    try {
      await effect(named)
    } catch (err) {
      onError?.(err)
    }
  }
}
