/** `allSettledOrThrow` (src/lib/settle.ts): Promise.all's answer, given only once every branch has ended. */
import { describe, expect, it } from 'vitest'

import { allSettledOrThrow } from '../../../src/lib/settle'

describe('allSettledOrThrow', () => {
  it('gives the values in order', async () => {
    const [a, b, c] = await allSettledOrThrow([Promise.resolve(1), 'two', new Promise<number>((resolve) => setImmediate(() => resolve(3)))])
    expect([a, b, c]).toEqual([1, 'two', 3])
  })

  it('throws only once the slower branches have ended, the error of the first failed branch in order', async () => {
    let slowEnded = false
    const slow = new Promise<void>((resolve) =>
      setImmediate(() => {
        slowEnded = true
        resolve()
      }),
    )
    const later = new Promise((_, reject) => setImmediate(() => reject(new Error('second'))))
    const error = await allSettledOrThrow([slow, later, Promise.reject(new Error('third, but first to fail'))]).catch((e: Error) => e)
    expect(slowEnded).toBe(true) // Promise.all would have rejected before `slow` ended
    expect((error as Error).message).toBe('second')
  })

  it('throws the error that aborted the transaction, not a branch\'s "current transaction is aborted" after it', async () => {
    const aborted = Object.assign(new Error('Failed query: insert …'), { cause: Object.assign(new Error('current transaction is aborted'), { code: '25P02' }) })
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' })
    const error = await allSettledOrThrow([Promise.reject(aborted), Promise.resolve(1), Promise.reject(cause)]).catch((e: Error) => e)
    expect(error).toBe(cause)
    // only aborted statements: the first of them
    const second = Object.assign(new Error('aborted too'), { code: '25P02' })
    expect(await allSettledOrThrow([Promise.reject(aborted), Promise.reject(second)]).catch((e: Error) => e)).toBe(aborted)
  })
})
