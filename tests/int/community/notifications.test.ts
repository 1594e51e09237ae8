import type { createLocalReq as CreateLocalReqFn, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { sendDigests as SendDigestsFn } from '../../../src/notifications/digest'
import type { notify as NotifyFn } from '../../../src/notifications/notify'
import { get, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { startAppSmtp, type TestSmtp } from '../../helpers/smtp'
import { statementsSentBy } from '../../helpers/sql'
import { createUser, type TestUser } from '../../helpers/users'

let payload: Payload
let smtp: TestSmtp
let admin: TestUser
let notify: typeof NotifyFn
let sendDigests: typeof SendDigestsFn
let createLocalReq: typeof CreateLocalReqFn

const hhmm = (d: Date) => `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
/** Quiet hours (UTC) around `now`: from one hour before to one hour after. */
const quietAround = (now: Date) => ({ quietHoursStart: hhmm(new Date(now.getTime() - 3600_000)), quietHoursEnd: hhmm(new Date(now.getTime() + 3600_000)), timezone: 'UTC' })

async function tell(user: number, n: number, type = 'listing_update') {
  const req = await createLocalReq({}, payload)
  return notify(req as never, { user, type: type as never, title: { en: `Title ${n}`, ar: `عنوان ${n}` }, message: { en: `Message ${n}` }, actionUrl: `/x/${n}` })
}
const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email))

beforeAll(async () => {
  smtp = await startAppSmtp()
  payload = await testPayload()
  ;({ notify } = await import('../../../src/notifications/notify'))
  ;({ sendDigests } = await import('../../../src/notifications/digest'))
  ;({ createLocalReq } = await import('payload'))
  admin = await createUser({ roles: ['admin'] })
})
afterAll(async () => {
  await smtp?.close()
})

describe('notify()', () => {
  it('instant users get one email per notification, in their language, with the record localized', async () => {
    const u = await createUser({ data: { preferredLanguage: 'ar' } })
    const res = await tell(u.id, 1)
    const mail = await smtp.waitFor((m) => m.to.includes(u.email))
    expect(mail.raw).toContain('Subject: =?UTF-8?') // Arabic subject, encoded
    const en = (await payload.findByID({ collection: 'notifications', id: res!.id!, locale: 'en', overrideAccess: true })) as any
    const ar = (await payload.findByID({ collection: 'notifications', id: res!.id!, locale: 'ar', overrideAccess: true })) as any
    expect(en.title).toBe('Title 1')
    expect(ar.title).toBe('عنوان 1')
    expect(ar.message).toBe('Message 1') // falls back to en
    expect(en.emailStatus).toBe('sent')
  })

  it('writes the record in one statement, read back as Payload writes it (both locales, defaults, data)', async () => {
    const u = await createUser({ data: { notificationPreferences: { email: false } } })
    const req = await createLocalReq({}, payload)
    const input = {
      user: u.id,
      type: 'order_status' as const,
      title: { en: 'T en', ar: 'T ar' },
      message: { en: 'M en', ar: 'M ar' },
      data: { order: 7, nested: { a: [1, 2] } },
      actionUrl: '/orders/7',
    }
    const statements = await statementsSentBy(() => notify(req as never, input))
    expect(statements.filter((st) => /insert into "?notifications/.test(st))).toHaveLength(1)
    const [mine] = (await payload.find({ collection: 'notifications', where: { user: { equals: u.id } }, locale: 'all', overrideAccess: true })).docs
    // The same record through Payload's create (the way notify() wrote it before).
    const viaPayload = await payload.create({
      collection: 'notifications',
      overrideAccess: true,
      locale: 'en',
      data: { user: u.id, type: 'order_status', title: 'T en', message: 'M en', data: input.data, actionUrl: '/orders/7', urgent: false, read: false, emailStatus: 'none' },
    })
    await payload.update({ collection: 'notifications', id: viaPayload.id, locale: 'ar', overrideAccess: true, data: { title: 'T ar', message: 'M ar' } })
    const theirs = await payload.findByID({ collection: 'notifications', id: viaPayload.id, locale: 'all', overrideAccess: true })
    const comparable = ({ id: _id, createdAt, updatedAt, ...rest }: Record<string, unknown>) => ({ ...rest, stamped: typeof createdAt === 'string' && createdAt === updatedAt })
    expect(comparable(mine as never)).toEqual({ ...comparable(theirs as never), stamped: true })
    expect(Math.abs(Date.parse(String(mine.createdAt)) - Date.now())).toBeLessThan(60_000)
  })

  it('muted types and email off send nothing but keep the in-app record', async () => {
    const u = await createUser({ data: { notificationPreferences: { mutedTypes: ['listing_update'] } } })
    await tell(u.id, 1)
    const v = await createUser({ data: { notificationPreferences: { email: false } } })
    await tell(v.id, 1)
    expect(mailsTo(u.email)).toHaveLength(0)
    expect(mailsTo(v.email)).toHaveLength(0)
    expect((await payload.count({ collection: 'notifications', where: { user: { in: [u.id, v.id] } }, overrideAccess: true })).totalDocs).toBe(2)
  })
})

describe('digest job', () => {
  it('sends ONE email listing N notifications to a daily-digest user, then nothing until the next day', async () => {
    const u = await createUser({ data: { notificationPreferences: { frequency: 'daily', timezone: 'UTC' } } })
    for (let i = 1; i <= 4; i++) await tell(u.id, i)
    expect(mailsTo(u.email)).toHaveLength(0)
    await payload.jobs.queue({ task: 'community-notification-digest', input: {} } as never)
    await payload.jobs.run()
    const mail = await smtp.waitFor((m) => m.to.includes(u.email))
    expect(mailsTo(u.email)).toHaveLength(1)
    expect(mail.subject).toContain('4 notifications')
    for (let i = 1; i <= 4; i++) expect(mail.raw).toContain(`Title ${i}`)
    const queued = await payload.count({ collection: 'notifications', where: { user: { equals: u.id }, emailStatus: { equals: 'queued' } }, overrideAccess: true })
    expect(queued.totalDocs).toBe(0)
    // a new notification the same day waits for tomorrow's digest
    await tell(u.id, 5)
    const now = new Date()
    expect((await sendDigests(payload, new Date(now.getTime() + 3600_000))).emails).toBe(0)
    expect(mailsTo(u.email)).toHaveLength(1)
    const next = await sendDigests(payload, new Date(now.getTime() + 25 * 3600_000))
    expect(next.emails).toBeGreaterThanOrEqual(1)
    const second = await smtp.waitFor((m) => m.to.includes(u.email) && m.raw.includes('Title 5'))
    expect(second.subject).toContain('1 notification')
    expect(mailsTo(u.email)).toHaveLength(2)
  })

  it('sends nothing during quiet hours, then one digest when they are over', async () => {
    const now = new Date()
    const u = await createUser({ data: { notificationPreferences: { frequency: 'instant', ...quietAround(now) } } })
    await tell(u.id, 1)
    await tell(u.id, 2)
    expect(mailsTo(u.email)).toHaveLength(0)
    expect((await sendDigests(payload, now)).emails).toBe(0)
    expect(mailsTo(u.email)).toHaveLength(0)
    const later = new Date(now.getTime() + 2 * 3600_000)
    expect((await sendDigests(payload, later)).notifications).toBeGreaterThanOrEqual(2)
    const mail = await smtp.waitFor((m) => m.to.includes(u.email))
    expect(mail.raw).toContain('Title 1')
    expect(mail.raw).toContain('Title 2')
    expect(mailsTo(u.email)).toHaveLength(1)
  })
})

describe('notification endpoints', () => {
  it('unread count, mark one read (own only), mark all read', async () => {
    const u = await createUser({ data: { notificationPreferences: { email: false } } })
    const other = await createUser()
    const ids = []
    for (let i = 1; i <= 3; i++) ids.push((await tell(u.id, i))!.id)
    expect((await get('/notifications/unread-count', { token: u.token })).body).toEqual({ unread: 3 })
    expect((await get('/notifications/unread-count')).status).toBe(401)
    expect((await post(`/notifications/${ids[0]}/read`, {}, { token: other.token })).status).toBe(404)
    const one = await post(`/notifications/${ids[0]}/read`, {}, { token: u.token })
    expect(one.body).toMatchObject({ read: true, unread: 2 })
    const all = await post('/notifications/read-all', {}, { token: u.token })
    expect(all.body).toEqual({ marked: 2, unread: 0 })
    expect((await get('/notifications', { token: other.token })).body.docs.map((d: any) => d.id)).not.toContain(ids[1])
    expect((await get('/notifications?locale=ar', { token: u.token })).body.docs[0].title).toMatch(/^عنوان/)
  })

  it('admins broadcast to all users or to one role; others may not', async () => {
    const tech = await createUser({ roles: ['technician'], data: { notificationPreferences: { email: false } } })
    const buyer = await createUser({ data: { notificationPreferences: { email: false } } })
    expect((await post('/notifications/broadcast', { type: 'promotion', title: 'x', message: 'y' }, { token: buyer.token })).status).toBe(403)
    const bad = await post('/notifications/broadcast', { type: 'new_message', title: {}, message: 'y' }, { token: admin.token })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('title.en')
    const users = (await payload.count({ collection: 'users', overrideAccess: true })).totalDocs
    const all = await post('/notifications/broadcast', { type: 'system_announcement', title: { en: 'Maintenance', ar: 'صيانة' }, message: { en: 'Tonight 2am' } }, { token: admin.token })
    expect(all.status).toBe(201)
    expect(all.body.recipients).toBe(users)
    const techs = await post('/notifications/broadcast', { type: 'promotion', role: 'technician', title: 'Tools sale', message: '20% off' }, { token: admin.token })
    expect(techs.body.recipients).toBe((await payload.count({ collection: 'users', where: { roles: { contains: 'technician' } }, overrideAccess: true })).totalDocs)
    const mine = (await get('/notifications?sort=-createdAt', { token: tech.token })).body.docs
    expect(mine.map((n: any) => n.title)).toEqual(expect.arrayContaining(['Maintenance', 'Tools sale']))
    const buyerDocs = (await get('/notifications', { token: buyer.token })).body.docs
    expect(buyerDocs.map((n: any) => n.title)).toEqual(['Maintenance'])
    expect((await get('/notifications?locale=ar', { token: buyer.token })).body.docs[0].title).toBe('صيانة')
  })
})
