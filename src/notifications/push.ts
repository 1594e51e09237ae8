/**
 * The Web Push channel: `web-push` with VAPID (`VAPID_PUBLIC_KEY`, `VAPID_PRIVATE_KEY`, `VAPID_SUBJECT`). The
 * payload (JSON `{ title, body, url, type, notificationId }`) is encrypted for the subscription (aes128gcm) by the
 * library. A 404/410 from the push service means the subscription is gone (the caller prunes it).
 */
import { readFileSync } from 'node:fs'
import https from 'node:https'

import { subscriptionGone, type DeliveryOutcome } from '@/domain/community/delivery'
import { env } from '@/lib/env'

export interface PushTarget {
  endpoint: string
  p256dh: string
  auth: string
}

export interface PushMessage {
  title: string
  body: string
  url?: string | null
  type: string
  notificationId?: number | null
}

let agent: { file: string; agent: https.Agent } | null = null
function agentFor(file: string): https.Agent | undefined {
  if (!file) return undefined
  if (agent?.file !== file) agent = { file, agent: new https.Agent({ ca: readFileSync(file), keepAlive: false }) }
  return agent.agent
}

export const pushConfigured = (): boolean => env.vapid !== null

/** The public VAPID key browsers subscribe with (null when push is off). */
export const vapidPublicKey = (): string | null => env.vapid?.publicKey ?? null

export async function sendPush(target: PushTarget, message: PushMessage): Promise<DeliveryOutcome> {
  const vapid = env.vapid
  if (!vapid) return { kind: 'error', error: 'Web Push is not configured (VAPID keys).' }
  try {
    // web-push (and its crypto dependencies) loads with the first push, not with every process that loads the config
    const { default: webpush } = await import('web-push')
    const res = await webpush.sendNotification({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(message), {
      vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
      TTL: 24 * 3600,
      timeout: 10_000,
      agent: agentFor(env.webPushCaFile),
    })
    return { kind: 'sent', status: res.statusCode }
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode
    if (subscriptionGone(status)) return { kind: 'gone', status: status! }
    return { kind: 'error', status, error: ((err as { body?: string }).body || (err as Error).message || 'push failed').slice(0, 300) }
  }
}
