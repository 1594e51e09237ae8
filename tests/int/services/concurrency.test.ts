import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { type ApiResponse, post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
import { statementsSentBy } from '../../helpers/sql'
import { createUser, type TestUser } from '../../helpers/users'
import { bookingBody, cairoTime, makeService, makeTechnician } from './fixtures'

let payload: Payload
let admin: TestUser
let customer: TestUser
let service: { id: number }

const seq = (n: string) => Number(n.split('-')[2])

async function approvedBooking(at: Date): Promise<number> {
  const res = await post('/service-bookings', bookingBody(service.id, at), { token: customer.token })
  expect(res.status).toBe(201)
  expect((await post(`/service-bookings/${res.body.doc.id}/approve`, {}, { token: admin.token })).status).toBe(200)
  return res.body.doc.id
}

beforeAll(async () => {
  payload = await testPayload()
  ;[admin, customer] = await Promise.all([createUser({ roles: ['admin'] }), createUser({ roles: ['buyer'] })])
  service = await makeService({ durationMinutes: 90 })
})

describe('booking numbers under concurrency', () => {
  it('20 concurrent creations → 20 distinct, consecutive BK-<year>-<6 digits> numbers', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => post('/service-bookings', bookingBody(service.id, cairoTime(2, 8, i)), { token: customer.token })))
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201))
    const numbers = results.map((r) => r.body.doc.bookingNumber as string)
    expect(new Set(numbers).size).toBe(20)
    for (const n of numbers) expect(n).toMatch(/^BK-\d{4}-\d{6}$/)
    const sorted = numbers.map(seq).sort((a, b) => a - b)
    expect(sorted[19] - sorted[0]).toBe(19)
    // A failed creation (bad phone) rolls its number back: the next one is still consecutive.
    const bad = await post('/service-bookings', bookingBody(service.id, cairoTime(2, 9), { customerInfo: { name: 'x', phone: 'nope' } }), { token: customer.token })
    expect(bad.status).toBe(400)
    const next = await post('/service-bookings', bookingBody(service.id, cairoTime(2, 9)), { token: customer.token })
    expect(seq(next.body.doc.bookingNumber)).toBe(sorted[19] + 1)
    // Each was written under a provisional number and numbered last: the rows carry the numbers answered, and no
    // provisional number is left (the bad one was refused before it was written).
    const ids = [...results.map((r) => Number(r.body.doc.id)), Number(next.body.doc.id)]
    const stored = await payload.find({ collection: 'service-bookings', where: { id: { in: ids } }, overrideAccess: true, depth: 0, limit: 30, select: { bookingNumber: true } })
    expect(new Map(stored.docs.map((d) => [d.id, d.bookingNumber]))).toEqual(new Map([...results, next].map((r) => [r.body.doc.id, r.body.doc.bookingNumber])))
    expect((await payload.count({ collection: 'service-bookings', where: { bookingNumber: { like: 'BK-PROVISIONAL-' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it("holds the year's counter for the fewest statements: the booking, its arrays and its read-back are written before it", async () => {
    const booker = await createUser({ roles: ['buyer'] })
    let res: ApiResponse | undefined
    const statements = await statementsSentBy(async () => {
      res = await post('/service-bookings', bookingBody(service.id, cairoTime(3, 10)), { token: booker.token })
    })
    expect(res?.status, JSON.stringify(res?.body)).toBe(201)
    expect(res?.body.doc.bookingNumber).toMatch(/^BK-\d{4}-\d{6}$/)
    const counted = statements.findIndex((s) => /service_booking_counters/.test(s))
    const commit = statements.lastIndexOf('commit')
    expect(counted).toBeGreaterThan(0)
    const before = statements.slice(0, counted)
    const held = statements.slice(counted, commit + 1)
    expect(before.filter((s) => s.startsWith('insert into "service_bookings"'))).toHaveLength(1)
    // After the counter (8): the numbering, the customer's notification (their recipient fields and push
    // subscriptions, the template, the row; here also its email's outcome: the test's Local API request has no
    // response to defer the mail to), the commit. It was the whole create before: the booking's row, its
    // status-history row, their read-back, and the same notification.
    expect(held.filter((s) => /^insert into "service_bookings|^select jsonb_build_object\('id', "service_bookings"/.test(s))).toEqual([])
    expect(held.filter((s) => s.startsWith('update service_bookings set booking_number ='))).toHaveLength(1)
    expect(held.length, held.join('\n')).toBeLessThanOrEqual(8)
  })
})

describe('technician overlap', () => {
  it('assigning a technician to an overlapping booking → 409; a non-overlapping one is fine', async () => {
    const tech = await makeTechnician()
    const a = await approvedBooking(cairoTime(4, 10)) // 10:00–11:30
    const b = await approvedBooking(cairoTime(4, 11)) // 11:00–12:30 overlaps a
    const c = await approvedBooking(cairoTime(4, 11, 30)) // 11:30–13:00 touches a's end only
    expect((await post(`/service-bookings/${a}/assign`, { technician: tech.id }, { token: admin.token })).status).toBe(200)
    const clash = await post(`/service-bookings/${b}/assign`, { technician: tech.id }, { token: admin.token })
    expect(clash.status).toBe(409)
    expect(clash.body.errors[0].data.booking).toBe(a)
    const bDoc = (await payload.findByID({ collection: 'service-bookings', id: b, overrideAccess: true, depth: 0 })) as Record<string, any>
    expect(bDoc.technician ?? null).toBeNull()
    expect((await post(`/service-bookings/${c}/assign`, { technician: tech.id }, { token: admin.token })).status).toBe(200)
    // Once a is cancelled its slot is free again.
    expect((await post(`/service-bookings/${a}/cancel`, {}, { token: admin.token })).status).toBe(200)
    expect((await post(`/service-bookings/${b}/assign`, { technician: tech.id }, { token: admin.token })).status).toBe(409) // still overlaps c
    // Offline technicians are refused.
    const offline = await makeTechnician({ status: 'offline' })
    expect((await post(`/service-bookings/${b}/assign`, { technician: offline.id }, { token: admin.token })).status).toBe(409)
    // Only approved bookings can be assigned.
    const pending = await post('/service-bookings', bookingBody(service.id, cairoTime(4, 16)), { token: customer.token })
    expect((await post(`/service-bookings/${pending.body.doc.id}/assign`, { technician: tech.id }, { token: admin.token })).status).toBe(409)
  })

  it('two racing assignments of one technician to overlapping bookings → exactly one wins, the other 409', async () => {
    for (let round = 0; round < 3; round++) {
      const tech = await makeTechnician()
      const [x, y] = await Promise.all([approvedBooking(cairoTime(8 + round, 14)), approvedBooking(cairoTime(8 + round, 14, 45))])
      const results = await Promise.all([
        post(`/service-bookings/${x}/assign`, { technician: tech.id }, { token: admin.token }),
        post(`/service-bookings/${y}/assign`, { technician: tech.id }, { token: admin.token }),
      ])
      expect(results.map((r) => r.status).sort()).toEqual([200, 409])
      const holders = await payload.count({ collection: 'service-bookings', overrideAccess: true, where: { technician: { equals: tech.id } } })
      expect(holders.totalDocs).toBe(1)
    }
  })
})
