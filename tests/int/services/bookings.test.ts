import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { api, get, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { createUser, type TestUser } from '../../helpers/users'
import { bookingBody, cairoTime, makeService, makeTechnician, nextCairoWeekday } from './fixtures'

let payload: Payload
let admin: TestUser
let customer: TestUser
let stranger: TestUser
let service: { id: number; basePrice: number }

const count = async () => (await payload.count({ collection: 'service-bookings', overrideAccess: true })).totalDocs

beforeAll(async () => {
  payload = await testPayload()
  ;[admin, customer, stranger] = await Promise.all([createUser({ roles: ['admin'] }), createUser({ roles: ['buyer'] }), createUser({ roles: ['buyer'] })])
  service = await makeService({ basePrice: 650.75 })
})

describe('guest emergency booking: full happy path', () => {
  it('emergency → approve → assign → on_way → in_progress → completed → feedback', async () => {
    const tech = await makeTechnician()
    const other = await makeTechnician()

    // 1. Anonymous emergency booking: 201, computed fields, guest token once.
    const created = await post('/service-bookings/emergency', {
      service: service.id,
      location: { address: 'Ring Road, exit 12', city: 'Cairo', governorate: 'cairo', latitude: 30.0444, longitude: 31.2357 },
      customerInfo: { name: 'Mona Adel', phone: '0111 234 5678', carBrand: 'Hyundai', carModel: 'Elantra', carYear: 2018 },
      problemDescription: 'Flat tyre on the ring road',
      pricing: { total: 1 },
      status: 'completed',
      technician: tech.id,
    })
    expect(created.status).toBe(201)
    const { booking, guestToken } = created.body
    expect(typeof guestToken).toBe('string')
    expect(booking.bookingNumber).toMatch(/^BK-\d{4}-\d{6}$/)
    expect(booking.status).toBe('pending_approval')
    expect(booking.isEmergency).toBe(true)
    expect(booking.urgency).toBe('emergency')
    expect(booking.customer ?? null).toBeNull()
    expect(booking.technician ?? null).toBeNull()
    expect(booking.customerInfo.phone).toBe('+201112345678')
    expect(booking.pricing).toMatchObject({ basePrice: 650.75, discount: 0, total: 650.75, currency: 'EGP' })
    expect(booking.guestTokenHash).toBeUndefined()
    const stored = await payload.findByID({ collection: 'service-bookings', id: booking.id, overrideAccess: true, depth: 0 })
    expect((stored as { guestTokenHash: string }).guestTokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect((stored as { guestTokenHash: string }).guestTokenHash).not.toBe(guestToken)
    const id = booking.id as number

    // 2. The guest token reads exactly this booking.
    const tracking = await get(`/service-bookings/${id}/tracking`, { headers: { 'X-Guest-Token': guestToken } })
    expect(tracking.status).toBe(200)
    expect(tracking.body.viewer).toBe('guest')
    expect(tracking.body.booking.bookingNumber).toBe(booking.bookingNumber)
    expect((await get(`/service-bookings/${id}/tracking`, { headers: { 'X-Guest-Token': 'wrong' } })).status).toBe(403)
    expect((await get(`/service-bookings/${id}/tracking`)).status).toBe(401)
    expect((await get(`/service-bookings/${id}/tracking`, { token: stranger.token })).status).toBe(403)
    const second = await post('/service-bookings/emergency', { service: service.id, customerInfo: { name: 'X', phone: '01512345678' } })
    expect(second.status).toBe(201)
    expect((await get(`/service-bookings/${second.body.booking.id}/tracking`, { headers: { 'X-Guest-Token': guestToken } })).status).toBe(403)

    // 3. Only an admin approves.
    expect((await post(`/service-bookings/${id}/approve`, {}, { token: customer.token })).status).toBe(403)
    const approved = await post(`/service-bookings/${id}/approve`, { notes: 'ok' }, { token: admin.token })
    expect(approved.status).toBe(200)
    expect(approved.body.booking.status).toBe('approved')
    expect((await post(`/service-bookings/${id}/approve`, {}, { token: admin.token })).status).toBe(409)

    // 4. Assign (admin only).
    expect((await post(`/service-bookings/${id}/assign`, { technician: tech.id }, { token: tech.user.token })).status).toBe(403)
    expect((await post(`/service-bookings/${id}/assign`, { technician: 999999 }, { token: admin.token })).status).toBe(400)
    const assigned = await post(`/service-bookings/${id}/assign`, { technician: tech.id }, { token: admin.token })
    expect(assigned.status).toBe(200)
    expect(assigned.body.booking.technician).toBe(tech.id)

    // 5. A technician who is not assigned: 403 on status and location.
    expect((await post(`/service-bookings/${id}/status`, { status: 'on_way' }, { token: other.user.token })).status).toBe(403)
    expect((await post(`/service-bookings/${id}/location`, { latitude: 30.05, longitude: 31.24 }, { token: other.user.token })).status).toBe(403)
    // …and the customer-less guest cannot move it either.
    expect((await post(`/service-bookings/${id}/status`, { status: 'on_way' })).status).toBe(401)

    // 6. Skipping a state: 409, nothing changes.
    const skip = await post(`/service-bookings/${id}/status`, { status: 'in_progress' }, { token: tech.user.token })
    expect(skip.status).toBe(409)
    expect((await post(`/service-bookings/${id}/status`, { status: 'completed' }, { token: tech.user.token })).status).toBe(409)
    expect((await post(`/service-bookings/${id}/status`, { status: 'teleported' }, { token: tech.user.token })).status).toBe(400)
    expect(((await payload.findByID({ collection: 'service-bookings', id, overrideAccess: true })) as { status: string }).status).toBe('approved')

    // 7. On the way, with live location and ETA.
    expect((await post(`/service-bookings/${id}/location`, { latitude: 30.1, longitude: 31.3 }, { token: tech.user.token })).status).toBe(409)
    const onWay = await post(`/service-bookings/${id}/status`, { status: 'on_way', notes: 'leaving the garage' }, { token: tech.user.token })
    expect(onWay.status).toBe(200)
    expect(onWay.body.booking.status).toBe('on_way')
    expect((await post(`/service-bookings/${id}/location`, { latitude: 95, longitude: 31.3 }, { token: tech.user.token })).status).toBe(400)
    const loc = await post(`/service-bookings/${id}/location`, { latitude: 29.9792, longitude: 31.1342 }, { token: tech.user.token })
    expect(loc.status).toBe(200)
    expect(loc.body.distanceKm).toBeGreaterThan(10)
    expect(loc.body.etaMinutes).toBe(Math.ceil((loc.body.distanceKm / 30) * 60))
    const techDoc = (await payload.findByID({ collection: 'technicians', id: tech.id, overrideAccess: true })) as Record<string, any>
    expect(techDoc.currentLocation).toMatchObject({ latitude: 29.9792, longitude: 31.1342 })
    expect(techDoc.status).toBe('busy')

    // 8. In progress, then completed (feedback refused before completion).
    expect((await post(`/service-bookings/${id}/status`, { status: 'in_progress' }, { token: tech.user.token })).status).toBe(200)
    expect((await post(`/service-bookings/${id}/feedback`, { rating: 5 }, { headers: { 'X-Guest-Token': guestToken } })).status).toBe(409)
    const progress = await post(`/service-bookings/${id}/progress`, { stage: 'Tyre replaced', status: 'completed' }, { token: tech.user.token })
    expect(progress.status).toBe(200)
    expect(progress.body.booking.progressStages[0]).toMatchObject({ stage: 'Tyre replaced', status: 'completed' })
    const done = await post(`/service-bookings/${id}/status`, { status: 'completed' }, { token: tech.user.token })
    expect(done.status).toBe(200)

    // 9. The history records every transition with its actor and time.
    const track = await get(`/service-bookings/${id}/tracking`, { token: tech.user.token })
    expect(track.status).toBe(200)
    expect(track.body.viewer).toBe('technician')
    const history = track.body.tracking.statusHistory as { status: string; actorType: string; actor: number | null; at: string; note: string | null }[]
    expect(history.map((h) => h.status)).toEqual(['pending_approval', 'approved', 'on_way', 'in_progress', 'completed'])
    expect(history.map((h) => h.actorType)).toEqual(['guest', 'admin', 'technician', 'technician', 'technician'])
    expect(history[1].actor).toBe(admin.id)
    expect(history[2]).toMatchObject({ actor: tech.user.id, note: 'leaving the garage' })
    expect(track.body.tracking.technicianLocation).toMatchObject({ lat: 29.9792, lng: 31.1342 })
    for (let i = 1; i < history.length; i++) expect(new Date(history[i].at).getTime()).toBeGreaterThanOrEqual(new Date(history[i - 1].at).getTime())

    // 10. Feedback once, by the guest token holder; the technician's performance follows.
    expect((await post(`/service-bookings/${id}/feedback`, { rating: 5 }, { token: stranger.token })).status).toBe(403)
    expect((await post(`/service-bookings/${id}/feedback`, { rating: 6 }, { headers: { 'X-Guest-Token': guestToken } })).status).toBe(400)
    const fb = await post(`/service-bookings/${id}/feedback`, { rating: 4, comment: 'ممتاز، وصل بسرعة' }, { headers: { 'X-Guest-Token': guestToken } })
    expect(fb.status).toBe(201)
    expect(fb.body.booking.feedback).toMatchObject({ rating: 4, comment: 'ممتاز، وصل بسرعة' })
    expect((await post(`/service-bookings/${id}/feedback`, { rating: 5 }, { headers: { 'X-Guest-Token': guestToken } })).status).toBe(409)
    const perf = (await payload.findByID({ collection: 'technicians', id: tech.id, overrideAccess: true })) as Record<string, any>
    expect(perf.performance).toMatchObject({ completedJobs: 1, completionRate: 100, averageRating: 4 })
    expect(perf.performance.averageResponseMinutes).toBeGreaterThanOrEqual(0)
    expect(perf.status).toBe('available')

    // 11. Analytics (admin only).
    expect((await get('/analytics/technicians', { token: customer.token })).status).toBe(403)
    const analytics = await get('/analytics/technicians', { token: admin.token })
    expect(analytics.status).toBe(200)
    expect(analytics.body.technicians.find((r: any) => r.technician.id === tech.id)).toMatchObject({ completedJobs: 1, averageRating: 4, completionRate: 100 })
    const bySvc = await get('/analytics/services', { token: admin.token })
    expect(bySvc.status).toBe(200)
    const row = bySvc.body.services.find((r: any) => r.service.id === service.id)
    expect(row).toMatchObject({ bookings: 2, revenue: 650.75, emergencies: 2 })
    expect(row.byStatus).toMatchObject({ completed: 1, pending_approval: 1 })
  })
})

describe('signed-in bookings', () => {
  it('POST /api/service-bookings → 201 with server-computed fields; client values ignored; customer notified in en+ar', async () => {
    const res = await post(
      '/service-bookings',
      {
        ...bookingBody(service.id, cairoTime(3, 11)),
        pricing: { basePrice: 1, total: 1, discount: 500 },
        status: 'completed',
        bookingNumber: 'BK-1999-000001',
        customer: stranger.id,
        isEmergency: true,
      },
      { token: customer.token },
    )
    expect(res.status).toBe(201)
    const doc = res.body.doc
    expect(doc.bookingNumber).toMatch(/^BK-\d{4}-\d{6}$/)
    expect(doc.bookingNumber).not.toBe('BK-1999-000001')
    expect(doc.status).toBe('pending_approval')
    expect(doc.isEmergency).toBe(false)
    expect(doc.customer.id ?? doc.customer).toBe(customer.id)
    expect(doc.pricing).toMatchObject({ basePrice: 650.75, discount: 0, total: 650.75 })
    expect(doc.customerInfo.phone).toBe('+201012345678')
    expect(doc.durationMinutes).toBe(60)
    expect(new Date(doc.scheduledEnd).getTime() - new Date(doc.scheduledAt).getTime()).toBe(60 * 60_000)

    const approved = await post(`/service-bookings/${doc.id}/approve`, { discount: 50.25, discountReason: 'First booking' }, { token: admin.token })
    expect(approved.status).toBe(200)
    expect(approved.body.booking.pricing).toMatchObject({ basePrice: 650.75, discount: 50.25, total: 600.5, discountReason: 'First booking' })

    const notes = await payload.find({
      collection: 'notifications',
      overrideAccess: true,
      where: { user: { equals: customer.id }, type: { equals: 'booking_status' } },
      sort: 'createdAt',
      locale: 'ar',
    })
    expect(notes.docs.length).toBeGreaterThanOrEqual(2)
    const last = notes.docs.at(-1) as Record<string, any>
    expect(last.title).toContain('تمت الموافقة')
    expect(last.title).toContain(doc.bookingNumber)
    const en = (await payload.findByID({ collection: 'notifications', id: last.id, overrideAccess: true, locale: 'en' })) as Record<string, any>
    expect(en.title).toContain('Approved')
  })

  it('bad input → 400 naming the field, nothing written', async () => {
    const before = await count()
    const badPhone = await post('/service-bookings', bookingBody(service.id, cairoTime(3, 12), { customerInfo: { name: 'A', phone: '01312345678' } }), { token: customer.token })
    expect(badPhone.status).toBe(400)
    expect(JSON.stringify(badPhone.body)).toContain('customerInfo.phone')
    const noService = await post('/service-bookings', bookingBody(999999, cairoTime(3, 12)), { token: customer.token })
    expect(noService.status).toBe(400)
    expect(JSON.stringify(noService.body)).toContain('service')
    const past = await post('/service-bookings', bookingBody(service.id, new Date(Date.now() - 3600_000)), { token: customer.token })
    expect(past.status).toBe(400)
    expect(JSON.stringify(past.body)).toContain('scheduledAt')
    const anon = await post('/service-bookings', bookingBody(service.id, cairoTime(3, 12)))
    expect(anon.status).toBe(403)
    const badEmergency = await post('/service-bookings/emergency', { service: service.id, customerInfo: { name: 'A', phone: '123' } })
    expect(badEmergency.status).toBe(400)
    expect((await post('/service-bookings/emergency', { service: service.id, location: 'nowhere', customerInfo: { name: 'A', phone: '01012345678' } })).status).toBe(400)
    expect(await count()).toBe(before)
  })

  it('scheduledAt must fall within the working days and hours (Cairo time); emergencies are exempt', async () => {
    const limited = await makeService({
      availability: { active: true, workingHours: { start: '09:00', end: '17:00' }, workingDays: ['sat', 'sun', 'mon', 'tue', 'wed', 'thu'], emergencyAvailable: true },
    })
    const before = await count()
    const friday = await post('/service-bookings', bookingBody(limited.id, nextCairoWeekday('fri', 10)), { token: customer.token })
    expect(friday.status).toBe(400)
    expect(JSON.stringify(friday.body)).toMatch(/Friday/)
    const early = await post('/service-bookings', bookingBody(limited.id, nextCairoWeekday('mon', 7)), { token: customer.token })
    expect(early.status).toBe(400)
    const late = await post('/service-bookings', bookingBody(limited.id, new Date(nextCairoWeekday('mon', 16).getTime() + 30 * 60_000)), { token: customer.token })
    expect(late.status).toBe(400) // 16:30 + 60 min runs past 17:00
    expect(await count()).toBe(before)
    const ok = await post('/service-bookings', bookingBody(limited.id, nextCairoWeekday('mon', 10)), { token: customer.token })
    expect(ok.status).toBe(201)
    const emergency = await post('/service-bookings/emergency', { service: limited.id, customerInfo: { name: 'Night driver', phone: '+201212345678' } })
    expect(emergency.status).toBe(201)
  })

  it('customers see only their bookings; technicians only assigned ones; admins all', async () => {
    const tech = await makeTechnician()
    const mine = await post('/service-bookings', bookingBody(service.id, cairoTime(5, 10)), { token: customer.token })
    const theirs = await post('/service-bookings', bookingBody(service.id, cairoTime(5, 14)), { token: stranger.token })
    expect(mine.status).toBe(201)
    expect(theirs.status).toBe(201)
    await post(`/service-bookings/${theirs.body.doc.id}/approve`, {}, { token: admin.token })
    expect((await post(`/service-bookings/${theirs.body.doc.id}/assign`, { technician: tech.id }, { token: admin.token })).status).toBe(200)

    const customerList = await get('/service-bookings?limit=100', { token: customer.token })
    expect(customerList.status).toBe(200)
    expect(customerList.body.docs.every((d: any) => (d.customer?.id ?? d.customer) === customer.id)).toBe(true)
    expect(customerList.body.docs.map((d: any) => d.id)).toContain(mine.body.doc.id)
    expect(customerList.body.docs.some((d: any) => 'adminNotes' in d || 'guestTokenHash' in d)).toBe(false)

    const techList = await get('/service-bookings?limit=100', { token: tech.user.token })
    expect(techList.body.docs.map((d: any) => d.id)).toEqual([theirs.body.doc.id])
    expect((await get(`/service-bookings/${mine.body.doc.id}`, { token: tech.user.token })).status).toBe(404)
    expect((await get(`/service-bookings/${mine.body.doc.id}`, { token: stranger.token })).status).toBe(404)
    expect((await get('/service-bookings', {})).status).toBe(403)

    const adminList = await get('/service-bookings?limit=100', { token: admin.token })
    expect(adminList.body.totalDocs).toBe(await count())
  })

  it('cancel: the owner before on_way, an admin before completed; REST PATCH obeys the table', async () => {
    const tech = await makeTechnician()
    const a = (await post('/service-bookings', bookingBody(service.id, cairoTime(6, 9)), { token: customer.token })).body.doc
    expect((await post(`/service-bookings/${a.id}/cancel`, { reason: 'x' }, { token: stranger.token })).status).toBe(403)
    const cancelled = await post(`/service-bookings/${a.id}/cancel`, { reason: 'Plans changed' }, { token: customer.token })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.booking).toMatchObject({ status: 'cancelled', cancellationReason: 'Plans changed' })

    const b = (await post('/service-bookings', bookingBody(service.id, cairoTime(6, 13)), { token: customer.token })).body.doc
    await post(`/service-bookings/${b.id}/approve`, {}, { token: admin.token })
    await post(`/service-bookings/${b.id}/assign`, { technician: tech.id }, { token: admin.token })
    expect((await post(`/service-bookings/${b.id}/status`, { status: 'on_way' }, { token: tech.user.token })).status).toBe(200)
    expect((await post(`/service-bookings/${b.id}/cancel`, {}, { token: customer.token })).status).toBe(409)
    // An admin PATCH cannot jump states either.
    const jump = await api('PATCH', `/service-bookings/${b.id}`, { token: admin.token, body: { status: 'completed' } })
    expect(jump.status).toBe(409)
    expect((await post(`/service-bookings/${b.id}/cancel`, { reason: 'Customer unreachable' }, { token: admin.token })).status).toBe(200)
    const techDoc = (await payload.findByID({ collection: 'technicians', id: tech.id, overrideAccess: true })) as Record<string, any>
    expect(techDoc.status).toBe('available')
    expect(techDoc.performance).toMatchObject({ completedJobs: 0, completionRate: 0 })

    const c = (await post('/service-bookings', bookingBody(service.id, cairoTime(6, 17)), { token: customer.token })).body.doc
    const rejected = await post(`/service-bookings/${c.id}/reject`, {}, { token: admin.token })
    expect(rejected.status).toBe(400)
    expect((await post(`/service-bookings/${c.id}/reject`, { reason: 'Area not covered' }, { token: admin.token })).body.booking.status).toBe('rejected')
  })
})

describe('services catalogue (public, bilingual)', () => {
  it('?locale=ar returns Arabic names; categories and emergency endpoints', async () => {
    const payloadSvc = await payload.create({
      collection: 'services',
      overrideAccess: true,
      locale: 'en',
      data: {
        name: 'Battery replacement',
        slug: 'battery-replacement-test',
        category: 'emergency',
        durationMinutes: 30,
        basePrice: 200,
        popular: true,
        availability: { active: true, emergencyAvailable: true },
      } as never,
    })
    await payload.update({ collection: 'services', id: payloadSvc.id, overrideAccess: true, locale: 'ar', data: { name: 'تغيير البطارية' } as never })
    await makeService({ slug: 'inactive-test', availability: { active: false } })

    const ar = await get(`/services?locale=ar&where[slug][equals]=battery-replacement-test`)
    expect(ar.status).toBe(200)
    expect(ar.body.docs[0].name).toBe('تغيير البطارية')
    const en = await get(`/services?where[slug][equals]=battery-replacement-test`)
    expect(en.body.docs[0].name).toBe('Battery replacement')
    // Public lists hide inactive services; filters by category, popular and text work.
    expect((await get('/services?where[slug][equals]=inactive-test')).body.docs).toHaveLength(0)
    const filtered = await get('/services?where[category][equals]=emergency&where[popular][equals]=true&where[name][like]=battery')
    expect(filtered.body.docs.map((d: any) => d.slug)).toEqual(['battery-replacement-test'])
    const arText = await get(`/services?locale=ar&where[name][like]=${encodeURIComponent('البطارية')}`)
    expect(arText.body.docs.map((d: any) => d.slug)).toEqual(['battery-replacement-test'])

    const cats = await get('/services/categories?locale=ar')
    expect(cats.status).toBe(200)
    const emergencyCat = cats.body.categories.find((c: any) => c.value === 'emergency')
    expect(emergencyCat).toMatchObject({ label: 'طوارئ', count: 1 })
    expect(cats.body.categories).toHaveLength(4)
    const emergencies = await get('/services/emergency?locale=ar')
    expect(emergencies.status).toBe(200)
    expect(emergencies.body.docs.map((d: any) => d.name)).toContain('تغيير البطارية')
    expect(emergencies.body.docs.every((d: any) => d.availability.emergencyAvailable && d.availability.active)).toBe(true)

    // Only admins manage services.
    const buyer = await createUser({ roles: ['buyer'] })
    expect((await post('/services', { name: 'x', slug: 'x', category: 'emergency', basePrice: 1, durationMinutes: 10 }, { token: buyer.token })).status).toBe(403)
  })
})
