/** Web Push endpoints (mounted on push-subscriptions): the VAPID key, register a device, unregister it. */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'
import { optStr, str } from '@/http/fields'

import { pushSettings, registerPushSubscription, unregisterPushSubscription } from './operations/push'

const endpointUrl = str('endpoint', { max: 1000, pattern: /^https:\/\/\S+$/, patternMessage: 'endpoint must be an https URL.' })
const base64url = (name: string, max: number) => str(name, { max, pattern: /^[A-Za-z0-9_-]+={0,2}$/, patternMessage: `${name} must be base64url.` })

/** `GET /api/push-subscriptions/vapid-public-key` → `{ enabled, vapidPublicKey }`. */
export const vapidKeyEndpoint = defineEndpoint({
  method: 'get',
  path: '/vapid-public-key',
  summary: 'The VAPID public key browsers subscribe with (`enabled: false` when push is not configured).',
  auth: 'public',
  run: () => pushSettings(),
})

/** `POST /api/push-subscriptions/register { endpoint, keys: { p256dh, auth }, device? }`. */
export const registerPushEndpoint = defineEndpoint({
  method: 'post',
  path: '/register',
  summary: "Registers this device's push subscription for the caller (an upsert by endpoint).",
  auth: 'user',
  body: z.object({ endpoint: endpointUrl, keys: z.object({ p256dh: base64url('keys.p256dh', 200), auth: base64url('keys.auth', 100) }), device: optStr('device', { max: 120 }) }),
  run: ({ req, user, body }) => registerPushSubscription(req, user, body),
})

/** `POST /api/push-subscriptions/unregister { endpoint }`. */
export const unregisterPushEndpoint = defineEndpoint({
  method: 'post',
  path: '/unregister',
  summary: "Removes the caller's subscription for this endpoint.",
  auth: 'user',
  body: z.object({ endpoint: str('endpoint', { max: 1000 }) }),
  run: ({ req, user, body }) => unregisterPushSubscription(req, user, body.endpoint),
})
