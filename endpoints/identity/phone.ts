/** Phone verification endpoints (mounted on users): request a code by SMS, verify it. */
import { z } from 'zod'

import { defineEndpoint } from '@/http/define-endpoint'
import { str } from '@/http/fields'

import { requestPhoneOtp, verifyPhoneOtp } from './operations/phone'

/** `POST /api/users/phone/request-otp { phone }` → `{ phone (E.164), expiresAt, resendAfterSeconds }`. */
export const requestOtpEndpoint = defineEndpoint({
  method: 'post',
  path: '/phone/request-otp',
  summary: 'Sends a 6-digit code by SMS to the phone (E.164-normalized); limited per phone (60 s apart, 3 an hour) and per IP (10 an hour).',
  auth: 'write',
  body: z.object({ phone: str('phone', { max: 32 }) }),
  run: ({ req, user, body }) => requestPhoneOtp(req, user, body.phone),
})

/** `POST /api/users/phone/verify { phone, otp }` → `{ phone, phoneVerified: true }`. */
export const verifyOtpEndpoint = defineEndpoint({
  method: 'post',
  path: '/phone/verify',
  summary: "Checks the code (5 minutes, 5 tries; wrong codes capped per IP) and marks the phone verified on the caller's account.",
  auth: 'write',
  body: z.object({ phone: str('phone', { max: 32 }), otp: str('otp', { pattern: /^\d{6}$/, patternMessage: 'otp must be the 6-digit code.' }) }),
  run: ({ req, user, body }) => verifyPhoneOtp(req, user, body.phone, body.otp),
})
