/**
 * Phone verification by OTP (issue 21): the code goes out through the HTTP SMS gateway (a loopback stand-in),
 * is stored only hashed, and verifies the phone on the caller's account; a wrong code, an expired code, too many
 * tries and too many resends are refused with 4xx, per phone and per IP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sql } from '@payloadcms/db-postgres'

import { dbOf } from '../../../src/db/transaction'
import { api, get, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { codeIn, type SmsStandin, startSmsStandin } from '../../helpers/sms-standin'
import { createUser } from '../../helpers/users'

let sms: SmsStandin
let n = 0
/** A fresh valid Egyptian mobile, national form, and its E.164 form. */
const newPhone = () => {
  const tail = String(1_000_000 + (process.pid % 1000) * 1000 + ++n).slice(-7)
  return { national: `0100${tail}`, e164: `+20100${tail}` }
}
const ipHeaders = (ip: string) => ({ headers: { 'x-real-ip': ip } })
let ipSeq = 0
const newIp = () => `10.21.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`

async function sql1(query: ReturnType<typeof sql>) {
  const payload = await testPayload()
  return dbOf(payload).execute(query)
}
/** Moves the phone's codes back in time (the fixtures' clock; the rules compare with now()). */
const age = (phone: string, seconds: number) => sql1(sql`update phone_verifications set created_at = created_at - make_interval(secs => ${seconds}) where phone = ${phone}`)

beforeAll(async () => {
  sms = await startSmsStandin()
  process.env.SMS_PROVIDER = 'http'
  process.env.SMS_GATEWAY_URL = sms.url
  process.env.SMS_GATEWAY_TOKEN = 'gw-secret'
  await testPayload()
})
afterAll(async () => {
  delete process.env.SMS_GATEWAY_URL
  await sms.close()
})

describe('request and verify', () => {
  it('sends a code by SMS to the E.164 number, stores only its hash, and verifies the phone', async () => {
    const u = await createUser()
    const { national, e164 } = newPhone()
    const ip = newIp()
    const res = await post('/users/phone/request-otp', { phone: national }, { token: u.token, ...ipHeaders(ip) })
    expect(res.status).toBe(200)
    expect(res.body.phone).toBe(e164)
    const [msg] = sms.to(e164)
    expect(msg.authorization).toBe('Bearer gw-secret')
    expect(msg.text).toMatch(/verification code is \d{6}/)
    const code = codeIn(msg.text)
    const stored = await sql1(sql`select code_hash from phone_verifications where phone = ${e164}`)
    expect(stored.rows).toHaveLength(1)
    expect(stored.rows[0].code_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored.rows[0].code_hash).not.toContain(code)

    const before = await get(`/users/${u.id}`, { token: u.token })
    expect(before.body.phoneVerified).toBe(false)
    const ok = await post('/users/phone/verify', { phone: e164, otp: code }, { token: u.token, ...ipHeaders(ip) })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ phone: e164, phoneVerified: true })
    const after = await get(`/users/${u.id}`, { token: u.token })
    expect(after.body).toMatchObject({ phone: e164, phoneVerified: true })
    // A used code does not verify twice.
    const again = await post('/users/phone/verify', { phone: e164, otp: code }, { token: u.token, ...ipHeaders(ip) })
    expect(again.status).toBe(400)
  })

  it('Arabic-speaking users get the Arabic text', async () => {
    const u = await createUser({ data: { preferredLanguage: 'ar' } })
    const { e164 } = newPhone()
    expect((await post('/users/phone/request-otp', { phone: e164 }, { token: u.token, ...ipHeaders(newIp()) })).status).toBe(200)
    expect(sms.to(e164)[0].text).toContain('رمز التحقق')
  })

  it('changing the phone clears the verification; the user cannot set phoneVerified', async () => {
    const u = await createUser()
    const { e164 } = newPhone()
    const ip = newIp()
    await post('/users/phone/request-otp', { phone: e164 }, { token: u.token, ...ipHeaders(ip) })
    expect((await post('/users/phone/verify', { phone: e164, otp: codeIn(sms.to(e164)[0].text) }, { token: u.token, ...ipHeaders(ip) })).status).toBe(200)
    const payload = await testPayload()
    const forged = await api('PATCH', `/users/${u.id}`, { token: u.token, body: { phone: '+201012345678', phoneVerified: true } })
    expect(forged.status).toBe(200)
    const doc = await payload.findByID({ collection: 'users', id: u.id, overrideAccess: true })
    expect(doc.phone).toBe('+201012345678')
    expect(doc.phoneVerified).toBe(false)
  })

  it('a bad phone or code is a 400 that writes nothing; anonymous callers get 401', async () => {
    const u = await createUser()
    const bad = await post('/users/phone/request-otp', { phone: '12' }, { token: u.token })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('phone')
    const badOtp = await post('/users/phone/verify', { phone: '+201001112223', otp: 'abc' }, { token: u.token })
    expect(badOtp.status).toBe(400)
    expect(JSON.stringify(badOtp.body)).toContain('otp must be the 6-digit code.')
    expect((await post('/users/phone/request-otp', { phone: '+201001112223' })).status).toBe(401)
    const rows = await sql1(sql`select count(*)::int as n from phone_verifications where user_id = ${u.id}`)
    expect(rows.rows[0].n).toBe(0)
  })

  it('a gateway failure answers 502 and stores no code', async () => {
    const u = await createUser()
    const { e164 } = newPhone()
    sms.failNext(503)
    const res = await post('/users/phone/request-otp', { phone: e164 }, { token: u.token, ...ipHeaders(newIp()) })
    expect(res.status).toBe(502)
    const rows = await sql1(sql`select count(*)::int as n from phone_verifications where phone = ${e164}`)
    expect(rows.rows[0].n).toBe(0)
  })
})

describe('refusals', () => {
  it('a wrong code is refused and counted; the right one still works', async () => {
    const u = await createUser()
    const { e164 } = newPhone()
    const ip = newIp()
    await post('/users/phone/request-otp', { phone: e164 }, { token: u.token, ...ipHeaders(ip) })
    const code = codeIn(sms.to(e164)[0].text)
    const wrong = code === '000000' ? '111111' : '000000'
    const res = await post('/users/phone/verify', { phone: e164, otp: wrong }, { token: u.token, ...ipHeaders(ip) })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toBe('The verification code is wrong.')
    expect(res.body.errors[0].data).toMatchObject({ reason: 'wrong', attemptsLeft: 4 })
    const stored = await sql1(sql`select attempts from phone_verifications where phone = ${e164} and kind = 'code'`)
    expect(Number(stored.rows[0].attempts)).toBe(1)
    expect((await get(`/users/${u.id}`, { token: u.token })).body.phoneVerified).toBe(false)
    expect((await post('/users/phone/verify', { phone: e164, otp: code }, { token: u.token, ...ipHeaders(ip) })).status).toBe(200)
  })

  it("another user's code does not verify the caller", async () => {
    const [a, b] = await Promise.all([createUser(), createUser()])
    const { e164 } = newPhone()
    await post('/users/phone/request-otp', { phone: e164 }, { token: a.token, ...ipHeaders(newIp()) })
    const res = await post('/users/phone/verify', { phone: e164, otp: codeIn(sms.to(e164)[0].text) }, { token: b.token, ...ipHeaders(newIp()) })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.reason).toBe('none')
  })

  it('an expired code is refused', async () => {
    const u = await createUser()
    const { e164 } = newPhone()
    const ip = newIp()
    await post('/users/phone/request-otp', { phone: e164 }, { token: u.token, ...ipHeaders(ip) })
    const code = codeIn(sms.to(e164)[0].text)
    await sql1(sql`update phone_verifications set expires_at = now() - interval '1 second' where phone = ${e164}`)
    const res = await post('/users/phone/verify', { phone: e164, otp: code }, { token: u.token, ...ipHeaders(ip) })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toBe('The verification code has expired. Request a new one.')
    expect((await get(`/users/${u.id}`, { token: u.token })).body.phoneVerified).toBe(false)
  })

  it('after 5 wrong codes the code is burnt: even the right one is refused with 429', async () => {
    const u = await createUser()
    const { e164 } = newPhone()
    const ip = newIp()
    await post('/users/phone/request-otp', { phone: e164 }, { token: u.token, ...ipHeaders(ip) })
    const code = codeIn(sms.to(e164)[0].text)
    const wrong = code === '000000' ? '111111' : '000000'
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await post('/users/phone/verify', { phone: e164, otp: wrong }, { token: u.token, ...ipHeaders(ip) })).status)
    expect(statuses).toEqual([400, 400, 400, 400, 400])
    const res = await post('/users/phone/verify', { phone: e164, otp: code }, { token: u.token, ...ipHeaders(ip) })
    expect(res.status).toBe(429)
    expect(res.body.errors[0].message).toBe('Too many wrong codes. Request a new code.')
    expect((await get(`/users/${u.id}`, { token: u.token })).body.phoneVerified).toBe(false)
  })

  it('concurrent wrong tries never exceed the 5 allowed', async () => {
    const u = await createUser()
    const { e164 } = newPhone()
    const ip = newIp()
    await post('/users/phone/request-otp', { phone: e164 }, { token: u.token, ...ipHeaders(ip) })
    const code = codeIn(sms.to(e164)[0].text)
    const wrong = code === '000000' ? '111111' : '000000'
    const results = await Promise.all(Array.from({ length: 8 }, () => post('/users/phone/verify', { phone: e164, otp: wrong }, { token: u.token, ...ipHeaders(ip) })))
    expect(results.filter((r) => r.status === 400)).toHaveLength(5)
    expect(results.filter((r) => r.status === 429)).toHaveLength(3)
    const stored = await sql1(sql`select attempts from phone_verifications where phone = ${e164} and kind = 'code'`)
    expect(Number(stored.rows[0].attempts)).toBe(5)
  })

  it('resend: 60 s apart and at most 3 codes per phone per hour', async () => {
    const u = await createUser()
    const { e164 } = newPhone()
    const ip = newIp()
    const ask = () => post('/users/phone/request-otp', { phone: e164 }, { token: u.token, ...ipHeaders(ip) })
    expect((await ask()).status).toBe(200)
    const soon = await ask()
    expect(soon.status).toBe(429)
    expect(soon.body.errors[0].data.reason).toBe('cooldown')
    await age(e164, 61)
    expect((await ask()).status).toBe(200)
    await age(e164, 61)
    expect((await ask()).status).toBe(200)
    await age(e164, 61)
    const capped = await ask()
    expect(capped.status).toBe(429)
    expect(capped.body.errors[0].data.reason).toBe('phone_limit')
    expect(sms.to(e164)).toHaveLength(3)
    // An hour later the phone may receive codes again.
    await age(e164, 3600)
    expect((await ask()).status).toBe(200)
    // The newest code is the one that verifies.
    const latest = codeIn(sms.to(e164).at(-1)!.text)
    expect((await post('/users/phone/verify', { phone: e164, otp: latest }, { token: u.token, ...ipHeaders(ip) })).status).toBe(200)
  })

  it('at most 10 codes per IP per hour, whatever the phones', async () => {
    const u = await createUser()
    const ip = newIp()
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await post('/users/phone/request-otp', { phone: newPhone().e164 }, { token: u.token, ...ipHeaders(ip) })).status)
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true)
    expect(statuses[10]).toBe(429)
    // Another address is not affected.
    expect((await post('/users/phone/request-otp', { phone: newPhone().e164 }, { token: u.token, ...ipHeaders(newIp()) })).status).toBe(200)
  })

  it('at most 20 wrong codes per IP per hour, across phones', async () => {
    const ip = newIp()
    const statuses: number[] = []
    for (let round = 0; round < 5; round++) {
      const u = await createUser()
      const { e164 } = newPhone()
      await post('/users/phone/request-otp', { phone: e164 }, { token: u.token, ...ipHeaders(newIp()) })
      const code = codeIn(sms.to(e164)[0].text)
      const wrong = code === '000000' ? '111111' : '000000'
      for (let i = 0; i < 5; i++) statuses.push((await post('/users/phone/verify', { phone: e164, otp: i === 4 && round === 4 ? code : wrong }, { token: u.token, ...ipHeaders(ip) })).status)
    }
    // 20 wrong codes counted (4 codes × 5); the 21st request from that IP is refused even with the right code.
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true)
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429])
  })
})
