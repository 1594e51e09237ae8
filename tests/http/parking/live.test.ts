/**
 * Parking live updates over socket.io on the real server (docs/parking.md, "Live updates"): two clients on a
 * spot's room see the free-slot count change when a booking is made and when it is cancelled; the driver's booking
 * room gets status updates; a private booking room refuses strangers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../../src/server'
import { testPayload } from '../../helpers/payload'
import { http, startTestServer } from '../../helpers/server'
import { bodyRecorder, join, socketClients } from '../../helpers/sockets'
import { createUser, type TestUser } from '../../helpers/users'

let server: RunningServer
let owner: TestUser
let driver: TestUser
let stranger: TestUser

const HOUR = 3_600_000
const BASE = Math.ceil((Date.now() + 2 * 86_400_000) / HOUR) * HOUR
const H = (n: number) => new Date(BASE + n * HOUR).toISOString()

const { connect, closeAll } = socketClients(() => server.url)
const recorder = bodyRecorder

beforeAll(async () => {
  await testPayload()
  server = await startTestServer()
  ;[owner, driver, stranger] = await Promise.all([createUser({ roles: ['parking_owner'] }), createUser({ roles: ['buyer'] }), createUser({ roles: ['buyer'] })])
})

afterAll(async () => {
  closeAll()
  await server?.close()
})

describe('parking live updates', () => {
  it("two clients on a spot's room see the free-slot count drop on a booking and come back on its cancellation; the driver's room gets the statuses", async () => {
    const spot = await http(server.url, 'POST', '/api/parking-spots', {
      token: owner.token,
      body: { name: 'Live spot', city: 'Dubai', latitude: 25.2, longitude: 55.27, totalSlots: 2, price: 5, priceType: 'hour' },
    })
    expect(spot.status, JSON.stringify(spot.body)).toBe(201)
    const spotId = spot.body.doc.id as number
    const vehicle = await http(server.url, 'POST', '/api/vehicles', { token: driver.token, body: { licensePlate: 'dxb 777', make: 'Toyota', model: 'Corolla' } })
    expect(vehicle.status).toBe(201)

    // Two clients on the spot page: an anonymous visitor and a signed-in user.
    const a = await connect({})
    const b = await connect({ token: stranger.token })
    expect((await join(a, 'join-spot', { spotId })).event).toBe('joined')
    expect((await join(b, 'join', { room: `spot:${spotId}` })).event).toBe('joined')
    const recA = recorder(a, 'spot:availability-update')
    const recB = recorder(b, 'spot:availability-update')

    const booked = await http(server.url, 'POST', '/api/parking-bookings', { token: driver.token, body: { spot: spotId, vehicle: vehicle.body.doc.id, startTime: H(1), endTime: H(3) } })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    const bookingId = booked.body.id ?? booked.body.doc?.id
    expect(typeof bookingId).toBe('number')

    for (const rec of [recA, recB]) {
      const [first] = await rec.until(1)
      expect(first).toMatchObject({ spotId, totalSlots: 2, window: { start: H(1), end: H(3), availableSlots: 1 } })
    }
    // The REST figure agrees with the pushed one.
    const avail = await http(server.url, 'GET', `/api/parking-spots/${spotId}/availability?start=${encodeURIComponent(H(1))}&end=${encodeURIComponent(H(3))}`)
    expect(avail.body.availableSlots).toBe(1)

    // The driver follows the booking's room; a stranger may not.
    const driverSocket = await connect({ token: driver.token })
    expect((await join(driverSocket, 'join', { room: `parking-booking:${bookingId}` })).event).toBe('joined')
    expect((await join(b, 'join', { room: `parking-booking:${bookingId}` })).event).toBe('join-error')
    const driverRec = recorder(driverSocket, 'booking:status-update')

    const cancelled = await http(server.url, 'POST', `/api/parking-bookings/${bookingId}/cancel`, { token: driver.token, body: {} })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    for (const rec of [recA, recB]) {
      const got = await rec.until(2)
      expect(got.map((e) => e.window.availableSlots)).toEqual([1, 2])
    }
    const [status] = await driverRec.until(1)
    expect(status).toMatchObject({ bookingId, spotId, status: 'cancelled', previousStatus: 'pending' })
    expect(typeof status.message).toBe('string')
    expect(Number.isNaN(Date.parse(status.timestamp))).toBe(false)
  })

  it('a spot room for a missing or inactive spot is refused to visitors', async () => {
    const a = await connect({})
    expect((await join(a, 'join-spot', { spotId: 987654321 })).event).toBe('join-error')
    const hidden = await http(server.url, 'POST', '/api/parking-spots', {
      token: owner.token,
      body: { name: 'Hidden', city: 'Dubai', latitude: 25.2, longitude: 55.27, totalSlots: 1, price: 5, priceType: 'hour', active: false },
    })
    expect(hidden.status, JSON.stringify(hidden.body)).toBe(201)
    expect((await join(a, 'join-spot', { spotId: hidden.body.doc.id })).event).toBe('join-error')
    expect((await join(await connect({ token: owner.token }), 'join-spot', { spotId: hidden.body.doc.id })).event).toBe('joined')
  })
})
