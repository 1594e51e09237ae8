/**
 * The SMS channel: an adapter for an HTTP SMS gateway, chosen by env at send time.
 *
 * - `SMS_PROVIDER=http` (default when `SMS_GATEWAY_URL` is set): `POST SMS_GATEWAY_URL` with JSON
 *   `{ to, from, text }` and `Authorization: Bearer SMS_GATEWAY_TOKEN` — the shape most gateways and relays accept.
 * - `SMS_PROVIDER=twilio`: Twilio's Messages API (form-encoded, basic auth `SMS_ACCOUNT_SID:SMS_GATEWAY_TOKEN`;
 *   `SMS_GATEWAY_URL` overrides the API base).
 * - otherwise: logged (development).
 *
 * A 2xx answer is a delivery; anything else is a failure the caller records (and the delivery job retries).
 */
import { env } from '@/lib/env'
import { logInfo } from '@/lib/log'

export interface SendResult {
  ok: boolean
  status?: number
  /** The provider's message id, when it gives one. */
  id?: string
  error?: string
}

export interface SmsAdapter {
  name: string
  send(to: string, text: string): Promise<SendResult>
}

const TIMEOUT_MS = 10_000

async function postGateway(url: string, init: RequestInit): Promise<SendResult> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
    const body = await res.text()
    let id: string | undefined
    try {
      const parsed = JSON.parse(body) as { id?: unknown; sid?: unknown; messageId?: unknown }
      const raw = parsed.id ?? parsed.sid ?? parsed.messageId
      id = raw === undefined ? undefined : String(raw)
    } catch {
      // not JSON: no id
    }
    return res.ok ? { ok: true, status: res.status, id } : { ok: false, status: res.status, error: body.slice(0, 300) || res.statusText }
  } catch (err) {
    return { ok: false, error: (err as Error).message }
  }
}

export const httpSmsAdapter = (url: string, token: string, from: string): SmsAdapter => ({
  name: 'http',
  send: (to, text) =>
    postGateway(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ to, from, text }),
    }),
})

export const twilioSmsAdapter = (base: string, accountSid: string, token: string, from: string): SmsAdapter => ({
  name: 'twilio',
  send: (to, text) =>
    postGateway(`${base.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${Buffer.from(`${accountSid}:${token}`).toString('base64')}` },
      body: new URLSearchParams({ To: to, From: from, Body: text }).toString(),
    }),
})

export const logSmsAdapter: SmsAdapter = {
  name: 'log',
  async send(to, text) {
    logInfo(`[sms] to ${to}: ${text}`)
    return { ok: true }
  },
}

/** The adapter the environment selects (read at each send, so configuration changes need no restart of callers). */
export function smsAdapter(): SmsAdapter {
  const s = env.sms
  if (s.provider === 'twilio' && s.accountSid && s.token) return twilioSmsAdapter(s.url || 'https://api.twilio.com', s.accountSid, s.token, s.from)
  if ((s.provider === 'http' || !s.provider) && s.url) return httpSmsAdapter(s.url, s.token, s.from)
  return logSmsAdapter
}

/** Whether a real gateway is configured (health, docs). */
export const smsConfigured = (): boolean => smsAdapter() !== logSmsAdapter
