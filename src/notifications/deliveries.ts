/**
 * SMS and push deliveries. notify() queues one `notification-deliveries` row per channel and target (in the
 * caller's transaction) with the text already localized; after the commit each row is tried once at once, and the
 * `notification-deliveries` job retries the failed ones with backoff (src/domain/community/delivery.ts). A push
 * service answering 404/410 removes the subscription (pruned) and marks the row `gone`.
 * Each attempt runs in its own transaction on a row locked with SKIP LOCKED, so two workers never send one row twice.
 */
import { createLocalReq, type Payload } from 'payload'

import { dueDeliveries, lockPendingDelivery, markPushSuccess, prunePushSubscription, pushSubscriptionById, recordDeliveryAttempt } from '@/db/notifications'
import { withTransaction } from '@/db/transaction'
import { afterAttempt, type DeliveryOutcome } from '@/domain/community/delivery'

import { sendPush } from './push'
import { smsAdapter } from './sms'

/** Tries one pending delivery; returns its new status (null when it was not pending or another worker holds it). */
export async function attemptDelivery(payload: Payload, id: number, now: Date = new Date()): Promise<string | null> {
  const req = await createLocalReq({}, payload)
  return withTransaction(req, async (tx) => {
    const row = await lockPendingDelivery(tx, id)
    if (!row) return null
    let outcome: DeliveryOutcome
    if (row.channel === 'sms') {
      const text = row.title ? `${row.title}: ${row.body}` : row.body
      const res = await smsAdapter().send(row.target, text)
      outcome = res.ok ? { kind: 'sent', status: res.status } : { kind: 'error', status: res.status, error: res.error ?? 'sms failed' }
    } else {
      const sub = row.subscriptionId === null ? null : await pushSubscriptionById(tx, row.subscriptionId)
      outcome = sub ? await sendPush(sub, { title: row.title, body: row.body, url: row.actionUrl, type: row.type, notificationId: row.notificationId }) : { kind: 'gone', status: 410 }
      if (sub && outcome.kind === 'gone') await prunePushSubscription(tx, sub.id)
      if (sub && outcome.kind === 'sent') await markPushSuccess(tx, sub.id, now)
    }
    const attempts = row.attempts + 1
    const next = afterAttempt(outcome, attempts, now)
    await recordDeliveryAttempt(tx, row.id, {
      status: next.status,
      attempts,
      nextAttemptAt: next.nextAttemptAt,
      sentAt: outcome.kind === 'sent' ? now : null,
      lastStatus: 'status' in outcome && outcome.status !== undefined ? outcome.status : null,
      lastError: outcome.kind === 'error' ? outcome.error : null,
    })
    return next.status
  }).catch((err) => {
    payload.logger.warn({ err, msg: `notification delivery ${id} failed` })
    return null
  })
}

export async function attemptDeliveries(payload: Payload, ids: number[]): Promise<void> {
  for (const id of ids) await attemptDelivery(payload, id)
}

/** The retry job: every pending delivery whose next attempt is due. */
export async function retryDueDeliveries(payload: Payload, now: Date = new Date(), limit = 200): Promise<{ tried: number; sent: number }> {
  const req = await createLocalReq({}, payload)
  const ids = await withTransaction(req, (tx) => dueDeliveries(tx, now, limit))
  let sent = 0
  for (const id of ids) if ((await attemptDelivery(payload, id, now)) === 'sent') sent++
  return { tried: ids.length, sent }
}
