/** What SQL a piece of code sends: the texts passed to the database adapter's pool while `fn` runs. */
import type { Payload } from 'payload'

export async function sqlSentBy(payload: Payload, fn: () => Promise<unknown>): Promise<string[]> {
  const pool = (payload.db as unknown as { pool: { query: (...a: unknown[]) => unknown } }).pool
  const seen: string[] = []
  const original = pool.query
  pool.query = function (this: unknown, ...a: unknown[]) {
    const text = typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string })?.text
    if (text) seen.push(text)
    return original.apply(this, a)
  }
  try {
    await fn()
  } finally {
    pool.query = original
  }
  return seen
}
