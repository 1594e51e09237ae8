/** What SQL a piece of code sends. */
import type { Payload } from 'payload'

type Queryable = { query: (...a: unknown[]) => unknown }

/** Records what `capture` makes of each statement passed to `target.query` (its text, its name) while `fn` runs. */
async function recording<T>(target: Queryable, fn: () => Promise<unknown>, capture: (text: string, name: string | undefined) => T): Promise<T[]> {
  const seen: T[] = []
  const original = target.query
  target.query = function (this: unknown, ...a: unknown[]) {
    // a pipeline (src/db/pipeline.ts) sends several statements in one call: each is recorded
    const pipelined = (a[0] as { statements?: { text: string; name?: string }[] } | undefined)?.statements
    if (Array.isArray(pipelined)) for (const s of pipelined) seen.push(capture(s.text, s.name))
    else {
      const text = typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string })?.text
      if (text) seen.push(capture(text, typeof a[0] === 'string' ? undefined : (a[0] as { name?: string }).name))
    }
    return original.apply(this, a)
  }
  try {
    await fn()
  } finally {
    target.query = original
  }
  return seen
}

/**
 * The texts passed to the database adapter's pool while `fn` runs (not those of open transactions): its `query` calls
 * and the statements the read batcher pipelines on a connection it checks out of the pool (only pool reads are
 * pipelined; src/db/pipeline.ts).
 */
export async function sqlSentBy(payload: Payload, fn: () => Promise<unknown>): Promise<string[]> {
  const { default: pg } = await import('pg')
  const seen: string[] = []
  const client = pg.Client.prototype as unknown as Queryable
  const original = client.query
  client.query = function (this: unknown, ...a: unknown[]) {
    const statements = (a[0] as { statements?: { text: string }[] } | undefined)?.statements
    if (Array.isArray(statements)) for (const s of statements) seen.push(s.text)
    return original.apply(this, a)
  }
  try {
    await recording((payload.db as unknown as { pool: Queryable }).pool, fn, (text) => seen.push(text))
    return seen
  } finally {
    client.query = original
  }
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
