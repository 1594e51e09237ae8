/** What SQL a piece of code sends. */
import type { Payload } from 'payload'

type Queryable = { query: (...a: unknown[]) => unknown }

/** Records what `capture` makes of each statement passed to `target.query` (its text, its name) while `fn` runs. */
async function recording<T>(target: Queryable, fn: () => Promise<unknown>, capture: (text: string, name: string | undefined) => T): Promise<T[]> {
  const seen: T[] = []
  const original = target.query
  target.query = function (this: unknown, ...a: unknown[]) {
    const text = typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string })?.text
    if (text) seen.push(capture(text, typeof a[0] === 'string' ? undefined : (a[0] as { name?: string }).name))
    return original.apply(this, a)
  }
  try {
    await fn()
  } finally {
    target.query = original
  }
  return seen
}

/** The texts passed to the database adapter's pool while `fn` runs (not those of open transactions). */
export async function sqlSentBy(payload: Payload, fn: () => Promise<unknown>): Promise<string[]> {
  return recording((payload.db as unknown as { pool: Queryable }).pool, fn, (text) => text)
}

/**
 * Every statement this process sends to PostgreSQL while `fn` runs, on any connection: the pool's and those of open
 * transactions, whitespace collapsed. Nothing else may query meanwhile for the list to be `fn`'s alone.
 */
export async function statementsSentBy(fn: () => Promise<unknown>): Promise<string[]> {
  const { default: pg } = await import('pg')
  return recording(pg.Client.prototype as unknown as Queryable, fn, (text) => text.replace(/\s+/g, ' ').trim())
}

/** The same, each with the name it was sent under (a prepared statement's; undefined: unnamed), text as sent. */
export async function namedStatementsSentBy(fn: () => Promise<unknown>): Promise<{ text: string; name?: string }[]> {
  const { default: pg } = await import('pg')
  return recording(pg.Client.prototype as unknown as Queryable, fn, (text, name) => ({ text, name }))
}
