import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { post } from '../../helpers/api'
import { testPayload } from '../../helpers/payload'
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
