/** What SQL a piece of code sends. */
import { AsyncLocalStorage } from 'node:async_hooks'

import type { Payload } from 'payload'

type Queryable = { query: (...a: unknown[]) => unknown }
type Sent = { text: string; name?: string }

/** The watches a piece of work belongs to: set for `fn` and everything it starts (its promises, ticks, timers, sockets). */
const watchesOf = new AsyncLocalStorage<readonly object[]>()

/**
 * Whose queries count. By default `fn`'s own: those made in its asynchronous context (what it awaits, schedules or
 * starts, in-process requests included), so work of another test or a timer that queries meanwhile is not counted.
 * `overSocket`: `fn` asks a server of this process over a socket, whose handler runs in the server's context, not
 * `fn`'s — every query the process makes while `fn` runs counts (nothing else may query meanwhile).
 */
export interface Watch {
  overSocket?: boolean
}

/**
 * Hands `onCall` the first argument of each `target.query` call while `fn` runs (see {@link Watch}), and all of them
 * (it may replace one, a callback); what it returns, if anything, is handed the call's result.
 */
async function watching(
  target: Queryable,
  fn: () => Promise<unknown>,
  onCall: (arg: unknown, args: unknown[]) => ((result: unknown) => void) | void,
  { overSocket = false }: Watch = {},
): Promise<void> {
  const original = target.query
  const watch = {}
  target.query = function (this: unknown, ...a: unknown[]) {
    if (!overSocket && !watchesOf.getStore()?.includes(watch)) return original.apply(this, a)
    const onResult = onCall(a[0], a)
    const result = original.apply(this, a)
    onResult?.(result)
    return result
  }
  try {
    await watchesOf.run([...(watchesOf.getStore() ?? []), watch], fn)
  } finally {
    target.query = original
  }
}

/** A pipeline (src/db/pipeline.ts): several statements in one call. */
const pipelineOf = (arg: unknown): Sent[] | undefined => {
  const statements = (arg as { statements?: Sent[] } | null | undefined)?.statements
  return Array.isArray(statements) ? statements : undefined
}

/** The statements one query call sends: a pipeline's each, or its one text (a string or a config's). */
function statementsIn(arg: unknown): Sent[] {
  const pipelined = pipelineOf(arg)
  if (pipelined) return pipelined
  if (typeof arg === 'string') return [{ text: arg }]
  const text = (arg as { text?: string } | null | undefined)?.text
  return text ? [{ text, name: (arg as { name?: string }).name }] : []
}

/** Records what `capture` makes of each statement passed to `target.query` (its text, its name) for `fn`. */
async function recording<T>(target: Queryable, fn: () => Promise<unknown>, capture: (text: string, name: string | undefined) => T, watch?: Watch): Promise<T[]> {
  const seen: T[] = []
  await watching(
    target,
    fn,
    (arg) => {
      for (const s of statementsIn(arg)) seen.push(capture(s.text, s.name))
    },
    watch,
  )
  return seen
}

const clientPrototype = async () => (await import('pg')).default.Client.prototype as unknown as Queryable

/**
 * The texts passed to the database adapter's pool for `fn` (not those of open transactions): its `query` calls
 * and the statements the read batcher pipelines on a connection it checks out of the pool (only pool reads are
 * pipelined; src/db/pipeline.ts).
 */
export async function sqlSentBy(payload: Payload, fn: () => Promise<unknown>, watch?: Watch): Promise<string[]> {
  const seen: string[] = []
  const pool = (payload.db as unknown as { pool: Queryable }).pool
  const record = (statements: Sent[] | undefined) => statements?.forEach((s) => seen.push(s.text))
  await watching(
    await clientPrototype(),
    () => watching(pool, fn, (arg) => record(statementsIn(arg)), watch),
    (arg) => record(pipelineOf(arg)),
    watch,
  )
  return seen
}

/** Each query call any client makes for `fn`: how many statements it sends, and whether as a pipeline. */
export async function queryCallsBy(fn: () => Promise<unknown>, watch?: Watch): Promise<{ statements: number; pipeline: boolean }[]> {
  const calls: { statements: number; pipeline: boolean }[] = []
  await watching(await clientPrototype(), fn, (arg) => void calls.push({ statements: statementsIn(arg).length, pipeline: pipelineOf(arg) !== undefined }), watch)
  return calls
}

/** Every statement sent to PostgreSQL for `fn`, on any connection: the pool's and those of open transactions, whitespace collapsed. */
export async function statementsSentBy(fn: () => Promise<unknown>, watch?: Watch): Promise<string[]> {
  return recording(await clientPrototype(), fn, (text) => text.replace(/\s+/g, ' ').trim(), watch)
}

/** The same, each with the name it was sent under (a prepared statement's; undefined: unnamed), text as sent. */
export async function namedStatementsSentBy(fn: () => Promise<unknown>, watch?: Watch): Promise<{ text: string; name?: string }[]> {
  return recording(await clientPrototype(), fn, (text, name) => ({ text, name }), watch)
}

/**
 * Each statement any client sends for `fn`, and each answer, in the order they happen: `sent` when the client
 * is asked to send it, `answered` when its result or error is handed back (a callback's call, a promise's settling).
 * Pipelines are recorded as sent only.
 */
export async function statementEventsBy(fn: () => Promise<unknown>, watch?: Watch): Promise<{ event: 'sent' | 'answered'; text: string }[]> {
  const events: { event: 'sent' | 'answered'; text: string }[] = []
  await watching(
    await clientPrototype(),
    fn,
    (arg, args) => {
      const sent = statementsIn(arg)
      for (const s of sent) events.push({ event: 'sent', text: s.text })
      const answered = () => {
        if (!pipelineOf(arg)) for (const s of sent) events.push({ event: 'answered', text: s.text })
      }
      const last = args.length - 1
      const callback = args[last]
      if (typeof callback === 'function') {
        args[last] = (...r: unknown[]) => {
          answered()
          return callback(...r)
        }
        return
      }
      return (result) => {
        if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(answered, answered)
      }
    },
    watch,
  )
  return events
}

/** Each query call (one write to PostgreSQL) any client makes for `fn`: the texts it sends, whitespace collapsed. */
export async function writesBy(fn: () => Promise<unknown>, watch?: Watch): Promise<string[][]> {
  const writes: string[][] = []
  await watching(await clientPrototype(), fn, (arg) => void writes.push(statementsIn(arg).map((s) => s.text.replace(/\s+/g, ' ').trim())), watch)
  return writes
}
