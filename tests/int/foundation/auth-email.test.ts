/**
 * Identity over real email: registration → verification email received over SMTP (loopback smtp-server) →
 * login → /users/me; password reset by email; lockout after repeated failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { get, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { decodeQP, startAppSmtp, type TestSmtp } from '../../helpers/smtp'
import { createUser } from '../../helpers/users'

let smtp: TestSmtp

beforeAll(async () => {
  smtp = await startAppSmtp()
  await testPayload()
  await createUser({ roles: ['admin'], login: false }) // so sign-ups below are not the first account
})

afterAll(async () => {
  await smtp.close()
})

const linkToken = (raw: string, route: string) => {
  const m = new RegExp(`${route}/([A-Za-z0-9]+)`).exec(decodeQP(raw))
  if (!m) throw new Error(`no ${route} link in mail`)
  return m[1]
}

describe('registration and verification', () => {
  it('sends a verification email; login works only after verifying', async () => {
    const email = `new-${Date.now()}@test.local`
    const reg = await post('/users', { email, password: 'secret-pass-1', firstName: 'New', roles: ['seller', 'admin'] })
    expect(reg.status).toBe(201)
    expect(reg.body.doc.roles).toEqual(['seller'])

    const mail = await smtp.waitFor((m) => m.to.includes(email))
    expect(mail.subject).toContain('Verify your AutoHub account')
    const token = linkToken(mail.raw, '/admin/users/verify')

    const early = await post('/users/login', { email, password: 'secret-pass-1' })
    expect(early.status).toBe(403)
    expect(early.body.token).toBeUndefined()

    const verify = await post(`/users/verify/${token}`, {})
    expect(verify.status).toBe(200)

    const login = await post('/users/login', { email, password: 'secret-pass-1' })
    expect(login.status).toBe(200)
    const me = await get('/users/me', { token: login.body.token })
    expect(me.status).toBe(200)
    expect(me.body.user.email).toBe(email)
    expect(me.body.user.roles).toEqual(['seller'])
  })

  it('public sign-up cannot take privileged roles and defaults to buyer', async () => {
    const a = await post('/users', { email: `a-${Date.now()}@test.local`, password: 'secret-pass-1', roles: ['technician', 'editor'] })
    expect(a.status).toBe(201)
    expect(a.body.doc.roles).toEqual(['buyer'])
    const b = await post('/users', { email: `b-${Date.now()}@test.local`, password: 'secret-pass-1', roles: ['parking_owner'] })
    expect(b.body.doc.roles).toEqual(['parking_owner'])
  })
})

describe('password reset', () => {
  it('emails a reset link whose token sets a new password', async () => {
    const user = await createUser({ roles: ['buyer'], password: 'old-password-1' })
    const forgot = await post('/users/forgot-password', { email: user.email })
    expect(forgot.status).toBe(200)
    const mail = await smtp.waitFor((m) => m.to.includes(user.email) && /reset/i.test(m.subject))
    const token = linkToken(mail.raw, '/admin/reset')

    const reset = await post('/users/reset-password', { token, password: 'new-password-2' })
    expect(reset.status).toBe(200)
    expect((await post('/users/login', { email: user.email, password: 'old-password-1' })).status).toBe(401)
    expect((await post('/users/login', { email: user.email, password: 'new-password-2' })).status).toBe(200)
  })
})

describe('lockout', () => {
  it('locks the account after 5 failed attempts: even the right password is refused', async () => {
    const user = await createUser({ roles: ['buyer'], password: 'right-password-1', login: false })
    for (let i = 0; i < 5; i++) {
      const res = await post('/users/login', { email: user.email, password: 'wrong-password' })
      expect(res.status).toBe(401)
    }
    const locked = await post('/users/login', { email: user.email, password: 'right-password-1' })
    expect(locked.status).not.toBe(200)
    expect(locked.body.token).toBeUndefined()
    const payload = await testPayload()
    const doc = (await payload.findByID({ collection: 'users', id: user.id, overrideAccess: true, showHiddenFields: true })) as { lockUntil?: string }
    expect(new Date(doc.lockUntil ?? 0).getTime()).toBeGreaterThan(Date.now())
  })
})
