/**
 * Phone verification by one-time code. Steps of a request: normalize the phone (E.164) → lock the phone →
 * limits (cooldown and hourly cap per phone, hourly cap per IP) → store the code's HMAC → send it by SMS (a
 * failed send rolls everything back). Steps of a verify: lock the phone's latest code → per-IP failure cap →
 * check (missing, burnt, expired, wrong: counted) → mark the phone verified on the account.
 * A wrong try is committed before the 4xx is answered, so the limits see it.
 */
import type { PayloadRequest } from 'payload'

import type { AccessUser } from '@/access/roles'
import { consumeOtp, countOtpAttempt, latestOtpForUpdate, otpFailuresFromIp, otpSendHistory, phoneVerifiedByOther, userFields } from '@/db/identity'
import { advisoryLock, withTransaction } from '@/db/transaction'
import { checkOtp, hashOtp, newOtpCode, OTP_RULES, sendRefusal } from '@/domain/identity/otp'
import { PHONE_MESSAGE } from '@/domain/identity/phone'
import { env } from '@/lib/env'
import { badRequest, conflict, HttpError, invalidFields } from '@/lib/http'
import { clientIp } from '@/lib/request'
import { smsAdapter } from '@/notifications/sms'
import type { CountryCode } from 'libphonenumber-js'

const tooMany = (message: string, retryAfterSeconds: number, reason: string) => new HttpError(429, message, { reason, retryAfterSeconds })

/** The phone in E.164, or a 400. libphonenumber-js is loaded with the first phone (src/domain/identity/international-phone.ts). */
async function e164(raw: string): Promise<string> {
  const { normalizePhone } = await import('@/domain/identity/international-phone')
  const phone = normalizePhone(raw, env.phoneDefaultCountry as CountryCode)
  if (!phone) throw invalidFields([{ path: 'phone', message: PHONE_MESSAGE }])
  return phone
}

const otpText = (code: string, ar: boolean) =>
  ar ? `رمز التحقق من AutoHub: ${code}. صالح لمدة 5 دقائق. لا تشاركه مع أحد.` : `Your AutoHub verification code is ${code}. It expires in 5 minutes. Do not share it.`

/** `POST /api/users/phone/request-otp { phone }`: sends a code by SMS. */
export async function requestPhoneOtp(req: PayloadRequest, user: AccessUser, rawPhone: string) {
  const phone = await e164(rawPhone)
  const ip = clientIp(req)
  const now = new Date()
  const expiresAt = new Date(now.getTime() + OTP_RULES.ttlMs)
  await withTransaction(req, async (tx) => {
    await advisoryLock(tx, 'phone-otp', phone)
    if (await phoneVerifiedByOther(tx, phone, Number(user.id))) throw conflict('This phone number is already verified on another account.')
    const refusal = sendRefusal(await otpSendHistory(tx, phone, ip, OTP_RULES.windowMs), now)
    if (refusal) throw tooMany(refusal.message, refusal.retryAfterSeconds, refusal.reason)
    const code = newOtpCode()
    await req.payload.create({
      collection: 'phone-verifications',
      req,
      overrideAccess: true,
      depth: 0,
      data: { kind: 'code', user: Number(user.id), phone, ip, codeHash: hashOtp(env.payloadSecret, phone, code), expiresAt: expiresAt.toISOString(), attempts: 0 },
    })
    const me = await userFields(req, user.id, ['preferredLanguage'])
    const sent = await smsAdapter().send(phone, otpText(code, me?.preferredLanguage === 'ar'))
    if (!sent.ok) throw new HttpError(502, 'The verification SMS could not be sent. Try again shortly.', { provider: sent.status ?? null })
  })
  return { phone, expiresAt: expiresAt.toISOString(), resendAfterSeconds: OTP_RULES.resendCooldownMs / 1000 }
}

type VerifyOutcome = { ok: true } | { ok: false; error: HttpError }

/** `POST /api/users/phone/verify { phone, otp }`: marks the phone verified on the caller's account. */
export async function verifyPhoneOtp(req: PayloadRequest, user: AccessUser, rawPhone: string, otp: string) {
  const phone = await e164(rawPhone)
  const ip = clientIp(req)
  const now = new Date()
  const userId = Number(user.id)
  const outcome = await withTransaction<VerifyOutcome>(req, async (tx) => {
    await advisoryLock(tx, 'phone-otp', phone)
    if ((await otpFailuresFromIp(tx, ip, OTP_RULES.windowMs)) >= OTP_RULES.maxFailuresPerIp) {
      return { ok: false, error: tooMany('Too many wrong codes from this address. Try again later.', OTP_RULES.windowMs / 1000, 'ip_attempts') }
    }
    const stored = await latestOtpForUpdate(tx, phone, userId)
    const check = checkOtp(stored, hashOtp(env.payloadSecret, phone, otp), now)
    if (check === 'none') return { ok: false, error: badRequest('No verification code is pending for this phone. Request one first.', { reason: 'none' }) }
    if (check === 'too_many_attempts') return { ok: false, error: tooMany('Too many wrong codes. Request a new code.', 0, 'attempts') }
    if (check === 'expired') return { ok: false, error: badRequest('The verification code has expired. Request a new one.', { reason: 'expired' }) }
    if (check === 'wrong') {
      await countOtpAttempt(tx, stored!.id)
      await req.payload.create({ collection: 'phone-verifications', req, overrideAccess: true, depth: 0, data: { kind: 'failure', user: userId, phone, ip } })
      const left = OTP_RULES.maxAttempts - stored!.attempts - 1
      return {
        ok: false,
        error: badRequest(left > 0 ? 'The verification code is wrong.' : 'The verification code is wrong. Request a new code.', { reason: 'wrong', attemptsLeft: Math.max(0, left) }),
      }
    }
    await consumeOtp(tx, stored!.id, now)
    if (await phoneVerifiedByOther(tx, phone, userId)) return { ok: false, error: conflict('This phone number is already verified on another account.') }
    await req.payload.update({
      collection: 'users',
      id: userId,
      req,
      overrideAccess: true,
      depth: 0,
      context: { phoneVerification: true },
      data: { phone, phoneVerified: true, phoneVerifiedAt: now.toISOString() },
    })
    return { ok: true }
  })
  if (!outcome.ok) throw outcome.error
  return { phone, phoneVerified: true, phoneVerifiedAt: now.toISOString() }
}
