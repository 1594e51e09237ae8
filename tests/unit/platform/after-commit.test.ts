import { describe, expect, it } from 'vitest'

import { afterCommit, afterCommitDetached, collectAfterCommit, settleDetachedEffects } from '../../../src/lib/after-commit'

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
