/** Delivery retries for SMS, push and instant email: exponential backoff, then give up. Pure. */
export const DELIVERY_MAX_ATTEMPTS = 5
const BASE_DELAY_MS = 30_000
const MAX_DELAY_MS = 60 * 60_000

/** The wait before the next try after `attempts` failed ones (30 s, 1 min, 2 min, 4 min… capped at 1 h). */
export const retryDelayMs = (attempts: number): number => Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1))

export type DeliveryOutcome = { kind: 'sent'; status?: number } | { kind: 'gone'; status: number } | { kind: 'error'; status?: number; error: string }

/** The row's next state after an attempt (`attempts` counts this one). */
export function afterAttempt(outcome: DeliveryOutcome, attempts: number, now: Date): { status: 'sent' | 'gone' | 'failed' | 'pending'; nextAttemptAt: Date | null } {
  if (outcome.kind === 'sent') return { status: 'sent', nextAttemptAt: null }
  if (outcome.kind === 'gone') return { status: 'gone', nextAttemptAt: null }
  if (attempts >= DELIVERY_MAX_ATTEMPTS) return { status: 'failed', nextAttemptAt: null }
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) }
}

/**
 * An instant email's first attempt runs after its request commits, in the process that answered it. One whose outcome
 * was never recorded this long after its notification was written (that process stopped mid-way) is due for the
 * retry job. Far longer than an attempt can take: SMTP_TIMEOUT_MS (30 s) bounds each of its steps.
 */
export const EMAIL_STUCK_AFTER_MS = 10 * 60_000

/** How long the retry job's claim on an email keeps other workers off it (one that stops mid-send is retried then). */
export const EMAIL_CLAIM_MS = 5 * 60_000

/**
 * A notification's `emailStatus` after an attempt at its instant email (`attempts` counts this one): `sent`; still
 * `sending`, with the next attempt's time (the SMS and push backoff); `failed` after the last attempt.
 */
export function emailAfterAttempt(sent: boolean, attempts: number, now: Date): { status: 'sent' | 'sending' | 'failed'; nextAttemptAt: Date | null } {
  const next = afterAttempt(sent ? { kind: 'sent' } : { kind: 'error', error: 'email failed' }, attempts, now)
  return { status: next.status === 'pending' ? 'sending' : next.status === 'sent' ? 'sent' : 'failed', nextAttemptAt: next.nextAttemptAt }
}

/** Push services answer 404/410 for a subscription that no longer exists: remove it, never retry. */
export const subscriptionGone = (status: number | undefined): boolean => status === 404 || status === 410

/** Types that go out by SMS (when the user enabled SMS and verified a phone); urgent ones always qualify. */
export const SMS_TYPES: ReadonlySet<string> = new Set(['booking_status', 'booking_reminder', 'emergency', 'account_alert', 'part_available'])

export interface ChannelPrefs {
  sms?: boolean | null
  push?: boolean | null
  mutedInApp?: string[] | null
  mutedSms?: string[] | null
  mutedPush?: string[] | null
}

/**
 * Which of the in-app, SMS and push channels a new notification takes (email: `emailDecision`). Per type and per
 * channel: a type muted for a channel never goes there. SMS: opted in, a verified phone, an SMS type (or urgent).
 * Push: not switched off, at least one subscription. Quiet hours hold SMS and push back unless urgent.
 */
export function channelPlan(prefs: ChannelPrefs | null | undefined, type: string, to: { verifiedPhone: boolean; pushSubscriptions: number }, quiet: boolean, urgent = false) {
  const muted = (list?: string[] | null) => Boolean(list?.includes(type))
  const held = quiet && !urgent
  return {
    inApp: !muted(prefs?.mutedInApp),
    sms: !held && prefs?.sms === true && to.verifiedPhone && (urgent || SMS_TYPES.has(type)) && !muted(prefs?.mutedSms),
    push: !held && prefs?.push !== false && to.pushSubscriptions > 0 && !muted(prefs?.mutedPush),
  }
}

/** `{{name}}` placeholders filled from `vars` (unknown names are left empty). */
export const renderTemplate = (text: string, vars: Record<string, unknown>): string =>
  text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, key: string) => {
    const v = vars[key]
    return v === undefined || v === null ? '' : String(v)
  })
