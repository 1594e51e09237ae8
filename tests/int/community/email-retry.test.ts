/**
 * Instant notification emails that did not go out are tried again (src/notifications/email-retry.ts): a refused
 * first attempt stays `sending` with its next attempt's time and is sent by a later retry; the fifth failure gives up
 * (`failed`); an email whose first attempt never recorded an outcome (the process stopped after the commit) is sent
 * once it is EMAIL_STUCK_AFTER_MS old, not before; concurrent retries send each email once; a late attempt never
 * overwrites a newer outcome; a run stops at its time budget, leaving the rest claimed; the notification-deliveries
 * job runs the retries.
 */
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { insertNotification, recordEmailAttempt } from '../../../src/db/community'
import { dbOf, sql } from '../../../src/db/transaction'
import { DELIVERY_MAX_ATTEMPTS, EMAIL_CLAIM_MS, EMAIL_STUCK_AFTER_MS, retryDelayMs } from '../../../src/domain/community/delivery'
import { retryDueEmails } from '../../../src/notifications/email-retry'
import { notify } from '../../../src/notifications/notify'
import { testPayload } from '../../helpers/payload'
import { startAppSmtp, type TestSmtp } from '../../helpers/smtp'
import { createUser } from '../../helpers/users'

let payload: Payload
let smtp: TestSmtp
let seq = 0

beforeAll(async () => {
  smtp = await startAppSmtp()
  payload = await testPayload()
})
afterAll(async () => {
  await smtp?.close()
})

interface EmailState {
  emailStatus: string
  emailAttempts: number
  emailNextAttemptAt: string | null
  emailedAt: string | null
}

async function stateOf(id: number): Promise<EmailState> {
  const doc = (await payload.findByID({ collection: 'notifications', id, overrideAccess: true, depth: 0 })) as unknown as EmailState
  return { emailStatus: doc.emailStatus, emailAttempts: Number(doc.emailAttempts), emailNextAttemptAt: doc.emailNextAttemptAt ?? null, emailedAt: doc.emailedAt ?? null }
}

/** An instant notification for `user`, sent at once (outside a request notify() sends in its own turn). */
async function tell(user: number, title = `Retry ${++seq}`): Promise<number> {
  const res = await notify(await createLocalReq({}, payload), { user, type: 'listing_update', title: { en: title }, message: { en: `${title} body` }, actionUrl: '/x' })
  return Number(res!.id)
}

/** What notify() writes before its first attempt: `sending`, no attempt recorded (as a process that stopped then leaves it). */
async function unsentNotification(user: number, title: string): Promise<number> {
  const row = await insertNotification(dbOf(payload), {
    user,
    type: 'listing_update',
    data: {},
    actionUrl: '/x',
    urgent: false,
    emailStatus: 'sending',
    texts: { en: { title, message: `${title} body` }, ar: { title: `${title} ar`, message: 'نص' } },
  })
  return row.id
}

const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email))

describe('instant email retries', () => {
  it('a refused first attempt stays sending with its next time; a retry before it sends nothing, one after it sends', async () => {
    const u = await createUser()
    const stop = smtp.refuse((a) => a === u.email)
    const started = Date.now()
    const id = await tell(u.id, 'Refused once')
    stop()
    const first = await stateOf(id)
    expect(first).toMatchObject({ emailStatus: 'sending', emailAttempts: 1, emailedAt: null })
    const next = new Date(first.emailNextAttemptAt!).getTime()
    expect(next - started).toBeGreaterThanOrEqual(retryDelayMs(1))
    expect(next - Date.now()).toBeLessThanOrEqual(retryDelayMs(1))
    expect(mailsTo(u.email)).toHaveLength(0)

    await retryDueEmails(payload, new Date(next - 1000))
    expect(await stateOf(id)).toMatchObject({ emailStatus: 'sending', emailAttempts: 1 })
    expect(mailsTo(u.email)).toHaveLength(0)

    const at = new Date(next + 1000)
    await retryDueEmails(payload, at)
    expect(await stateOf(id)).toMatchObject({ emailStatus: 'sent', emailAttempts: 2, emailNextAttemptAt: null, emailedAt: at.toISOString() })
    expect(mailsTo(u.email).map((m) => m.subject)).toEqual(['Refused once'])

    // a late attempt (the first one, say) does not overwrite the newer outcome
    await recordEmailAttempt(dbOf(payload), id, { status: 'failed', attempts: 1, nextAttemptAt: null, at })
    expect((await stateOf(id)).emailStatus).toBe('sent')
  })

  it(`gives up after ${DELIVERY_MAX_ATTEMPTS} attempts: failed, and no later retry takes it`, async () => {
    const u = await createUser()
    const stop = smtp.refuse((a) => a === u.email)
    try {
      const id = await tell(u.id)
      let state = await stateOf(id)
      while (state.emailStatus === 'sending') {
        const attempts = state.emailAttempts
        await retryDueEmails(payload, new Date(new Date(state.emailNextAttemptAt!).getTime() + 1000))
        state = await stateOf(id)
        expect(state.emailAttempts).toBe(attempts + 1)
      }
      expect(state).toMatchObject({ emailStatus: 'failed', emailAttempts: DELIVERY_MAX_ATTEMPTS, emailNextAttemptAt: null, emailedAt: null })
      stop()
      await retryDueEmails(payload, new Date(Date.now() + 24 * 3600_000))
      expect(await stateOf(id)).toMatchObject({ emailStatus: 'failed', emailAttempts: DELIVERY_MAX_ATTEMPTS })
      expect(mailsTo(u.email)).toHaveLength(0)
    } finally {
      stop()
    }
  })

  it('an email whose first attempt never recorded an outcome is sent once it is stuck, not while its first attempt may still run', async () => {
    const u = await createUser({ data: { preferredLanguage: 'ar' } })
    const written = Date.now()
    const id = await unsentNotification(u.id, 'Stuck')
    await retryDueEmails(payload, new Date(written + EMAIL_STUCK_AFTER_MS - 60_000))
    expect(await stateOf(id)).toMatchObject({ emailStatus: 'sending', emailAttempts: 0, emailNextAttemptAt: null })
    expect(mailsTo(u.email)).toHaveLength(0)

    await retryDueEmails(payload, new Date(Date.now() + EMAIL_STUCK_AFTER_MS + 1000))
    expect(await stateOf(id)).toMatchObject({ emailStatus: 'sent', emailAttempts: 1 })
    const mails = mailsTo(u.email)
    expect(mails).toHaveLength(1)
    expect(mails[0].raw).toContain('Subject: Stuck ar') // the recipient's language
  })

  it('concurrent retries send each due email exactly once', async () => {
    const u = await createUser()
    const ids: number[] = []
    for (let n = 0; n < 12; n++) ids.push(await unsentNotification(u.id, `Parallel ${n}`))
    const at = new Date(Date.now() + EMAIL_STUCK_AFTER_MS + 1000)
    const runs = await Promise.all(Array.from({ length: 6 }, () => retryDueEmails(payload, at, 4)))
    // whatever the concurrent runs left (each takes at most 4), a last run sends
    runs.push(await retryDueEmails(payload, at))
    expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBe(12)
    const subjects = mailsTo(u.email).map((m) => m.subject)
    expect(subjects.sort()).toEqual(Array.from({ length: 12 }, (_, n) => `Parallel ${n}`).sort())
    for (const id of ids) expect(await stateOf(id)).toMatchObject({ emailStatus: 'sent', emailAttempts: 1 })
  })

  it('a run stops when its time budget is spent; what it claimed but did not try waits for its claim to end', async () => {
    const u = await createUser()
    const ids = [await unsentNotification(u.id, 'Budget 1'), await unsentNotification(u.id, 'Budget 2'), await unsentNotification(u.id, 'Budget 3')]
    const at = new Date(Date.now() + EMAIL_STUCK_AFTER_MS + 1000)
    // a budget of 0 ms: one email, then the run is over time
    expect(await retryDueEmails(payload, at, 10, 0)).toEqual({ tried: 1, sent: 1 })
    expect(mailsTo(u.email)).toHaveLength(1)
    const left = (await Promise.all(ids.map(stateOf))).filter((s) => s.emailStatus === 'sending')
    expect(left).toHaveLength(2)
    for (const s of left) {
      expect(s.emailAttempts).toBe(0)
      expect(new Date(s.emailNextAttemptAt!).getTime()).toBe(at.getTime() + EMAIL_CLAIM_MS)
    }
    // still claimed a minute later: nobody sends them
    expect(await retryDueEmails(payload, new Date(at.getTime() + 60_000))).toEqual({ tried: 0, sent: 0 })
    // due again when the claim ends
    expect(await retryDueEmails(payload, new Date(at.getTime() + EMAIL_CLAIM_MS + 1000))).toEqual({ tried: 2, sent: 2 })
    expect(
      mailsTo(u.email)
        .map((m) => m.subject)
        .sort(),
    ).toEqual(['Budget 1', 'Budget 2', 'Budget 3'])
  })

  it('the notification-deliveries job sends the due emails', async () => {
    const u = await createUser()
    const id = await unsentNotification(u.id, 'From the job')
    // written before the stuck threshold, as a row the job finds an hour after a crash
    await dbOf(payload).execute(sql`update notifications set created_at = now() - interval '1 hour' where id = ${id}`)
    const job = (await payload.jobs.queue({ task: 'notification-deliveries', input: {} } as never)) as { id: number | string }
    const result = await payload.jobs.run()
    expect((result.jobStatus as Record<string, { status: string }>)[String(job.id)]?.status).toBe('success')
    expect(await stateOf(id)).toMatchObject({ emailStatus: 'sent', emailAttempts: 1 })
    expect(mailsTo(u.email).map((m) => m.subject)).toEqual(['From the job'])
  })
})
