/**
 * The email digest: every notification whose email was queued (daily/weekly frequency, quiet-hours deferral,
 * broadcasts) is mailed as ONE email per user when the user's digest is due (src/domain/community/index.ts
 * `digestDue`): never during the user's quiet hours; instant users as soon as quiet hours end; daily/weekly
 * users at most once per day/week. Safe with several workers: each user is handled under a try-lock and the
 * rows are marked in the same transaction as the send.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { User } from '@payload-types'
import { dropQueuedEmails, lastDigestAt, lockQueuedEmails, markDigested, tryDigestLock, usersWithQueuedEmail } from '@/db/community'
import { withTransaction } from '@/db/transaction'
import { digestDue, type NotificationPrefs } from '@/domain/community'

import { digestEmail, sendEmail } from './channels'

export const DIGEST_MAX_ITEMS = 50

export interface DigestResult {
  users: number
  emails: number
  notifications: number
}

export async function sendDigests(payload: Payload, now: Date = new Date()): Promise<DigestResult> {
  const req = await createLocalReq({}, payload)
  const userIds = await withTransaction(req, usersWithQueuedEmail)
  const result: DigestResult = { users: userIds.length, emails: 0, notifications: 0 }
  for (const userId of userIds) {
    const userReq = await createLocalReq({}, payload)
    const sent = await digestForUser(userReq, userId, now)
    if (sent) {
      result.emails++
      result.notifications += sent
    }
  }
  return result
}

/**
 * One user's digest. Steps: try-lock the user → drop what they do not want mailed → due? → lock the queued
 * rows → send one email → mark them digested (all in one transaction: a failed send leaves them queued).
 */
async function digestForUser(req: PayloadRequest, userId: number, now: Date): Promise<number> {
  return withTransaction(req, async (tx) => {
    if (!(await tryDigestLock(tx, userId))) return 0
    const user: User | null = await req.payload.findByID({ collection: 'users', id: userId, req, depth: 0, overrideAccess: true, disableErrors: true })
    const prefs: NotificationPrefs = user?.notificationPreferences ?? {}
    const muted = prefs.mutedTypes ?? []
    if (!user?.email || prefs.email === false) {
      await dropQueuedEmails(tx, userId)
      return 0
    }
    if (muted.length) await dropQueuedEmails(tx, userId, muted)
    if (!digestDue(prefs, await lastDigestAt(tx, userId), now)) return 0
    const locale = user.preferredLanguage === 'ar' ? 'ar' : 'en'
    const queued = await lockQueuedEmails(tx, userId, locale)
    if (!queued.length) return 0
    const items = queued.slice(0, DIGEST_MAX_ITEMS).map(({ title, message, actionUrl, createdAt }) => ({ title, message, actionUrl, createdAt }))
    const ok = await sendEmail(req.payload, digestEmail(user.email, items, queued.length, locale === 'ar'))
    if (!ok) throw new Error('digest email failed')
    await markDigested(
      tx,
      queued.map((q) => q.id),
      now,
    )
    return queued.length
  }).catch((err) => {
    req.payload.logger.warn({ err, msg: `notification digest for user ${userId} failed` })
    return 0
  })
}
