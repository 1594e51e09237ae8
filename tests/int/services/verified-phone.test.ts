/**
 * The car-services rule (issue 21): with REQUIRE_VERIFIED_PHONE=true a signed-in customer books a service only
 * with a phone verified by OTP; otherwise 403 and no booking. Emergency guest bookings are not held back.
 */
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { dbOf } from '../../../src/db/transaction'
import { post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { codeIn, type SmsStandin, startSmsStandin } from '../../helpers/sms-standin'
import { createUser } from '../../helpers/users'
import { bookingBody, cairoTime, makeService } from './fixtures'

let sms: SmsStandin
const bookingsOf = async (user: number) => {
  const payload = await testPayload()
  return (await dbOf(payload).execute(sql`select count(*)::int as n from service_bookings where customer_id = ${user}`)).rows[0].n
}

beforeAll(async () => {
  sms = await startSmsStandin()
  Object.assign(process.env, { SMS_PROVIDER: 'http', SMS_GATEWAY_URL: sms.url, REQUIRE_VERIFIED_PHONE: 'true' })
  await testPayload()
})
afterAll(async () => {
  delete process.env.REQUIRE_VERIFIED_PHONE
  await sms.close()
})

describe('verified phone for bookings', () => {
  it('refuses an unverified customer (403, nothing written), accepts after OTP verification', async () => {
    const service = await makeService({ basePrice: 100 })
    const u = await createUser({ data: { phone: '+201001231231' } })
    const refused = await post('/service-bookings', bookingBody(service.id, cairoTime(4, 11)), { token: u.token })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toContain('Verify your phone number')
    expect(await bookingsOf(u.id)).toBe(0)

    const phone = '+201001239876'
    expect((await post('/users/phone/request-otp', { phone }, { token: u.token, headers: { 'x-real-ip': '10.77.0.1' } })).status).toBe(200)
    expect((await post('/users/phone/verify', { phone, otp: codeIn(sms.to(phone)[0].text) }, { token: u.token, headers: { 'x-real-ip': '10.77.0.1' } })).status).toBe(200)
    const ok = await post('/service-bookings', bookingBody(service.id, cairoTime(4, 12)), { token: u.token })
    expect(ok.status).toBe(201)
    expect(await bookingsOf(u.id)).toBe(1)
  })

  it('emergency guest bookings are not held back', async () => {
    const service = await makeService({ basePrice: 100 })
    const res = await post('/service-bookings/emergency', { service: service.id, customerInfo: { name: 'Guest', phone: '01012345678' } })
    expect(res.status).toBe(201)
  })
})
