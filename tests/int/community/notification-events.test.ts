/**
 * Notification types raised by their events (issue 21): `account_alert` on a password change, an API key enabled
 * and a sign-in from a new device; `part_available` when a watched part is restocked; `expert_response` when a
 * verified expert answers a thread. Each is suppressed by the recipient's per-type preference. And every declared
 * type is raised somewhere in the code (types nobody raises fail the last test).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { NOTIFICATION_TYPES } from '../../../src/domain/notification-types'
import { api, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, login, type TestUser } from '../../helpers/users'
import { createPart } from '../commerce/fixtures'

let payload: Payload
let admin: TestUser

const ofType = async (user: number, type: string) =>
  (await payload.find({ collection: 'notifications', where: { user: { equals: user }, type: { equals: type } }, overrideAccess: true, depth: 0, sort: 'id' })).docs

const muting = (type: string) => ({ data: { notificationPreferences: { mutedInApp: [type] } } })

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser({ roles: ['admin'] })
})

describe('account_alert', () => {
  it('a password change raises one; the new password works', async () => {
    const u = await createUser()
    const res = await api('PATCH', `/users/${u.id}`, { token: u.token, body: { password: 'new-password-456' } })
    expect(res.status).toBe(200)
    const alerts = await ofType(u.id, 'account_alert')
    expect(alerts.map((a) => [a.title, a.urgent, (a.data as { event: string }).event])).toEqual([['Your password was changed', true, 'password_changed']])
    expect(await login(u.email, 'new-password-456')).toBeTruthy()
    // An edit without a password change raises nothing.
    await api('PATCH', `/users/${u.id}`, { token: u.token, body: { bio: 'Hello' } })
    expect(await ofType(u.id, 'account_alert')).toHaveLength(1)
  })

  it('a password reset raises one', async () => {
    const u = await createUser()
    const token = await payload.forgotPassword({ collection: 'users', data: { email: u.email }, disableEmail: true })
    const res = await post('/users/reset-password', { token, password: 'reset-password-789' })
    expect(res.status).toBe(200)
    expect((await ofType(u.id, 'account_alert')).map((a) => (a.data as { event: string }).event)).toEqual(['password_changed'])
  })

  it('enabling an API key raises one (once)', async () => {
    const u = await createUser({ roles: ['seller'] })
    expect((await api('PATCH', `/users/${u.id}`, { token: u.token, body: { enableAPIKey: true, apiKey: `k-${Date.now()}-abcdefghijklmnop` } })).status).toBe(200)
    await api('PATCH', `/users/${u.id}`, { token: u.token, body: { bio: 'still enabled' } })
    expect((await ofType(u.id, 'account_alert')).map((a) => (a.data as { event: string }).event)).toEqual(['api_key_enabled'])
  })

  it('a sign-in from a new device raises one; the first sign-in and a known device do not', async () => {
    const u = await createUser({ login: false })
    const signIn = (ua: string) => post('/users/login', { email: u.email, password: u.password }, { headers: { 'user-agent': ua, 'x-real-ip': '10.9.8.7' } })
    expect((await signIn('Firefox on Linux')).status).toBe(200)
    expect((await signIn('Firefox on Linux')).status).toBe(200)
    expect(await ofType(u.id, 'account_alert')).toHaveLength(0)
    expect((await signIn('Safari on iPhone')).status).toBe(200)
    const alerts = await ofType(u.id, 'account_alert')
    expect(alerts).toHaveLength(1)
    expect(alerts[0].message).toContain('Safari on iPhone')
    expect(alerts[0].message).toContain('10.9.8.7')
  })

  it('is suppressed in the app by mutedInApp', async () => {
    const u = await createUser(muting('account_alert'))
    expect((await api('PATCH', `/users/${u.id}`, { token: u.token, body: { password: 'new-password-456' } })).status).toBe(200)
    expect(await ofType(u.id, 'account_alert')).toHaveLength(0)
  })
})

describe('part_available', () => {
  it('a restock notifies the watchers (not the seller, not a muted watcher); other edits do not', async () => {
    const seller = await createUser({ roles: ['seller'] })
    const [fan, muted, bystander] = await Promise.all([createUser(), createUser(muting('part_available')), createUser()])
    const part = await createPart(seller.id, { price: 40, stockQuantity: 0, title: `Brake pads ${Date.now()}` })
    for (const u of [fan, muted, seller]) expect((await post('/favorites', { item: { relationTo: 'parts', value: part.id } }, { token: u.token })).status).toBe(201)
    // A price edit while out of stock: nothing.
    expect((await api('PATCH', `/parts/${part.id}`, { token: seller.token, body: { price: 38 } })).status).toBe(200)
    expect(await ofType(fan.id, 'part_available')).toHaveLength(0)
    // Back in stock.
    expect((await api('PATCH', `/parts/${part.id}`, { token: seller.token, body: { stockQuantity: 6 } })).status).toBe(200)
    const got = await ofType(fan.id, 'part_available')
    expect(got.map((n) => n.title)).toEqual([`Back in stock: ${part.title}`])
    expect(got[0].data).toMatchObject({ part: part.id, stock: 6 })
    expect(await ofType(muted.id, 'part_available')).toHaveLength(0)
    expect(await ofType(seller.id, 'part_available')).toHaveLength(0)
    expect(await ofType(bystander.id, 'part_available')).toHaveLength(0)
    // More stock on top of stock: no second alert.
    await api('PATCH', `/parts/${part.id}`, { token: seller.token, body: { stockQuantity: 9 } })
    expect(await ofType(fan.id, 'part_available')).toHaveLength(1)
  })
})

describe('expert_response', () => {
  async function verifiedExpert() {
    const expert = await createUser({ roles: ['technician'] })
    const req = await post('/expert-verifications', { expertiseAreas: ['engine'], yearsOfExperience: 9, credentials: 'ASE' }, { token: expert.token })
    expect(req.status).toBe(201)
    expect((await post(`/expert-verifications/${req.body.doc.id}/approve`, {}, { token: admin.token })).status).toBe(200)
    return expert
  }

  it("a verified expert's answer raises expert_response (an ordinary answer forum_reply); muted: none", async () => {
    const editor = await createUser({ roles: ['editor'] })
    const cat = await post('/forum-categories', { name: `Engines ${Date.now()}`, slug: `engines-${Date.now()}`, order: 1 }, { token: editor.token })
    const [asker, mutedAsker, layman] = await Promise.all([createUser(), createUser(muting('expert_response')), createUser()])
    const expert = await verifiedExpert()
    for (const a of [asker, mutedAsker]) {
      const t = await post('/forum-threads', { title: 'Engine knocks', body: 'Why?', category: cat.body.doc.id }, { token: a.token })
      expect(t.status).toBe(201)
      expect((await post('/forum-responses', { thread: t.body.doc.id, body: 'Timing chain.' }, { token: expert.token })).status).toBe(201)
      expect((await post('/forum-responses', { thread: t.body.doc.id, body: 'No idea.' }, { token: layman.token })).status).toBe(201)
    }
    const expertAnswers = await ofType(asker.id, 'expert_response')
    expect(expertAnswers).toHaveLength(1)
    expect(expertAnswers[0].title).toBe('An expert answered “Engine knocks”')
    expect(await ofType(asker.id, 'forum_reply')).toHaveLength(1)
    expect(await ofType(mutedAsker.id, 'expert_response')).toHaveLength(0)
    expect(await ofType(mutedAsker.id, 'forum_reply')).toHaveLength(1)
  })
})

describe('every declared type', () => {
  it('is raised by some event in the code (a notify() call, a helper given the type, or the broadcast)', () => {
    const root = path.resolve(__dirname, '../../..')
    const files: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name)
        if (statSync(p).isDirectory()) walk(p)
        else if (p.endsWith('.ts')) files.push(p)
      }
    }
    for (const d of ['collections', 'endpoints', 'hooks', 'src/notifications', 'src/jobs']) walk(path.join(root, d))
    const code = files.map((f) => readFileSync(f, 'utf8')).join('\n')
    // `type: … 't'` in a notify() call, a helper called with the type (`tell(req, who, 't', …)`), or the broadcast's types.
    const raised = (t: string) => new RegExp(`type: [^\\n]*'${t}'`).test(code) || new RegExp(`\\(req, [^)\\n]*'${t}'`).test(code) || new RegExp(`oneOf\\('type', \\[[^\\]]*'${t}'`).test(code)
    expect(NOTIFICATION_TYPES.filter((t) => !raised(t))).toEqual([])
  })
})
