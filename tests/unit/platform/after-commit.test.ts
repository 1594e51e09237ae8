import { describe, expect, it } from 'vitest'

import { afterCommit, afterCommitDetached, collectAfterCommit, renameInEffects, settleDetachedEffects, withOwnEffects } from '../../../src/lib/after-commit'

describe('afterCommit', () => {
  it('outside a request the caller runs the effect itself', () => {
    expect(afterCommit(() => {})).toBe(false)
  })

  it('inside a request effects wait, then run in order on flush — also those raised in nested async work', async () => {
    const ran: string[] = []
    const collected = await collectAfterCommit(async () => {
      expect(afterCommit(() => ran.push('a'))).toBe(true)
      await new Promise((r) => setImmediate(r))
      await Promise.all([1, 2].map(async (n) => afterCommit(() => ran.push(`b${n}`))))
      ran.push('request done')
      return 201
    })
    expect(collected.result).toBe(201)
    expect(collected.size).toBe(3)
    expect(ran).toEqual(['request done'])
    await collected.flush()
    expect(ran).toEqual(['request done', 'a', 'b1', 'b2'])
    expect(collected.size).toBe(0)
  })

  it('discard drops them (the request was rolled back) and runs their discard handlers instead', async () => {
    const ran: string[] = []
    const collected = await collectAfterCommit(async () => {
      afterCommit(
        () => ran.push('email'),
        () => ran.push('email not sent'),
      )
      afterCommit(() => ran.push('emit'))
      return 409
    })
    await collected.discard()
    await collected.flush()
    expect(ran).toEqual(['email not sent'])
  })

  it('one failing effect does not stop the next; the error is reported', async () => {
    const ran: string[] = []
    const errors: unknown[] = []
    const collected = await collectAfterCommit(async () => {
      afterCommit(() => {
        throw new Error('smtp down')
      })
      afterCommit(() => ran.push('emit'))
    })
    await collected.flush((e) => errors.push(e))
    expect(ran).toEqual(['emit'])
    expect(String(errors[0])).toMatch(/smtp down/)
  })

  it('an effect raised after the request finished (a timer it started) runs at once instead of being lost', async () => {
    let later: (() => boolean) | null = null
    const collected = await collectAfterCommit(async () => {
      later = () => afterCommit(() => {})
    })
    await collected.flush()
    expect(later!()).toBe(false)
  })

  it('a request that throws still closes its queue', async () => {
    let raise: (() => boolean) | null = null
    await expect(
      collectAfterCommit(async () => {
        raise = () => afterCommit(() => {})
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(raise!()).toBe(false)
  })
})

describe('the collector while requests overlap', () => {
  it('a request finishing does not end the collection of one still running', async () => {
    const ran: string[] = []
    let releaseB!: () => void
    const bWaits = new Promise<void>((r) => (releaseB = r))
    const b = collectAfterCommit(async () => {
      await bWaits
      expect(afterCommit(() => ran.push('b effect'))).toBe(true)
      return 'b'
    })
    const a = await collectAfterCommit(async () => {
      expect(afterCommit(() => ran.push('a effect'))).toBe(true)
      return 'a'
    })
    expect(a.size).toBe(1)
    releaseB()
    const collectedB = await b
    expect(collectedB.size).toBe(1)
    expect(ran).toEqual([])
    await a.flush()
    await collectedB.flush()
    expect(ran).toEqual(['a effect', 'b effect'])
    // none in flight: outside a request again
    expect(afterCommit(() => {})).toBe(false)
  })

  it('collect: false runs the work without collecting: its effects run at once', async () => {
    const ran: string[] = []
    const collected = await collectAfterCommit(
      async () => {
        expect(afterCommit(() => ran.push('effect'))).toBe(false)
        return 'read'
      },
      { collect: false },
    )
    expect(collected.result).toBe('read')
    expect(collected.size).toBe(0)
    await collected.flush()
    expect(ran).toEqual([])
  })

  it('detached effects start after the others, one after another, and flush does not wait for them', async () => {
    const ran: string[] = []
    let release!: () => void
    const smtpAnswers = new Promise<void>((resolve) => (release = resolve))
    const collected = await collectAfterCommit(async () => {
      expect(
        afterCommitDetached(async () => {
          ran.push('email starts')
          await smtpAnswers
          ran.push('email sent')
        }),
      ).toBe(true)
      afterCommit(() => ran.push('emit'))
      afterCommitDetached(() => ran.push('push'))
      return 201
    })
    expect(collected.size).toBe(3)
    await collected.flush()
    // the emit ran before flush returned; the email started and waits for its server; the push waits for the email
    expect(ran).toEqual(['emit', 'email starts'])
    const settled = settleDetachedEffects().then(() => ran.push('settled'))
    await new Promise((r) => setImmediate(r))
    expect(ran).toEqual(['emit', 'email starts'])
    release()
    await settled
    expect(ran).toEqual(['emit', 'email starts', 'email sent', 'push', 'settled'])
  })

  it('a failing detached effect is reported and does not stop the next; a rolled-back request runs its discard handler', async () => {
    const ran: string[] = []
    const errors: unknown[] = []
    const ok = await collectAfterCommit(async () => {
      afterCommitDetached(() => {
        throw new Error('SMTP down')
      })
      afterCommitDetached(() => ran.push('push'))
      return 201
    })
    await ok.flush((err) => errors.push(err))
    await settleDetachedEffects()
    expect(ran).toEqual(['push'])
    expect(errors.map((e) => (e as Error).message)).toEqual(['SMTP down'])

    const failed = await collectAfterCommit(async () => {
      afterCommitDetached(
        () => ran.push('email'),
        () => ran.push('email not sent'),
      )
      return 409
    })
    await failed.discard()
    await failed.flush()
    await settleDetachedEffects()
    expect(ran).toEqual(['push', 'email not sent'])
  })

  it("outside a request a detached effect is the caller's to run", () => {
    expect(afterCommitDetached(() => {})).toBe(false)
  })
})

describe('renameInEffects: a provisional name, told its final one before the effects run', () => {
  it('every string in what an effect passes through `named` carries the final name, nested in arrays and plain objects; the rest is left as it is', async () => {
    const seen: unknown[] = []
    const when = new Date('2026-12-06T00:00:00Z')
    const collected = await collectAfterCommit(async () => {
      afterCommit((named) => seen.push(named({ title: 'Order ORD-PROVISIONAL-ab12 received', data: { orderNumber: 'ORD-PROVISIONAL-ab12', order: 7, when }, tags: ['ORD-PROVISIONAL-ab12', 3] })))
      afterCommitDetached((named) => seen.push(named('Your order ORD-PROVISIONAL-ab12 (ORD-PROVISIONAL-ab12)')))
      expect(renameInEffects('ORD-PROVISIONAL-ab12', 'ORD-2026-000042')).toBe(true)
    })
    await collected.flush()
    await settleDetachedEffects()
    expect(seen).toEqual([
      { title: 'Order ORD-2026-000042 received', data: { orderNumber: 'ORD-2026-000042', order: 7, when }, tags: ['ORD-2026-000042', 3] },
      'Your order ORD-2026-000042 (ORD-2026-000042)',
    ])
    expect((seen[0] as { data: { when: Date } }).data.when).toBe(when) // not a plain object: passed as it is
  })

  it("one request's renames are its own; without any, `named` hands back the value itself", async () => {
    const value = { text: 'ORD-PROVISIONAL-x' }
    const seen: unknown[] = []
    const a = await collectAfterCommit(async () => {
      renameInEffects('ORD-PROVISIONAL-x', 'ORD-2026-000001')
    })
    const b = await collectAfterCommit(async () => {
      afterCommit((named) => seen.push(named(value)))
    })
    await a.flush()
    await b.flush()
    expect(seen[0]).toBe(value)
  })

  it('outside a request there is nothing to rename: false', () => {
    expect(renameInEffects('a', 'b')).toBe(false)
  })
})

describe('withOwnEffects: effects that wait for the work even where no request collects them', () => {
  it('outside a request: they run once the work has succeeded, with its renames; dropped (their discard run) when it throws', async () => {
    const ran: string[] = []
    const result = await withOwnEffects(async () => {
      afterCommit((named) => ran.push(named('mail about P-1')))
      renameInEffects('P-1', 'N-1')
      ran.push('work done')
      return 201
    })
    await settleDetachedEffects()
    expect(result).toBe(201)
    expect(ran).toEqual(['work done', 'mail about N-1'])

    await expect(
      withOwnEffects(async () => {
        afterCommit(
          () => ran.push('sent'),
          () => ran.push('not sent'),
        )
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    expect(ran).toEqual(['work done', 'mail about N-1', 'not sent'])
    expect(afterCommit(() => {})).toBe(false) // the scope has ended
  })

  it("inside a request the work just runs: its effects and renames are the request's, run at its flush", async () => {
    const ran: string[] = []
    const collected = await collectAfterCommit(async () => {
      await withOwnEffects(async () => {
        afterCommit((named) => ran.push(named('P-2')))
        renameInEffects('P-2', 'N-2')
      })
      ran.push('request done')
    })
    expect(ran).toEqual(['request done'])
    await collected.flush()
    expect(ran).toEqual(['request done', 'N-2'])
  })
})
