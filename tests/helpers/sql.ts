/** What SQL a piece of code sends. */
import type { Payload } from 'payload'

type Queryable = { query: (...a: unknown[]) => unknown }

/** Records the statement texts passed to `target.query` while `fn` runs. */
async function recording(target: Queryable, fn: () => Promise<unknown>, normalize: (text: string) => string): Promise<string[]> {
  const seen: string[] = []
  const original = target.query
  target.query = function (this: unknown, ...a: unknown[]) {
    const text = typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string })?.text
    if (text) seen.push(normalize(text))
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
