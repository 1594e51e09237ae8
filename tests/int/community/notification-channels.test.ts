/**
 * SMS and Web Push (issue 21): a notification reaches the loopback SMS gateway and the loopback push service
 * (which decrypts the payload) in the recipient's language; a subscription the push service calls expired (410) is
 * pruned; each delivery is recorded per channel and a failed one is retried with backoff by the job; per-type
 * mutes per channel hold; editors' templates replace the texts.
 */
import { createLocalReq, type Payload } from 'payload'
import webpush from 'web-push'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { retryDueDeliveries } from '../../../src/notifications/deliveries'
import { notify, type NotifyInput } from '../../../src/notifications/notify'
import { api, get, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { statementsSentBy } from '../../helpers/sql'
import { type LoopbackPushService, type PushDevice, startPushService } from '../../helpers/push-service'
import { type SmsStandin, startSmsStandin } from '../../helpers/sms-standin'
import { createUser, type TestUser } from '../../helpers/users'

let payload: Payload
let sms: SmsStandin
let push: LoopbackPushService
let seq = 0
const newPhone = () => `+2010${String(10_000_000 + ((process.pid * 7919 + ++seq) % 89_999_999)).slice(-8)}`

/** Waits for `check` to hold (polling), failing after the deadline with the last value. */
async function until<T>(what: string, fn: () => Promise<T> | T, check: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms
  let last: T = await fn()
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, 50))
    last = await fn()
  }
  return last
}

async function recipient(opts: { lang?: 'en' | 'ar'; prefs?: Record<string, unknown> } = {}) {
  const phone = newPhone()
  const u = await createUser({ data: { preferredLanguage: opts.lang ?? 'en', notificationPreferences: { sms: true, push: true, ...opts.prefs } } })
  // A verified phone (the OTP flow is tested in tests/int/identity/phone-otp.test.ts).
  await payload.update({ collection: 'users', id: u.id, overrideAccess: true, context: { phoneVerification: true }, data: { phone, phoneVerified: true } })
  return { ...u, phone }
}

async function subscribe(u: TestUser, device: PushDevice) {
  const res = await post('/push-subscriptions/register', { ...device.subscription, device: `browser ${device.id}` }, { token: u.token })
  expect(res.status).toBe(200)
  return res.body.id as number
}

const tell = async (user: number, input: Partial<NotifyInput> = {}) =>
  notify(await createLocalReq({}, payload), {
    user,
    type: 'booking_status',
    title: { en: 'Booking approved', ar: 'تمت الموافقة على الحجز' },
    message: { en: 'Your booking BK-1 was approved.', ar: 'تمت الموافقة على حجزك BK-1.' },
    actionUrl: '/bookings/1',
    ...input,
  })

const deliveries = async (user: number) =>
  (await payload.find({ collection: 'notification-deliveries', where: { user: { equals: user } }, sort: 'id', overrideAccess: true, depth: 0, limit: 100 })).docs

beforeAll(async () => {
  sms = await startSmsStandin()
  push = await startPushService()
  const keys = webpush.generateVAPIDKeys()
  Object.assign(process.env, {
    SMS_PROVIDER: 'http',
    SMS_GATEWAY_URL: sms.url,
    VAPID_PUBLIC_KEY: keys.publicKey,
    VAPID_PRIVATE_KEY: keys.privateKey,
    VAPID_SUBJECT: 'mailto:ops@autohub.example',
    WEB_PUSH_CA_FILE: push.caFile,
  })
  payload = await testPayload()
})
afterAll(async () => {
  await sms.close()
  await push.close()
})

describe('SMS and push delivery', () => {
  it('delivers to the SMS gateway and to every push device in Arabic, prunes an expired subscription, records each delivery', async () => {
    const u = await recipient({ lang: 'ar' })
    const [live, stale] = [push.device(), push.device()]
    await subscribe(u, live)
    const staleId = await subscribe(u, stale)
    stale.status = 410
    const vapid = await get('/push-subscriptions/vapid-public-key')
    expect(vapid.body).toEqual({ enabled: true, vapidPublicKey: process.env.VAPID_PUBLIC_KEY })

    const n = await tell(u.id)
    expect(n).not.toBeNull()
    const [text] = await until(
      'the SMS',
      () => sms.to(u.phone),
      (m) => m.length === 1,
    )
    expect(text.text).toBe('تمت الموافقة على الحجز: تمت الموافقة على حجزك BK-1.')
    await until(
      'the push',
      () => live.received,
      (r) => r.length === 1,
    )
    expect(live.received[0].payload).toEqual({ title: 'تمت الموافقة على الحجز', body: 'تمت الموافقة على حجزك BK-1.', url: '/bookings/1', type: 'booking_status', notificationId: n!.id })
    expect(live.received[0].authorization).toMatch(/^vapid t=.+, k=/)
    expect(stale.received).toHaveLength(0)

    const rows = await deliveries(u.id)
    expect(rows.map((r) => [r.channel, r.status, r.attempts, r.locale])).toEqual([
      ['sms', 'sent', 1, 'ar'],
      ['push', 'sent', 1, 'ar'],
      ['push', 'gone', 1, 'ar'],
    ])
    expect(rows[2].lastStatus).toBe(410)
    expect(rows.every((r) => r.notification === n!.id)).toBe(true)
    // The expired subscription is gone; the live one stays.
    const subs = await payload.find({ collection: 'push-subscriptions', where: { user: { equals: u.id } }, overrideAccess: true })
    expect(subs.docs.map((s) => s.id)).not.toContain(staleId)
    expect(subs.totalDocs).toBe(1)
    // A second notification goes to the live device only.
    await tell(u.id, { title: { en: 'Technician on the way', ar: 'الفني في الطريق' }, message: { en: 'ETA 20 min', ar: 'الوصول خلال 20 دقيقة' } })
    await until(
      'the second push',
      () => live.received,
      (r) => r.length === 2,
    )
    expect(live.received[1].payload.title).toBe('الفني في الطريق')
  })

  it('English recipients get English; a user without a verified phone gets no SMS', async () => {
    const u = await recipient({ lang: 'en' })
    const device = push.device()
    await subscribe(u, device)
    await tell(u.id)
    await until(
      'the push',
      () => device.received,
      (r) => r.length === 1,
    )
    expect(device.received[0].payload.title).toBe('Booking approved')
    expect(
      (
        await until(
          'the SMS',
          () => sms.to(u.phone),
          (m) => m.length === 1,
        )
      )[0].text,
    ).toBe('Booking approved: Your booking BK-1 was approved.')

    const unverified = await createUser({ data: { phone: newPhone(), notificationPreferences: { sms: true } } })
    await tell(unverified.id)
    expect((await deliveries(unverified.id)).filter((d) => d.channel === 'sms')).toHaveLength(0)
  })

  it('a failed SMS is recorded and retried with backoff by the job', async () => {
    const u = await recipient()
    sms.failNext(503)
    await tell(u.id)
    const [row] = await until(
      'the failed attempt',
      () => deliveries(u.id),
      (r) => r.length === 1 && r[0].attempts === 1,
    )
    expect(row).toMatchObject({ channel: 'sms', status: 'pending', lastStatus: 503 })
    const next = new Date(row.nextAttemptAt!).getTime()
    expect(next - new Date(row.updatedAt).getTime()).toBeGreaterThan(25_000)
    // Not due yet: the job leaves it.
    expect((await retryDueDeliveries(payload, new Date())).sent).toBe(0)
    expect(sms.to(u.phone)).toHaveLength(0)
    // Due: sent once.
    const result = await retryDueDeliveries(payload, new Date(next + 1000))
    expect(result.sent).toBeGreaterThanOrEqual(1)
    const [after] = await deliveries(u.id)
    expect(after).toMatchObject({ status: 'sent', attempts: 2 })
    expect(sms.to(u.phone)).toHaveLength(1)
    // Nothing left to retry for it.
    await retryDueDeliveries(payload, new Date(next + 10 * 60_000))
    expect(sms.to(u.phone)).toHaveLength(1)
  })

  it('per-type, per-channel mutes: muted SMS, muted push, muted in-app', async () => {
    const u = await recipient({ prefs: { mutedSms: ['booking_status'], mutedPush: ['booking_status'], mutedInApp: ['booking_status'] } })
    const device = push.device()
    await subscribe(u, device)
    expect(await tell(u.id)).toBeNull()
    expect(await deliveries(u.id)).toHaveLength(0)
    expect((await payload.count({ collection: 'notifications', where: { user: { equals: u.id } }, overrideAccess: true })).totalDocs).toBe(0)
    // Another type still goes everywhere (emergency is an SMS type).
    await tell(u.id, { type: 'emergency' })
    await until(
      'the emergency SMS',
      () => sms.to(u.phone),
      (m) => m.length === 1,
    )
    await until(
      'the emergency push',
      () => device.received,
      (r) => r.length === 1,
    )
    expect((await payload.count({ collection: 'notifications', where: { user: { equals: u.id } }, overrideAccess: true })).totalDocs).toBe(1)
  })

  it('switching push off or SMS off stops that channel', async () => {
    const u = await recipient({ prefs: { sms: false, push: false } })
    await subscribe(u, push.device())
    await tell(u.id)
    expect(await deliveries(u.id)).toHaveLength(0)
  })

  it("editors' templates replace the texts, per language, with the event's data", async () => {
    const editor = await createUser({ roles: ['editor'] })
    const created = await post(
      '/notification-templates?locale=en',
      { type: 'order_status', title: 'Order {{orderNumber}} shipped', body: 'Your order {{orderNumber}} is on its way.', active: true },
      { token: editor.token },
    )
    expect(created.status).toBe(201)
    const ar = await api('PATCH', `/notification-templates/${created.body.doc.id}?locale=ar`, {
      token: editor.token,
      body: { title: 'تم شحن الطلب {{orderNumber}}', body: 'طلبك {{orderNumber}} في الطريق.' },
    })
    expect(ar.status).toBe(200)
    const buyer = await createUser()
    expect((await post('/notification-templates', { type: 'payment', title: 'x', body: 'y' }, { token: buyer.token })).status).toBe(403)

    const u = await recipient({ lang: 'ar' })
    const device = push.device()
    await subscribe(u, device)
    await tell(u.id, { type: 'order_status', data: { orderNumber: 'ORD-77' } })
    await until(
      'the templated push',
      () => device.received,
      (r) => r.length === 1,
    )
    expect(device.received[0].payload).toMatchObject({ title: 'تم شحن الطلب ORD-77', body: 'طلبك ORD-77 في الطريق.' })
    const inApp = await payload.find({ collection: 'notifications', where: { user: { equals: u.id } }, locale: 'en', overrideAccess: true })
    expect(inApp.docs[0]).toMatchObject({ title: 'Order ORD-77 shipped', message: 'Your order ORD-77 is on its way.' })
  })

  it("a type's template is read once, not per notification; saving or deleting a template is seen by the next one", async () => {
    const editor = await createUser({ roles: ['editor'] })
    const u = await createUser()
    const inApp = async () => (await payload.find({ collection: 'notifications', where: { user: { equals: u.id } }, sort: '-id', limit: 1, locale: 'en', overrideAccess: true })).docs[0]
    const templateReads = (statements: string[]) => statements.filter((s) => s.includes('notification_templates')).length

    const created = await post(
      '/notification-templates?locale=en',
      { type: 'review_received', title: 'New review ({{stars}})', body: 'Someone rated you {{stars}}.', active: true },
      { token: editor.token },
    )
    expect(created.status).toBe(201)
    expect(templateReads(await statementsSentBy(() => tell(u.id, { type: 'review_received', data: { stars: 5 } })))).toBeGreaterThan(0)
    expect(await inApp()).toMatchObject({ title: 'New review (5)', message: 'Someone rated you 5.' })
    // the next notifications of the type use the template without reading it again
    expect(templateReads(await statementsSentBy(() => tell(u.id, { type: 'review_received', data: { stars: 4 } })))).toBe(0)
    expect(await inApp()).toMatchObject({ title: 'New review (4)' })

    // an edit is seen at once, read once by the notifications a request issues together (they share its transaction)
    expect((await api('PATCH', `/notification-templates/${created.body.doc.id}?locale=en`, { token: editor.token, body: { title: 'Rated {{stars}}' } })).status).toBe(200)
    const req = await createLocalReq({}, payload)
    const together = await statementsSentBy(() =>
      Promise.all([3, 3].map((stars) => notify(req, { user: u.id, type: 'review_received', title: { en: 'Own' }, message: { en: 'Own' }, data: { stars } }))),
    )
    expect(templateReads(together)).toBe(1)
    expect(await inApp()).toMatchObject({ title: 'Rated 3' })
    // so is switching it off, and deleting it
    expect((await api('PATCH', `/notification-templates/${created.body.doc.id}`, { token: editor.token, body: { active: false } })).status).toBe(200)
    await tell(u.id, { type: 'review_received', title: { en: 'Own title' } })
    expect(await inApp()).toMatchObject({ title: 'Own title' })
    expect((await api('PATCH', `/notification-templates/${created.body.doc.id}`, { token: editor.token, body: { active: true } })).status).toBe(200)
    await tell(u.id, { type: 'review_received', data: { stars: 2 } })
    expect(await inApp()).toMatchObject({ title: 'Rated 2' })
    expect((await api('DELETE', `/notification-templates/${created.body.doc.id}`, { token: editor.token })).status).toBe(200)
    await tell(u.id, { type: 'review_received', title: { en: 'Own again' } })
    expect(await inApp()).toMatchObject({ title: 'Own again' })
  })

  it('registration: https endpoints only, an upsert per device, removable by its owner only', async () => {
    const u = await createUser()
    const other = await createUser()
    const d = push.device()
    const bad = await post('/push-subscriptions/register', { endpoint: 'http://evil.example/x', keys: d.subscription.keys }, { token: u.token })
    expect(bad.status).toBe(400)
    expect((await post('/push-subscriptions/register', d.subscription)).status).toBe(401)
    const first = await subscribe(u, d)
    expect(await subscribe(u, d)).toBe(first)
    expect((await post('/push-subscriptions/unregister', { endpoint: d.subscription.endpoint }, { token: other.token })).status).toBe(404)
    expect((await post('/push-subscriptions/unregister', { endpoint: d.subscription.endpoint }, { token: u.token })).status).toBe(200)
    expect((await payload.count({ collection: 'push-subscriptions', where: { user: { equals: u.id } }, overrideAccess: true })).totalDocs).toBe(0)
  })
})
