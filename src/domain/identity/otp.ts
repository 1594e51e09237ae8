/**
 * Phone verification by one-time code: the rules, no I/O. A code is 6 digits, stored only as an HMAC of
 * (phone, code), valid 5 minutes, burnt after 5 wrong tries. Sending is limited per phone (a cooldown between
 * codes and a cap per hour) and per IP (a cap per hour); wrong codes are also capped per IP per hour.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'

export const OTP_RULES = {
  digits: 6,
  ttlMs: 5 * 60_000,
  /** Wrong tries on one code before it is burnt. */
  maxAttempts: 5,
  /** Minimum time between two codes to one phone. */
  resendCooldownMs: 60_000,
  /** Codes per phone per hour. */
  maxSendsPerPhone: 3,
  /** Codes requested from one IP per hour. */
  maxSendsPerIp: 10,
  /** Wrong codes from one IP per hour. */
  maxFailuresPerIp: 20,
  windowMs: 60 * 60_000,
} as const

export const newOtpCode = (): string => String(randomInt(0, 10 ** OTP_RULES.digits)).padStart(OTP_RULES.digits, '0')

export const hashOtp = (secret: string, phone: string, code: string): string => createHmac('sha256', secret).update(`${phone}:${code}`).digest('hex')

export interface SendHistory {
  lastSentAt: Date | null
  sentForPhone: number
  sentForIp: number
}

export type SendRefusal = { reason: 'cooldown' | 'phone_limit' | 'ip_limit'; retryAfterSeconds: number; message: string }

/** Whether another code may go to this phone from this IP now; the refusal says why and when to retry. */
export function sendRefusal(h: SendHistory, now: Date): SendRefusal | null {
  if (h.sentForIp >= OTP_RULES.maxSendsPerIp)
    return { reason: 'ip_limit', retryAfterSeconds: OTP_RULES.windowMs / 1000, message: 'Too many verification codes requested from this address. Try again later.' }
  if (h.sentForPhone >= OTP_RULES.maxSendsPerPhone)
    return { reason: 'phone_limit', retryAfterSeconds: OTP_RULES.windowMs / 1000, message: 'Too many verification codes sent to this phone. Try again later.' }
  if (h.lastSentAt) {
    const wait = h.lastSentAt.getTime() + OTP_RULES.resendCooldownMs - now.getTime()
    if (wait > 0) return { reason: 'cooldown', retryAfterSeconds: Math.ceil(wait / 1000), message: `Wait ${Math.ceil(wait / 1000)} seconds before requesting another code.` }
  }
  return null
}

export interface StoredOtp {
  codeHash: string
  expiresAt: Date
  attempts: number
  consumedAt: Date | null
}

export type OtpCheck = 'ok' | 'wrong' | 'expired' | 'too_many_attempts' | 'none'

/** The outcome of presenting `givenHash` against the phone's latest code. */
export function checkOtp(stored: StoredOtp | null, givenHash: string, now: Date): OtpCheck {
  if (!stored || stored.consumedAt) return 'none'
  if (stored.attempts >= OTP_RULES.maxAttempts) return 'too_many_attempts'
  if (stored.expiresAt.getTime() <= now.getTime()) return 'expired'
  const a = Buffer.from(stored.codeHash, 'hex')
  const b = Buffer.from(givenHash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b) ? 'ok' : 'wrong'
}
