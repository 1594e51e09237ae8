/**
 * Instant emails tried again: notify() sends a notification's email once its request commits; a failed attempt leaves
 * it `sending` with the time of its next one (the SMS and push backoff: 30 s, 1 min, 2 min… capped at 1 h; `failed`
 * after 5 attempts), and one whose first attempt never recorded an outcome (the process stopped between the commit
 * and the SMTP server's answer) is due once EMAIL_STUCK_AFTER_MS has passed. The notification-deliveries job calls
 * retryDueEmails every minute. Each email is claimed before it is sent (src/db/community.ts `claimDueEmails`), so
 * two workers never send it at once; delivery is at least once (a process that stops after the SMTP server accepted
 * the message and before the outcome was recorded sends it again).
 */
import type { Payload } from 'payload'

import { claimDueEmails, recordEmailAttempt } from '@/db/community'
import { dbOf } from '@/db/transaction'
import { EMAIL_CLAIM_MS, EMAIL_STUCK_AFTER_MS, emailAfterAttempt } from '@/domain/community/delivery'

import { instantEmail, sendEmail } from './channels'

/**
 * Tries the instant emails due at `now` (at most `limit`), one after another, while the run is within `budgetMs` of
 * its start (checked after each email: an SMTP server that answers slowly or not at all makes each attempt last up to
 * its timeouts). What the budget leaves stays claimed and is due again when the claim ends, well after the budget, so
 * no other worker sends it meanwhile. Returns how many were tried and sent.
 */
export async function retryDueEmails(payload: Payload, now: Date = new Date(), limit = 200, budgetMs = EMAIL_CLAIM_MS / 2): Promise<{ tried: number; sent: number }> {
  const db = dbOf(payload)
  const started = performance.now()
  const due = await claimDueEmails(db, now, new Date(now.getTime() - EMAIL_STUCK_AFTER_MS), new Date(now.getTime() + EMAIL_CLAIM_MS), limit)
  let tried = 0
  let sent = 0
  for (const email of due) {
    if (tried > 0 && performance.now() - started > budgetMs) break
    tried++
    // no address (the user is gone) or no text in any locale: cannot be sent, counted as a failed attempt
    const ok =
      email.to !== null &&
      email.title !== null &&
      email.message !== null &&
      (await sendEmail(payload, instantEmail(email.to, { title: email.title, message: email.message, actionUrl: email.actionUrl })))
    const attempts = email.attempts + 1
    await recordEmailAttempt(db, email.id, { ...emailAfterAttempt(ok, attempts, now), attempts, at: now })
    if (ok) sent++
  }
  return { tried, sent }
}
