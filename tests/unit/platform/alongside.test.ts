/** hooks/alongside.ts: afterChange hooks that only act, run together. */
import type { CollectionAfterChangeHook } from 'payload'
import { describe, expect, it } from 'vitest'

import { alongside } from '@hooks/alongside'

type Args = Parameters<CollectionAfterChangeHook>[0]
const args = { doc: { id: 1, title: 'given' }, operation: 'create' } as unknown as Args

/** A promise settled from outside. */
function deferred<T = void>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('alongside', () => {
  it('starts every hook at once with the same arguments and hands on the document it was given', async () => {
    const first = deferred()
    const seen: unknown[] = []
    const hook = alongside(
      async (a) => {
        seen.push(a)
        await first.promise
        return { ...a.doc, title: 'changed by the first' }
      },
      async (a) => {
        seen.push(a)
        return { id: 2 }
      },
    )
    const result = hook(args)
    // the second hook ran while the first still waited: both issued their work in the same turn
    await Promise.resolve()
    expect(seen).toEqual([args, args])
    first.resolve()
    expect(await result).toBe(args.doc)
  })

  it('fails with the failing hook’s error, only once every hook has settled', async () => {
    const slow = deferred()
    let slowDone = false
    const hook = alongside(
      async () => {
        throw new Error('notification failed')
      },
      async (a) => {
        await slow.promise
        slowDone = true
        return a.doc
      },
    )
    let settled = false
    const result = hook(args).finally(() => {
      settled = true
    })
    result.catch(() => {})
    await new Promise((r) => setImmediate(r))
    expect(settled).toBe(false)
    slow.resolve()
    await expect(result).rejects.toThrow('notification failed')
    expect(slowDone).toBe(true)
  })
})
