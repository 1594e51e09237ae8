/** Web Push subscription registration (one per device endpoint) and removal. */
import type { PayloadRequest } from 'payload'

import type { AccessUser } from '@/access/roles'
import { pushSubscriptionByEndpoint } from '@/db/notifications'
import { advisoryLock, withTransaction } from '@/db/transaction'
import { notFound } from '@/lib/http'
import { vapidPublicKey } from '@/notifications/push'

export interface RegisterInput {
  endpoint: string
  keys: { p256dh: string; auth: string }
  device?: string
}

/** Registers (or moves to the caller and refreshes) the subscription of this device's push endpoint. */
export async function registerPushSubscription(req: PayloadRequest, user: AccessUser, input: RegisterInput) {
  const userAgent = req.headers.get('user-agent')?.slice(0, 300) ?? ''
  return withTransaction(req, async (tx) => {
    await advisoryLock(tx, 'push-subscription', input.endpoint)
    const existing = await pushSubscriptionByEndpoint(tx, input.endpoint)
    const data = { user: Number(user.id), endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, device: input.device, userAgent }
    const doc = existing
      ? await req.payload.update({ collection: 'push-subscriptions', id: existing.id, data, req, overrideAccess: true, depth: 0 })
      : await req.payload.create({ collection: 'push-subscriptions', data, req, overrideAccess: true, depth: 0 })
    return { id: doc.id, device: doc.device ?? null, created: !existing }
  })
}

/** Removes the caller's subscription for this endpoint (unsubscribe on the device). */
export async function unregisterPushSubscription(req: PayloadRequest, user: AccessUser, endpoint: string) {
  return withTransaction(req, async (tx) => {
    const existing = await pushSubscriptionByEndpoint(tx, endpoint)
    if (!existing || existing.user !== Number(user.id)) throw notFound('No such push subscription.')
    await req.payload.delete({ collection: 'push-subscriptions', id: existing.id, req, overrideAccess: true })
    return { removed: true }
  })
}

export const pushSettings = () => ({ enabled: vapidPublicKey() !== null, vapidPublicKey: vapidPublicKey() })
