/**
 * The car-services rule that a customer books with a verified phone (the technician calls it): with
 * `REQUIRE_VERIFIED_PHONE=true`, a signed-in customer creating a service booking must have verified a phone by OTP
 * (docs/identity.md), else 403 and nothing is written. Staff (admin) creating on someone's behalf and emergency guest
 * bookings (no account; the phone is taken on the booking) are not held back. Attached by the services plugin.
 */
import type { CollectionBeforeValidateHook } from 'payload'

import { isAdminUser, userOf } from '@/access/roles'
import { userFields } from '@/db/identity'
import { env } from '@/lib/env'
import { forbidden } from '@/lib/http'

export const requireVerifiedPhoneToBook: CollectionBeforeValidateHook = async ({ data, operation, req, context }) => {
  if (operation !== 'create' || !env.requireVerifiedPhone || context?.seed || context?.serviceBookingEmergency) return data
  const user = userOf(req)
  if (!user || isAdminUser(user)) return data
  const me = await userFields(req, user.id, ['phone', 'phoneVerified'])
  if (!me?.phone || !me.phoneVerified) throw forbidden('Verify your phone number before booking a service: POST /api/users/phone/request-otp, then /api/users/phone/verify.')
  return data
}
