/**
 * Parking booking lifecycle through the real REST handlers: extend, cancellation refunds, check-in by PIN/QR,
 * check-out, field privacy.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { get, gql, patch, post } from '../../helpers/api'
import { completeOverstays, markNoShows, sendReminders } from '../../../endpoints/parking/jobs'
import { H, HOUR, type ParkingCast, parkingCast } from '../../helpers/parking'
import type { TestUser } from '../../helpers/users'

let payload: Payload
let owner: TestUser
let otherOwner: TestUser
let driver: TestUser
let stranger: TestUser
let admin: TestUser
let makeSpot: ParkingCast['makeSpot']
let makeVehicle: ParkingCast['makeVehicle']
let book: ParkingCast['book']

beforeAll(async () => {
  ;({ payload, owner, otherOwner, driver, stranger, admin, makeSpot, makeVehicle, book } = await parkingCast())
})

describe('extend', () => {
  it('extends into free time with a new total; into a full window → 409 and the booking unchanged', async () => {
    const spot = await makeSpot({ totalSlots: 1, price: 4 })
    const mine = await book(spot.id, H(0), H(2))
    expect(mine.status).toBe(201)
    const other = await makeVehicle(stranger, 'SHJ 77')
    expect((await book(spot.id, H(3), H(5), { token: stranger.token, vehicle: other })).status).toBe(201)

    const ok = await post(`/parking-bookings/${mine.body.id}/extend`, { endTime: H(3) }, { token: driver.token })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body).toMatchObject({ endTime: H(3), totalCost: 12 })

    const full = await post(`/parking-bookings/${mine.body.id}/extend`, { endTime: H(4) }, { token: driver.token })
    expect(full.status).toBe(409)
    const after = await payload.findByID({ collection: 'parking-bookings' as never, id: mine.body.id, overrideAccess: true, depth: 0 })
    expect(after).toMatchObject({ endTime: H(3), totalCost: 12, status: 'pending' })

    expect((await post(`/parking-bookings/${mine.body.id}/extend`, { endTime: H(1) }, { token: driver.token })).status).toBe(400)
    expect((await post(`/parking-bookings/${mine.body.id}/extend`, { endTime: H(3) }, { token: stranger.token })).status).toBe(404)
  })
})

describe('cancel', () => {
  it('full refund until fullRefundHoursBefore before the start, lateRefundPercent after', async () => {
    const spot = await makeSpot({ price: 10 })
    const early = await book(spot.id, H(1), H(3)) // ≥ 48 h ahead
    const res = await post(`/parking-bookings/${early.body.id}/cancel`, { reason: 'Plans changed' }, { token: driver.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ status: 'cancelled', refundAmount: 20, cancellationReason: 'driver_cancelled', cancellationNote: 'Plans changed' })

    const soonStart = new Date(Math.ceil((Date.now() + 3 * HOUR) / HOUR) * HOUR)
    const late = await book(spot.id, soonStart.toISOString(), new Date(soonStart.getTime() + 2 * HOUR).toISOString())
    expect(late.status).toBe(201)
    const lateRes = await post(`/parking-bookings/${late.body.id}/cancel`, {}, { token: driver.token })
    expect(lateRes.body).toMatchObject({ status: 'cancelled', refundAmount: 8 }) // 40 % of 20

    expect((await post(`/parking-bookings/${late.body.id}/cancel`, {}, { token: driver.token })).status).toBe(409)
    const third = await book(spot.id, H(5), H(6))
    expect((await post(`/parking-bookings/${third.body.id}/cancel`, {}, { token: stranger.token })).status).toBe(404)
    expect((await post(`/parking-bookings/${third.body.id}/cancel`, {}, { token: owner.token })).status).toBe(403)
  })

  it('clients cannot change status, cost or window through PATCH', async () => {
    const spot = await makeSpot()
    const b = await book(spot.id, H(1), H(2))
    const res = await api_patch(`/parking-bookings/${b.body.id}`, { status: 'completed', totalCost: 0 }, driver.token)
    expect(res.status).toBe(403)
    const stored = await payload.findByID({ collection: 'parking-bookings' as never, id: b.body.id, overrideAccess: true, depth: 0 })
    expect(stored).toMatchObject({ status: 'pending', totalCost: 5 })
    // Admins obey the state table too: pending → completed is not a transition.
    expect((await api_patch(`/parking-bookings/${b.body.id}`, { status: 'completed' }, admin.token)).status).toBe(409)
  })
})

describe('check-in and check-out', () => {
  it('wrong PIN → 404 and no check-in; outside the window → 409; right QR inside the window checks in', async () => {
    const spot = await makeSpot()
    const soon = new Date(Date.now() + 5 * 60_000)
    const b = await book(spot.id, soon.toISOString(), new Date(soon.getTime() + HOUR).toISOString())
    expect(b.status).toBe(201)
    const wrongPin = String((Number(b.body.pin) + 1) % 10_000).padStart(4, '0')
    const wrong = await post('/parking-bookings/validate', { spot: spot.id, pin: wrongPin }, { token: owner.token })
    expect(wrong.status).toBe(404)
    expect((await post('/parking-bookings/validate', { qrCode: 'nope' }, { token: owner.token })).status).toBe(404)
    let stored = (await payload.findByID({ collection: 'parking-bookings' as never, id: b.body.id, overrideAccess: true })) as { status: string; checkedInAt?: string | null }
    expect(stored.status).toBe('pending')
    expect(stored.checkedInAt ?? null).toBeNull()

    // Not the spot's owner.
    expect((await post('/parking-bookings/validate', { spot: spot.id, pin: b.body.pin }, { token: otherOwner.token })).status).toBe(403)
    expect((await post('/parking-bookings/validate', { qrCode: b.body.qrCode }, { token: otherOwner.token })).status).toBe(404)
    expect((await post('/parking-bookings/validate', { qrCode: b.body.qrCode }, { token: driver.token })).status).toBe(403)
    expect((await post('/parking-bookings/validate', { spot: spot.id, pin: '12' }, { token: owner.token })).status).toBe(400)

    const ok = await post('/parking-bookings/validate', { spot: spot.id, pin: b.body.pin }, { token: owner.token })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body.status).toBe('active')
    expect(ok.body.checkedInAt).toBeTruthy()
    expect((await post('/parking-bookings/validate', { qrCode: b.body.qrCode }, { token: owner.token })).status).toBe(409)

    const out = await post(`/parking-bookings/${b.body.id}/check-out`, {}, { token: driver.token })
    expect(out.status).toBe(200)
    expect(out.body).toMatchObject({ status: 'completed' })
    expect(out.body.checkedOutAt).toBeTruthy()
    stored = (await payload.findByID({ collection: 'parking-bookings' as never, id: b.body.id, overrideAccess: true })) as never
    expect(stored.status).toBe('completed')
    expect((await post(`/parking-bookings/${b.body.id}/check-out`, {}, { token: driver.token })).status).toBe(409)
  })

  it('check-in outside [start − grace, end] → 409 and nothing changes', async () => {
    const spot = await makeSpot()
    const b = await book(spot.id, H(0), H(1)) // two days ahead
    const res = await post('/parking-bookings/validate', { qrCode: b.body.qrCode }, { token: owner.token })
    expect(res.status).toBe(409)
    const stored = (await payload.findByID({ collection: 'parking-bookings' as never, id: b.body.id, overrideAccess: true })) as { status: string }
    expect(stored.status).toBe('pending')
  })

  it('by spot and PIN, another owner’s inactive spot is a 404 as an unknown spot (never a 403 that tells it exists); its owner is answered about the PIN', async () => {
    const hidden = await makeSpot({ active: false })
    const unknown = await post('/parking-bookings/validate', { spot: 2_000_000_000, pin: '1234' }, { token: otherOwner.token })
    const res = await post('/parking-bookings/validate', { spot: hidden.id, pin: '1234' }, { token: otherOwner.token })
    expect(res.status, JSON.stringify(res.body)).toBe(404)
    expect(unknown.status).toBe(404)
    expect(res.body.errors[0].message).toBe(unknown.body.errors[0].message.replace('2000000000', String(hidden.id)))
    expect(res.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toEqual(['spot'])
    const mine = await post('/parking-bookings/validate', { spot: hidden.id, pin: '1234' }, { token: owner.token })
    expect(mine.status).toBe(404)
    expect(mine.body.errors[0].message).toBe('No booking matches this PIN.')
    // a QR code needs no spot: a spot given beside it is still checked as an id
    expect((await post('/parking-bookings/validate', { qrCode: 'nope', spot: 'x' }, { token: owner.token })).status).toBe(400)
  })
})

describe('privacy', () => {
  it('PIN and QR code: visible to the driver, the spot owner and admins; a stranger cannot read the booking at all', async () => {
    const spot = await makeSpot()
    const b = await book(spot.id, H(40), H(41))
    for (const who of [driver, owner, admin]) {
      const res = await get(`/parking-bookings/${b.body.id}`, { token: who.token })
      expect(res.status).toBe(200)
      expect(res.body.pin).toBe(b.body.pin)
      expect(res.body.qrCode).toBe(b.body.qrCode)
    }
    for (const who of [stranger, otherOwner]) {
      const res = await get(`/parking-bookings/${b.body.id}`, { token: who.token })
      expect(res.status).toBe(404)
      expect(JSON.stringify(res.body)).not.toContain(b.body.qrCode)
      const list = await get('/parking-bookings?limit=100', { token: who.token })
      expect(list.body.docs.map((d: { id: number }) => d.id)).not.toContain(b.body.id)
      const g = await gql(`{ ParkingBookings(limit: 100) { docs { id pin qrCode } } }`, {}, { token: who.token })
      expect(JSON.stringify(g.body)).not.toContain(b.body.qrCode)
    }
    expect((await get(`/parking-bookings/${b.body.id}`)).status).toBe(403)
  })

  it('field access hides the PIN even where the row is readable by someone else (field-level rule)', async () => {
    const { bookingPartyOnly } = await import('../../../collections/parking/ParkingBookings')
    const doc = { user: driver.id, spotOwner: owner.id }
    const req = (u: TestUser | null) => ({ req: { user: u ? { id: u.id, collection: 'users', roles: u.roles } : null }, doc }) as never
    expect(await bookingPartyOnly(req(stranger))).toBe(false)
    expect(await bookingPartyOnly(req(null))).toBe(false)
    expect(await bookingPartyOnly(req(driver))).toBe(true)
    expect(await bookingPartyOnly(req(owner))).toBe(true)
    expect(await bookingPartyOnly(req(admin))).toBe(true)
  })
})

const api_patch = (path: string, body: unknown, token: string) => patch(path, body, { token })

describe('jobs', () => {
  const soonWindow = (startInMin: number, minutes: number) => {
    const start = new Date(Date.now() + startInMin * 60_000)
    return [start.toISOString(), new Date(start.getTime() + minutes * 60_000).toISOString()] as const
  }
  const load = (id: number) => payload.findByID({ collection: 'parking-bookings' as never, id, overrideAccess: true, depth: 0 }) as unknown as Promise<Record<string, unknown>>

  it('no-show: never checked in by the end → cancelled, reason no_show, no refund; running bookings untouched', async () => {
    const spot = await makeSpot()
    const [s, e] = soonWindow(1, 60)
    const missed = await book(spot.id, s, e)
    const later = await book(spot.id, H(1), H(2))
    expect(await markNoShows(payload, new Date(Date.now() + 30 * 60_000))).toBe(0) // window not over yet
    expect((await load(missed.body.id)).status).toBe('pending')
    const after = new Date(Date.now() + 2 * HOUR)
    expect(await markNoShows(payload, after)).toBe(1)
    expect(await load(missed.body.id)).toMatchObject({ status: 'cancelled', cancellationReason: 'no_show', refundAmount: 0 })
    expect((await load(later.body.id)).status).toBe('pending')
    expect(await markNoShows(payload, after)).toBe(0) // idempotent
    const notes = await payload.find({ collection: 'notifications' as never, where: { user: { equals: driver.id }, type: { equals: 'booking_status' } }, overrideAccess: true })
    expect(notes.docs.some((n) => JSON.stringify(n).includes('no_show'))).toBe(true)
  })

  it('overstay: a checked-in booking past its end is completed', async () => {
    const spot = await makeSpot()
    const [s, e] = soonWindow(1, 30)
    const b = await book(spot.id, s, e)
    expect((await post('/parking-bookings/validate', { qrCode: b.body.qrCode }, { token: owner.token })).status).toBe(200)
    expect(await completeOverstays(payload, new Date())).toBe(0)
    expect(await completeOverstays(payload, new Date(Date.now() + HOUR))).toBe(1)
    const stored = await load(b.body.id)
    expect(stored.status).toBe('completed')
    expect(stored.checkedOutAt).toBeTruthy()
  })

  it('reminder one hour before the start, sent once', async () => {
    const spot = await makeSpot()
    const [s, e] = soonWindow(30, 60)
    const soon = await book(spot.id, s, e)
    const far = await book(spot.id, H(3), H(4))
    const count = async () =>
      (await payload.count({ collection: 'notifications' as never, where: { user: { equals: driver.id }, type: { equals: 'booking_reminder' } }, overrideAccess: true })).totalDocs
    const before = await count()
    expect(await sendReminders(payload, new Date())).toBe(1)
    expect(await sendReminders(payload, new Date())).toBe(0)
    expect(await count()).toBe(before + 1)
    expect((await load(soon.body.id)).reminderSentAt).toBeTruthy()
    expect((await load(far.body.id)).reminderSentAt ?? null).toBeNull()
  })

  it('the tasks are registered with the Jobs Queue and run', async () => {
    const ids: string[] = []
    for (const task of ['parking-no-shows', 'parking-overstays', 'parking-payment-holds', 'parking-reminders']) {
      const job = (await payload.jobs.queue({ task: task as never, input: {} as never })) as { id: number | string }
      ids.push(String(job.id))
    }
    const result = await payload.jobs.run()
    const statuses = ids.map((id) => (result.jobStatus as Record<string, { status: string }>)[id]?.status)
    expect(statuses).toEqual(['success', 'success', 'success', 'success'])
    const scheduled = payload.config.jobs.tasks!.filter((t) => t.slug.startsWith('parking-')).map((t) => t.schedule?.[0]?.cron)
    expect(scheduled).toEqual(['* * * * *', '* * * * *', '* * * * *', '* * * * *'])
  })
})
